import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { SliceEntityProvider } from './SliceEntityProvider';
import { SliceRelationsProcessor } from './SliceRelationsProcessor';
import { projectOwners } from './owners';

/**
 * KubeSlice slices and worker clusters in the catalog: one entity provider per hub of
 * `slice.hubs`, reading the slice backend's API on a schedule
 * (`catalog.providers.kubeslice.schedule`, default every minute), and the processor that
 * relates annotated entities to their slices.
 */
export const catalogModuleSlice = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'slice',
  register({ registerInit }) {
    registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ catalog, config, discovery, auth, logger, scheduler }) {
        const scheduleConfig = config.getOptionalConfig(
          'catalog.providers.kubeslice.schedule',
        );
        const schedule = scheduleConfig
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
          : {
              frequency: { minutes: 1 },
              timeout: { seconds: 50 },
              initialDelay: { seconds: 5 },
            };
        const ownerOf = projectOwners(config);
        const appBaseUrl = config.getString('app.baseUrl').replace(/\/+$/, '');
        const hubs = (config.getOptionalConfigArray('slice.hubs') ?? []).map(
          h => h.getString('name'),
        );
        const providers = hubs.map(
          hub =>
            new SliceEntityProvider({
              hub,
              discovery,
              auth,
              logger: logger.child({ hub }),
              taskRunner: scheduler.createScheduledTaskRunner(schedule),
              ownerOf,
              appBaseUrl,
            }),
        );
        catalog.addEntityProvider(providers);
        catalog.addProcessor(
          new SliceRelationsProcessor(() =>
            providers.flatMap(p => p.knownSlices()),
          ),
        );
      },
    });
  },
});
