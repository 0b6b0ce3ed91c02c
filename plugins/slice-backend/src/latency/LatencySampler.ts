import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import type { LatencyRetention, LatencyStore } from './LatencyStore';
import type { TunnelObservationProvider } from './types';

/** Task id of the sampling task (global: one replica samples). */
export const SAMPLER_TASK_ID = 'slice-latency-sampler';
/** Task id of the rollup + retention task (global). */
export const MAINTENANCE_TASK_ID = 'slice-latency-maintenance';
/** How often rollups and retention run. */
export const MAINTENANCE_INTERVAL_MS = 5 * 60_000;

export interface LatencySamplerOptions {
  provider: TunnelObservationProvider;
  store: LatencyStore;
  logger: LoggerService;
  retention: LatencyRetention;
  /** Current time; injectable for tests. */
  clock?: () => Date;
}

/**
 * Samples the tunnels the watch caches currently see into the store, and keeps the
 * store in shape (rollups, then retention).
 */
export class LatencySampler {
  private readonly provider: TunnelObservationProvider;
  private readonly store: LatencyStore;
  private readonly logger: LoggerService;
  private readonly retention: LatencyRetention;
  private readonly clock: () => Date;

  constructor(options: LatencySamplerOptions) {
    this.provider = options.provider;
    this.store = options.store;
    this.logger = options.logger;
    this.retention = options.retention;
    this.clock = options.clock ?? (() => new Date());
  }

  /** One sampling run: records every current tunnel observation. Returns rows written. */
  async sampleOnce(): Promise<number> {
    const at = this.clock();
    const observations = this.provider.currentTunnels();
    return this.store.recordSamples(observations, at);
  }

  /** One maintenance run: roll up completed buckets, then apply retention. */
  async maintain(signal?: AbortSignal): Promise<{
    buckets: number;
    samplesDeleted: number;
    rollupsDeleted: number;
  }> {
    const now = this.clock().getTime();
    const buckets = await this.store.rollup(now, signal);
    const deleted = await this.store.applyRetention(now, this.retention);
    return {
      buckets,
      samplesDeleted: deleted.samples,
      rollupsDeleted: deleted.rollups,
    };
  }

  /** Schedules both tasks with global scope. */
  async schedule(
    scheduler: SchedulerService,
    options: { samplingIntervalMs: number },
  ): Promise<void> {
    await scheduler.scheduleTask({
      id: SAMPLER_TASK_ID,
      scope: 'global',
      frequency: { milliseconds: options.samplingIntervalMs },
      timeout: {
        milliseconds: Math.max(60_000, 4 * options.samplingIntervalMs),
      },
      fn: async () => {
        try {
          const written = await this.sampleOnce();
          this.logger.debug(`Recorded ${written} tunnel latency samples`);
        } catch (error) {
          this.logger.warn(
            `Tunnel latency sampling failed: ${stringifyError(error)}`,
          );
        }
      },
    });
    await scheduler.scheduleTask({
      id: MAINTENANCE_TASK_ID,
      scope: 'global',
      frequency: { milliseconds: MAINTENANCE_INTERVAL_MS },
      timeout: { minutes: 30 },
      initialDelay: { minutes: 1 },
      fn: async signal => {
        try {
          const result = await this.maintain(signal);
          this.logger.debug(
            `Latency history maintenance: ${result.buckets} buckets rolled up, ` +
              `${result.samplesDeleted} samples and ${result.rollupsDeleted} rollups deleted`,
          );
        } catch (error) {
          this.logger.warn(
            `Latency history maintenance failed: ${stringifyError(error)}`,
          );
        }
      },
    });
  }
}
