import type { Config } from '@backstage/config';
import { readDurationFromConfig } from '@backstage/config';
import { DEFAULT_HUB_TIMING, type HubTiming } from '../hubs/HubCache';
import { durationToMs } from '../latency/durations';

/** `slice.watch.*` key → the timing it sets, with the range it must lie in. */
const KEYS: Array<{
  key: string;
  field: Exclude<keyof HubTiming, 'backoff' | 'watchTimeoutSeconds'> | 'backoff.initialMs' | 'backoff.maxMs';
  minMs: number;
  maxMs: number;
}> = [
  { key: 'requestTimeout', field: 'requestTimeoutMs', minMs: 1_000, maxMs: 600_000 },
  { key: 'silenceTimeout', field: 'silenceTimeoutMs', minMs: 5_000, maxMs: 3_600_000 },
  { key: 'reconcileInterval', field: 'reconcileIntervalMs', minMs: 1_000, maxMs: 3_600_000 },
  { key: 'credentialTimeout', field: 'credentialTimeoutMs', minMs: 1_000, maxMs: 600_000 },
  { key: 'backoff.initial', field: 'backoff.initialMs', minMs: 100, maxMs: 600_000 },
  { key: 'backoff.max', field: 'backoff.maxMs', minMs: 1_000, maxMs: 3_600_000 },
];

/**
 * Reads `slice.watch` (how the hub and worker caches list, watch, time out and retry).
 * Every key is optional; a value outside its range fails at start naming the key.
 */
export function readWatchTiming(config: Config): HubTiming {
  const timing: HubTiming = {
    ...DEFAULT_HUB_TIMING,
    backoff: { ...DEFAULT_HUB_TIMING.backoff },
  };
  for (const { key, field, minMs, maxMs } of KEYS) {
    const fullKey = `slice.watch.${key}`;
    if (!config.has(fullKey)) continue;
    const ms = durationToMs(readDurationFromConfig(config, { key: fullKey }));
    if (!(ms >= minMs && ms <= maxMs)) {
      throw new Error(
        `Invalid config at '${fullKey}': must be between ${minMs / 1000}s and ${maxMs / 1000}s`,
      );
    }
    if (field === 'backoff.initialMs') timing.backoff.initialMs = ms;
    else if (field === 'backoff.maxMs') timing.backoff.maxMs = ms;
    else timing[field] = ms;
  }
  if (timing.backoff.initialMs > timing.backoff.maxMs) {
    throw new Error(
      `Invalid config at 'slice.watch.backoff.initial': must not exceed slice.watch.backoff.max`,
    );
  }
  return timing;
}
