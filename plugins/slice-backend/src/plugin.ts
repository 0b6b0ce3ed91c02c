import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { NotAllowedError } from '@backstage/errors';
import {
  slicePermissions,
  sliceResourcePermissions,
} from '@slice-portal/plugin-slice-common';
import { SliceApiClient } from '@slice-portal/plugin-slice-node';
import { registerSliceActions } from './actions';
import { readTenancyConfig } from './config/tenancy';
import { createLatencyHistory } from './latency';
import {
  createIsProjectOwnedByRule,
  isInProject,
  sliceResourceRef,
} from './permissions/rules';
import { SliceAuthorizer } from './permissions/SliceAuthorizer';
import { createAuditLog, registerAuditRoutes } from './audit';
import {
  createOperationTracker,
  registerOperationRoutes,
  sliceOperationsExtensionPoint,
  type OperationNotifier,
} from './operations';
import { createRouter } from './router';
import { createSliceApiRouter } from './api/openApiRouter';
import { fleetServiceRef } from './service/FleetService';
import { createWriteRouter } from './write/router';
import { readWriteSettings } from './write/writeConfig';

/**
 * The Slice Portal backend plugin: serves `/api/slice/v1/*` from watch caches of the
 * configured KubeSlice hubs and their workers, and keeps tunnel latency history.
 */
export const slicePlugin = createBackendPlugin({
  pluginId: 'slice',
  register(env) {
    // Modules (e.g. sliceSignalsModule) add notifiers here before init runs.
    const operationNotifiers: OperationNotifier[] = [];
    env.registerExtensionPoint(sliceOperationsExtensionPoint, {
      addNotifier: notifier => {
        operationNotifiers.push(notifier);
      },
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        lifecycle: coreServices.lifecycle,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        actionsRegistry: actionsRegistryServiceRef,
        fleet: fleetServiceRef,
      },
      async init(deps) {
        const {
          config,
          logger,
          database,
          lifecycle,
          scheduler,
          httpRouter,
          httpAuth,
          permissions,
          permissionsRegistry,
          auditor,
          discovery,
          auth,
          actionsRegistry,
          fleet,
        } = deps;
        // Backstage's database manager leaves SQLite connections open at shutdown (it keeps
        // in-memory databases alive), and their pool's timers then keep the process alive: a
        // stopped test backend left its Jest worker unable to exit. Close ours when we stop.
        lifecycle.addShutdownHook(async () => {
          const knex = await database.getClient();
          if (String(knex.client.config.client).includes('sqlite')) {
            await knex.destroy();
          }
        });
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

        // Tunnel latency over time: sampled from the worker caches into the plugin database.
        const latency = createLatencyHistory({
          database,
          scheduler,
          logger,
          config,
          provider: fleet,
        });
        await latency.start();
        const latencyRouter = await latency.router({
          knownHubs: () => fleet.hubNames(),
          authorizeSlice: async (req, ref) => {
            const credentials = await httpAuth.credentials(req);
            await authorizer.requireFleetRead(credentials);
            const visible = await authorizer.sliceFilter(credentials);
            if (
              !visible({ hub: ref.hub, project: ref.project, name: ref.slice })
            ) {
              throw new NotAllowedError(
                `You may not read slices of project '${ref.project}' (kubeslice.slice.read)`,
              );
            }
          },
        });

        // Write-path bookkeeping: operation progress and the audit log, in the plugin database.
        const operations = createOperationTracker({
          database,
          fleet,
          logger,
          notifiers: operationNotifiers,
        });
        lifecycle.addShutdownHook(() => operations.stop());
        const audit = createAuditLog({ database, auditor, logger });

        const bookkeepingRouter = createSliceApiRouter();
        registerOperationRoutes(bookkeepingRouter, {
          httpAuth,
          authorizer,
          tracker: operations,
        });
        registerAuditRoutes(bookkeepingRouter, {
          httpAuth,
          authorizer,
          store: audit.store,
        });

        // Writes parse, validate and audit their own requests, so they go before the read
        // router (whose validator would answer their 400s first, unaudited).
        httpRouter.use(
          createWriteRouter({
            httpAuth,
            authorizer,
            tracker: operations,
            audit: audit.log,
            logger: logger.child({ component: 'writes' }),
            settings: readWriteSettings(config),
          }),
        );
        httpRouter.use(
          await createRouter({
            httpAuth,
            authorizer,
            fleet,
            extraRouters: [latencyRouter, bookkeepingRouter],
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        // AI actions (MCP): they call this plugin's own API as the caller, so every answer is
        // the one the portal would give that user — same tenancy, permissions and audit.
        registerSliceActions({
          registry: actionsRegistry,
          client: new SliceApiClient({ discovery, auth }),
          appBaseUrl: (config.getOptionalString('app.baseUrl') ?? '').replace(
            /\/+$/,
            '',
          ),
        });
      },
    });
  },
});
