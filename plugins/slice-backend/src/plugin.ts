import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { slicePermissions } from '@slice-portal/plugin-slice-common';
import { createRouter } from './router';
import { fleetServiceRef } from './service/FleetService';

/**
 * The Slice Portal backend plugin: serves `/api/slice/v1/*` from watch caches of the
 * configured KubeSlice hubs.
 */
export const slicePlugin = createBackendPlugin({
  pluginId: 'slice',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        fleet: fleetServiceRef,
      },
      async init({
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
        fleet,
      }) {
        permissionsRegistry.addPermissions(slicePermissions);
        httpRouter.use(await createRouter({ httpAuth, permissions, fleet }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
