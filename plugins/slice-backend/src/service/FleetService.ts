import {
  coreServices,
  createServiceFactory,
  createServiceRef,
  type LoggerService,
  type RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  buildFleet,
  type FleetResponse,
} from '@slice-portal/plugin-slice-common';
import { readHubConfigs } from '../config/hubConfig';
import { HubCache } from '../hubs/HubCache';

/** The fleet as the backend knows it: answered from the hub caches, never from the clusters. */
export interface FleetService {
  fleet(): FleetResponse;
  /** Resolves when each hub has synced or failed once, at most after `timeoutMs`. */
  waitForInitialSync(timeoutMs: number): Promise<void>;
}

export class CachedFleetService implements FleetService {
  private constructor(private readonly hubs: HubCache[]) {}

  static create(options: {
    config: RootConfigService;
    logger: LoggerService;
  }): CachedFleetService {
    const hubConfigs = readHubConfigs(options.config);
    if (hubConfigs.length === 0) {
      options.logger.warn(
        'No hubs configured under slice.hubs; the fleet will be empty',
      );
    }
    for (const hub of hubConfigs) {
      if (hub.skipTLSVerify) {
        options.logger.warn(
          `Hub ${hub.name}: skipTLSVerify is true, so the hub's certificate is not checked; use caData or caFile instead`,
        );
      }
    }
    return new CachedFleetService(
      hubConfigs.map(
        hub => new HubCache(hub, options.logger.child({ hub: hub.name })),
      ),
    );
  }

  async start(): Promise<void> {
    await Promise.all(this.hubs.map(h => h.start()));
  }

  async stop(): Promise<void> {
    await Promise.all(this.hubs.map(h => h.stop()));
  }

  fleet(): FleetResponse {
    return buildFleet(
      this.hubs.map(h => h.snapshot()),
      new Date(),
    );
  }

  async waitForInitialSync(timeoutMs: number): Promise<void> {
    await Promise.all(this.hubs.map(h => h.waitForInitialSync(timeoutMs)));
  }
}

/** Swappable by integrators and tests. */
export const fleetServiceRef = createServiceRef<FleetService>({
  id: 'slice.fleet',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
      },
      async factory({ config, logger, lifecycle }) {
        const fleet = CachedFleetService.create({ config, logger });
        // Start watching without blocking backend start-up: a hub that is down must not
        // keep the whole portal from starting.
        void fleet.start();
        lifecycle.addShutdownHook(() => fleet.stop());
        return fleet;
      },
    }),
});
