import {
  coreServices,
  createServiceFactory,
  createServiceRef,
  type LoggerService,
  type RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  buildSnapshot,
  type FleetSnapshot,
  type HubObjects,
} from '@slice-portal/plugin-slice-common';
import { readHubConfigs, type HubConfig } from '../config/hubConfig';
import { readWatchTiming } from '../config/watchConfig';
import { systemClock, type Clock } from '../hubs/clock';
import { describeError } from '../hubs/describeError';
import { HubCache, type HubTiming } from '../hubs/HubCache';
import type { HubTransport } from '../hubs/hubTransport';
import type {
  TunnelObservation,
  TunnelObservationProvider,
} from '../latency/types';

/** The fleet as the backend knows it: answered from the hub caches, never from the clusters. */
export interface FleetService extends TunnelObservationProvider {
  /** The current snapshot of every hub (unfiltered: callers apply permissions). */
  snapshot(): FleetSnapshot;
  /** Resolves when each hub has synced or failed once, at most after `timeoutMs`. */
  waitForInitialSync(timeoutMs: number): Promise<void>;
  hubNames(): string[];
  /**
   * The raw cached objects of one hub (WorkerSliceConfigs, ServiceExportConfigs...), read
   * now rather than from the (up to a second old) snapshot: what a write's progress checks
   * look at. Undefined for an unknown hub.
   */
  hubObjects(name: string): HubObjects | undefined;
  /**
   * Calls `listener` after every change a watch brings (synchronously, possibly hundreds of
   * times a second at fleet scale: listeners must be cheap and debounce). Returns the
   * function that removes it.
   */
  onChange(listener: () => void): () => void;
}

/**
 * Snapshots are rebuilt only after a watch event (or when the last one is older than
 * `MAX_SNAPSHOT_AGE_MS`, so staleness reasons and ages stay current), and at most once per
 * `MIN_REBUILD_INTERVAL_MS`: a fleet of hundreds of workers sends watch events all the time,
 * and a rebuild (plus the serialised views cached per snapshot) must not be paid per request.
 * Data served is therefore at most a second behind the watches.
 */
const MAX_SNAPSHOT_AGE_MS = 5000;
const MIN_REBUILD_INTERVAL_MS = 1000;

export interface CachedFleetServiceOptions {
  hubs: HubConfig[];
  logger: LoggerService;
  clock?: Clock;
  timing?: Partial<HubTiming>;
  /** Default: @kubernetes/client-node with each hub's configured credentials. */
  transportFor?: (hub: HubConfig) => HubTransport;
}

export class CachedFleetService implements FleetService {
  private generation = 0;
  private cached?: {
    generation: number;
    builtAt: number;
    snapshot: FleetSnapshot;
  };
  private readonly hubs: HubCache[];
  private readonly logger: LoggerService;
  private readonly clock: Clock;
  private readonly changeListeners = new Set<() => void>();

  constructor(options: CachedFleetServiceOptions) {
    this.logger = options.logger;
    this.clock = options.clock ?? systemClock;
    this.hubs = options.hubs.map(
      hub =>
        new HubCache({
          config: hub,
          logger: options.logger.child({ hub: hub.name }),
          clock: this.clock,
          timing: options.timing,
          transport: options.transportFor?.(hub),
          onChange: () => {
            this.generation += 1;
            this.notifyChange();
          },
        }),
    );
  }

  /** Reads `slice.hubs` (failing on invalid config) and logs what the operator should know. */
  static create(options: {
    config: RootConfigService;
    logger: LoggerService;
  }): CachedFleetService {
    const hubs = readHubConfigs(options.config);
    if (hubs.length === 0) {
      options.logger.warn(
        'No hubs configured under slice.hubs; the fleet will be empty',
      );
    }
    for (const hub of hubs) {
      for (const warning of hub.warnings) options.logger.warn(warning);
    }
    return new CachedFleetService({
      hubs,
      logger: options.logger,
      timing: readWatchTiming(options.config),
    });
  }

  /** Starts every hub's watches; never rejects (a failing hub is reported, not thrown). */
  async start(): Promise<void> {
    await Promise.all(
      this.hubs.map(h =>
        h.start().catch(error =>
          this.logger.error(
            `Hub ${h.config.name}: start failed: ${describeError(error)}`,
          ),
        ),
      ),
    );
  }

  async stop(): Promise<void> {
    await Promise.all(this.hubs.map(h => h.stop()));
  }

  hubNames(): string[] {
    return this.hubs.map(h => h.config.name);
  }

  hubObjects(name: string): HubObjects | undefined {
    return this.hubs.find(h => h.config.name === name)?.snapshot();
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => {
      this.changeListeners.delete(listener);
    };
  }

  /** A throwing listener is logged and skipped: it must not break the watch that called us. */
  private notifyChange() {
    for (const listener of this.changeListeners) {
      try {
        listener();
      } catch (error) {
        this.logger.error(
          `Fleet change listener failed: ${describeError(error)}`,
        );
      }
    }
  }

  snapshot(): FleetSnapshot {
    const now = this.clock.now();
    const cached = this.cached;
    if (cached) {
      const age = now - cached.builtAt;
      const unchanged = cached.generation === this.generation;
      if (
        (unchanged && age < MAX_SNAPSHOT_AGE_MS) ||
        age < MIN_REBUILD_INTERVAL_MS
      ) {
        return cached.snapshot;
      }
    }
    const generation = this.generation;
    const t0 = performance.now();
    const snapshot = buildSnapshot(
      this.hubs.map(h => h.snapshot()),
      new Date(now),
    );
    this.logger.debug(
      `Fleet snapshot rebuilt in ${(performance.now() - t0).toFixed(1)} ms`,
    );
    this.cached = { generation, builtAt: now, snapshot };
    return snapshot;
  }

  currentTunnels(): TunnelObservation[] {
    const observations: TunnelObservation[] = [];
    for (const slice of this.snapshot().slices) {
      for (const tunnel of slice.tunnels) {
        for (const pod of tunnel.pods) {
          observations.push({
            hub: slice.hub,
            project: slice.project,
            slice: slice.name,
            localCluster: pod.cluster,
            remoteCluster: pod.cluster === tunnel.a ? tunnel.b : tunnel.a,
            gatewayPod: pod.pod,
            state: pod.state,
            latencyMs: pod.latencyMs,
            packetLossPercent: pod.packetLossPercent,
            txRateKbps: pod.txRateKbps,
            rxRateKbps: pod.rxRateKbps,
          });
        }
      }
    }
    return observations;
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
