import type { Config } from '@backstage/config';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMs } from './durations';
import type { LatencyRetention } from './LatencyStore';
import { DEFAULT_MAX_ROWS } from './queryPlan';

/** The latency history's settings, read from `slice.latency`. */
export interface LatencyConfig {
  /** Only `gatewayStatus` (samples in the plugin database) exists today. */
  source: 'gatewayStatus';
  /** How often tunnel status is sampled. */
  samplingIntervalMs: number;
  retention: LatencyRetention;
  query: {
    /** Most stored rows (raw samples plus rollups) one latency request may read. */
    maxRows: number;
  };
}

export const LATENCY_CONFIG_DEFAULTS = {
  samplingInterval: '30s',
  rawRetention: '24h',
  rollupRetention: '30d',
  maxRows: DEFAULT_MAX_ROWS,
} as const;

const KEYS = {
  source: 'slice.latency.source',
  interval: 'slice.latency.sampling.interval',
  raw: 'slice.latency.retention.raw',
  rollup: 'slice.latency.retention.rollup',
  maxRows: 'slice.latency.query.maxRows',
};

function readDuration(config: Config, key: string, fallbackMs: number): number {
  if (!config.has(key)) {
    return fallbackMs;
  }
  // Accepts '30s', '24h', 'PT30S' or { seconds: 30 }; errors name the key.
  const ms = durationToMs(readDurationFromConfig(config, { key }));
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new Error(`Invalid duration at '${key}': must be positive`);
  }
  return ms;
}

/**
 * Reads and checks `slice.latency`. Throws an error naming the key on bad values, so
 * a misconfigured backend fails at start.
 */
export function readLatencyConfig(config: Config): LatencyConfig {
  const source = config.getOptionalString(KEYS.source) ?? 'gatewayStatus';
  if (source !== 'gatewayStatus') {
    throw new Error(
      `Unsupported latency source '${source}' at '${KEYS.source}': only 'gatewayStatus' is implemented`,
    );
  }
  const samplingIntervalMs = readDuration(config, KEYS.interval, 30_000);
  if (samplingIntervalMs < 1000 || samplingIntervalMs > 3_600_000) {
    throw new Error(
      `Invalid sampling interval at '${KEYS.interval}': must be between 1s and 1h`,
    );
  }
  const rawMs = readDuration(config, KEYS.raw, 24 * 3_600_000);
  if (rawMs < 5 * 60_000) {
    throw new Error(
      `Invalid raw sample retention at '${KEYS.raw}': must be at least 5m`,
    );
  }
  const rollupMs = readDuration(config, KEYS.rollup, 30 * 86_400_000);
  if (rollupMs < rawMs) {
    throw new Error(
      `Invalid rollup retention at '${KEYS.rollup}': must not be shorter than '${KEYS.raw}'`,
    );
  }
  const maxRows = config.getOptionalNumber(KEYS.maxRows) ?? DEFAULT_MAX_ROWS;
  if (!Number.isSafeInteger(maxRows) || maxRows < 1000) {
    throw new Error(
      `Invalid row limit at '${KEYS.maxRows}': must be a whole number of at least 1000`,
    );
  }
  return {
    source,
    samplingIntervalMs,
    retention: { rawMs, rollupMs },
    query: { maxRows },
  };
}
