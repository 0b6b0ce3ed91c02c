import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import slicePlugin, {
  sliceScaffolderFieldsModule,
} from '@slice-portal/plugin-slice';
import { navModule } from './modules/nav';
import { demoSignInModule } from './modules/demoSignIn';

export default createApp({
  features: [
    catalogPlugin,
    scaffolderPlugin,
    slicePlugin,
    sliceScaffolderFieldsModule,
    navModule,
    demoSignInModule,
  ],
});
