import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  slicePermissions,
  sliceResourcePermissions,
} from '@slice-portal/plugin-slice-common';
import { readTenancyConfig } from './config/tenancy';
import {
  createIsProjectOwnedByRule,
  isInProject,
  sliceResourceRef,
} from './permissions/rules';
import { SliceAuthorizer } from './permissions/SliceAuthorizer';
import { createRouter } from './router';
import { fleetServiceRef } from './service/FleetService';

/**
 * The Slice Portal backend plugin: serves `/api/slice/v1/*` from watch caches of the
 * configured KubeSlice hubs and their workers.
 */
export const slicePlugin = createBackendPlugin({
  pluginId: 'slice',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        fleet: fleetServiceRef,
      },
      async init({
        config,
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
        fleet,
      }) {
        const tenancy = readTenancyConfig(config);
        permissionsRegistry.addPermissions(
          slicePermissions.filter(p => p.type === 'basic'),
        );
        permissionsRegistry.addResourceType({
          resourceRef: sliceResourceRef,
          permissions: sliceResourcePermissions,
          rules: [isInProject, createIsProjectOwnedByRule(tenancy)],
          // Resource refs are `hub/project[/name]`: enough for the rules, which look at the project.
          getResources: async refs =>
            refs.map(ref => {
              const [hub, project, name] = ref.split('/');
              return hub && project ? { hub, project, name } : undefined;
            }),
        });
        const authorizer = new SliceAuthorizer(
          permissions,
          permissionsRegistry,
        );
        httpRouter.use(await createRouter({ httpAuth, authorizer, fleet }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
