import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createSliceActions } from './actions';
import { SliceApiClient } from '@slice-portal/plugin-slice-node';

/**
 * The kubeslice scaffolder actions. They call the slice backend's HTTP API on behalf of the
 * user who runs the template, so a template can do exactly what that user may do in the
 * portal's wizards, with the same preflight and audit.
 */
export const scaffolderModuleSlice = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'slice',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, discovery, auth, config }) {
        const client = new SliceApiClient({ discovery, auth });
        scaffolder.addActions(
          ...createSliceActions({
            client,
            appBaseUrl: config.getString('app.baseUrl').replace(/\/+$/, ''),
          }),
        );
      },
    });
  },
});
