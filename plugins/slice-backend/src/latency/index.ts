import type {
  DatabaseService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type express from 'express';
import type { LatencySource } from './api';
import { readLatencyConfig } from './config';
import { GatewayStatusLatencySource } from './GatewayStatusLatencySource';
import { LatencySampler } from './LatencySampler';
import { LatencyStore } from './LatencyStore';
import { createLatencyRouter, type LatencyRouterOptions } from './router';
import type { TunnelObservationProvider } from './types';

export type * from './api';
export type {
  TunnelObservation,
  TunnelObservationProvider,
  TunnelState,
} from './types';
export { createLatencyRouter, type LatencyRouterOptions } from './router';
export { readLatencyConfig, type LatencyConfig } from './config';
export { GatewayStatusLatencySource } from './GatewayStatusLatencySource';
export { LatencyStore, type LatencyRetention } from './LatencyStore';
export {
  LatencySampler,
  MAINTENANCE_TASK_ID,
  SAMPLER_TASK_ID,
} from './LatencySampler';

export interface LatencyHistoryOptions {
  /** The plugin's `coreServices.database`. */
  database: DatabaseService;
  /** The plugin's `coreServices.scheduler`. */
  scheduler: SchedulerService;
  logger: LoggerService;
  /** `coreServices.rootConfig`: reads `slice.latency.*` (and hub names from `slice.hubs`). */
  config: Config;
  /** What is observed now (the watch caches). */
  provider: TunnelObservationProvider;
  /** Current time; injectable for tests. */
  clock?: () => Date;
}

/** Options of {@link LatencyHistory.router}; `latency` is filled in. */
export type LatencyHistoryRouterOptions = Omit<
  LatencyRouterOptions,
  'latency' | 'knownHubs' | 'minStepSeconds' | 'maxWindowSeconds'
> & {
  /** Default: the names under `slice.hubs[].name` in config. */
  knownHubs?: () => Iterable<string>;
};

export interface LatencyHistory {
  /** Answers latency queries from the plugin database. */
  source: LatencySource;
  /** The `/v1/latency` routes, answering from `source`. */
  router(options: LatencyHistoryRouterOptions): Promise<express.Router>;
  /** Runs the migrations and schedules the sampling and maintenance tasks. */
  start(): Promise<void>;
}

/**
 * Latency history in one call: reads `slice.latency` (throws naming the key when it
 * is invalid), and wires the store, the `LatencySource`, the sampler tasks and the
 * routes together.
 */
export function createLatencyHistory(
  options: LatencyHistoryOptions,
): LatencyHistory {
  const { database, scheduler, logger, config, provider, clock } = options;
  const settings = readLatencyConfig(config);
  const store = LatencyStore.fromDatabase(database);
  const source = new GatewayStatusLatencySource({
    store,
    rawRetentionMs: settings.retention.rawMs,
    maxRows: settings.query.maxRows,
    clock,
  });
  const sampler = new LatencySampler({
    provider,
    store,
    logger,
    retention: settings.retention,
    clock,
  });
  const configuredHubs = () =>
    (config.getOptionalConfigArray('slice.hubs') ?? []).flatMap(hub => {
      const name = hub.getOptionalString('name');
      return name ? [name] : [];
    });

  return {
    source,
    router: routerOptions =>
      createLatencyRouter({
        knownHubs: configuredHubs,
        ...routerOptions,
        latency: source,
        minStepSeconds: Math.max(
          1,
          Math.floor(settings.samplingIntervalMs / 1000),
        ),
        maxWindowSeconds: Math.floor(settings.retention.rollupMs / 1000),
      }),
    async start() {
      await store.ready();
      await sampler.schedule(scheduler, {
        samplingIntervalMs: settings.samplingIntervalMs,
      });
      logger.info(
        `Latency history: sampling every ${
          settings.samplingIntervalMs / 1000
        }s, ` +
          `raw samples kept ${settings.retention.rawMs / 3_600_000}h, ` +
          `5-minute rollups kept ${settings.retention.rollupMs / 86_400_000}d`,
      );
    },
  };
}
