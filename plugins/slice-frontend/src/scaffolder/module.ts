import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  FormFieldBlueprint,
  createFormField,
} from '@backstage/plugin-scaffolder-react/alpha';

/**
 * The scaffolder's KubeSlice fields (new frontend system): `ui:field: KubesliceClusterPicker`
 * and `ui:field: SlicePicker` in a template's parameters.
 */
export const sliceScaffolderFieldsModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [
    FormFieldBlueprint.make({
      name: 'kubeslice-cluster-picker',
      params: {
        field: () =>
          import('./KubesliceClusterPicker').then(m =>
            createFormField({
              name: 'KubesliceClusterPicker',
              component: m.KubesliceClusterPicker,
            }),
          ),
      },
    }),
    FormFieldBlueprint.make({
      name: 'kubeslice-slice-picker',
      params: {
        field: () =>
          import('./SlicePicker').then(m =>
            createFormField({ name: 'SlicePicker', component: m.SlicePicker }),
          ),
      },
    }),
  ],
});
