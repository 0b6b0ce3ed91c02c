/**
 * Query planning for the latency history, without I/O: which stored resolution answers
 * which part of a range, the default step, the read limits and the messages of the 400
 * answers when a query is too large.
 */
import type { LatencyResolution } from './api';
import { formatShortDuration } from './durations';
import { ROLLUP_BUCKET_MS } from './rows';
import { alignDown } from './stats';

/**
 * Matrix windows up to this length are answered from raw samples (exact percentiles)
 * as far as they are kept; longer windows use rollups up to the rollup watermark.
 */
export const MAX_RAW_MATRIX_WINDOW_MS = 6 * 3_600_000;

/**
 * Most stored rows (raw samples plus rollup rows) one request may read. A 32-member
 * slice (1 984 gateway pods) writes about 238 000 raw rows per hour at 30 s sampling
 * and 571 000 rollup rows per day.
 */
export const DEFAULT_MAX_ROWS = 1_000_000;

/** Most points (summed over all series) one series answer may hold. */
export const DEFAULT_MAX_RESPONSE_POINTS = 200_000;

/** Rows read per database round trip. */
export const DEFAULT_PAGE_ROWS = 5000;

export type ReadKind = 'raw' | 'rollup';

/** `[fromMs, toMs)`, epoch milliseconds. */
export interface TimeRange {
  fromMs: number;
  toMs: number;
}

/** One table read over one range. */
export interface ReadPart extends TimeRange {
  kind: ReadKind;
}

export interface ReadPlan extends TimeRange {
  /** Rollups answer `[from, split)`, raw samples `[split, to)`. */
  splitMs: number;
  /** Where the split would be if rollups were preferred (≥ `splitMs`). */
  rollupSplitMs: number;
  /** The non-empty parts, in time order (rollups first). */
  parts: ReadPart[];
  resolution: LatencyResolution;
}

export interface PlanReadOptions extends TimeRange {
  /** Read raw samples as far back as they are complete (fine detail wanted). */
  preferRaw: boolean;
  nowMs: number;
  rawRetentionMs: number;
  /** Every bucket before it is rolled up; undefined before the first rollup. */
  watermarkMs: number | undefined;
}

/** A series step under the rollup resolution wants raw samples. */
export function seriesPrefersRaw(stepMs: number): boolean {
  return stepMs < ROLLUP_BUCKET_MS;
}

/** A short matrix window wants raw samples (exact percentiles). */
export function matrixPrefersRaw(windowMs: number): boolean {
  return windowMs <= MAX_RAW_MATRIX_WINDOW_MS;
}

/**
 * Splits a range at a time `S`: rollups answer `[from, S)`, raw samples `[S, to)`.
 * Preferring raw, `S` is as early as raw samples are complete
 * (`min(now − raw retention, watermark)`, bucket-aligned); otherwise `S` is the rollup
 * watermark, so only the not-yet-rolled-up tail is read raw. Before the first rollup
 * everything is raw.
 */
export function planRead(options: PlanReadOptions): ReadPlan {
  const { fromMs, toMs, preferRaw, nowMs, rawRetentionMs, watermarkMs } =
    options;
  const clamp = (ms: number) => Math.min(Math.max(ms, fromMs), toMs);
  let splitMs = fromMs;
  let rollupSplitMs = fromMs;
  if (watermarkMs !== undefined) {
    rollupSplitMs = clamp(watermarkMs);
    splitMs = preferRaw
      ? clamp(
          Math.min(
            alignDown(nowMs - rawRetentionMs, ROLLUP_BUCKET_MS),
            watermarkMs,
          ),
        )
      : rollupSplitMs;
  }
  const parts: ReadPart[] = [];
  if (splitMs > fromMs) {
    parts.push({ kind: 'rollup', fromMs, toMs: splitMs });
  }
  if (splitMs < toMs) {
    parts.push({ kind: 'raw', fromMs: splitMs, toMs });
  }
  let resolution: LatencyResolution = 'mixed';
  if (splitMs <= fromMs) {
    resolution = 'raw';
  } else if (splitMs >= toMs) {
    resolution = 'rollup';
  }
  return { fromMs, toMs, splitMs, rollupSplitMs, parts, resolution };
}

const NICE_STEPS_SECONDS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600,
  43200, 86400,
];

/** The smallest "round" step (1s, 2s, 5s, 10s, 15s, 30s, 1m, 2m, 5m, … 1d, n days) ≥ `seconds`. */
export function niceStepAtLeast(seconds: number): number {
  for (const step of NICE_STEPS_SECONDS) {
    if (step >= seconds) {
      return step;
    }
  }
  return Math.ceil(seconds / 86400) * 86400;
}

/**
 * The step when none is asked for: a round step giving at most `targetPoints` points
 * and not under `minStepSeconds`. Round steps from 5m on are multiples of the rollup
 * buckets, so long ranges (a day at about 300 points is 5m) are answered from rollups.
 */
export function defaultStepSeconds(options: {
  rangeSeconds: number;
  minStepSeconds: number;
  targetPoints: number;
}): number {
  const { rangeSeconds, minStepSeconds, targetPoints } = options;
  return niceStepAtLeast(Math.max(minStepSeconds, rangeSeconds / targetPoints));
}

/** A span as its two largest units, rounded down: `1d 18h`, `2h 14m`, `45m`, `30s`. */
export function describeSpan(ms: number): string {
  let rest = Math.max(0, Math.floor(ms / 1000));
  const units: Array<[number, string]> = [];
  for (const [size, unit] of [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'm'],
    [1, 's'],
  ] as const) {
    units.push([Math.floor(rest / size), unit]);
    rest %= size;
  }
  const first = units.findIndex(([n]) => n > 0);
  if (first < 0) {
    return '0s';
  }
  return units
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n}${unit}`)
    .join(' ');
}

/** A query read more rows than allowed. */
export interface RowLimitExceeded {
  limit: number;
  plan: ReadPlan;
  /** Time of the newest row past the limit: the newest `limit` rows are at or after it. */
  reachedMs: number;
}

function sourcesText(plan: ReadPlan): string {
  const kinds = plan.parts.map(p => p.kind);
  if (kinds.length === 2) {
    return '5-minute rollups and raw samples';
  }
  return kinds[0] === 'rollup' ? '5-minute rollups' : 'raw samples';
}

function tooManyRows(what: string, exceeded: RowLimitExceeded): string {
  const { limit, plan, reachedMs } = exceeded;
  return (
    `${what} would read more than ${limit} stored rows (${sourcesText(
      plan,
    )}); at most ${limit} are read per request, ` +
    `and the newest ${limit} go back only ${describeSpan(
      plan.toMs - reachedMs,
    )} of the ${describeSpan(plan.toMs - plan.fromMs)} asked`
  );
}

/** The 400 message for a series query over the row limit. */
export function seriesRowLimitMessage(exceeded: RowLimitExceeded): string {
  const { plan, reachedMs } = exceeded;
  const suggestions: string[] = [];
  if (plan.rollupSplitMs > plan.splitMs) {
    suggestions.push(
      `a step of ${formatShortDuration(
        ROLLUP_BUCKET_MS / 1000,
      )} or more (answered from the 5-minute rollups)`,
    );
  }
  suggestions.push(
    `a shorter range ('from' at or after ${new Date(
      reachedMs,
    ).toISOString()} for this 'to')`,
  );
  return `${tooManyRows(
    'Latency query too large: it',
    exceeded,
  )}. Narrow it: ${suggestions.join(', or ')}.`;
}

/** The longest matrix `window` (whole hours, else whole minutes) within `spanMs`. */
function windowWithin(spanMs: number): string | undefined {
  const hours = Math.floor(spanMs / 3_600_000);
  if (hours >= 1) {
    return formatShortDuration(hours * 3600);
  }
  const minutes = Math.floor(spanMs / 60_000);
  return minutes >= 1 ? formatShortDuration(minutes * 60) : undefined;
}

/** The 400 message for a matrix query over the row limit (also with rollups). */
export function matrixRowLimitMessage(exceeded: RowLimitExceeded): string {
  const { plan, reachedMs } = exceeded;
  const window = windowWithin(plan.toMs - reachedMs);
  return `${tooManyRows(
    `Latency matrix too large: the ${formatShortDuration(
      Math.round((plan.toMs - plan.fromMs) / 1000),
    )} window`,
    exceeded,
  )}. Narrow it: a shorter window${
    window ? ` (window=${window} or less)` : ''
  }.`;
}

/** The 400 message for a series answer over the points limit. */
export function pointLimitMessage(options: {
  limit: number;
  /** Series seen when the limit was passed (a lower bound). */
  seriesSeen: number;
  stepSeconds: number;
  rangeSeconds: number;
  byPod: boolean;
}): string {
  const { limit, seriesSeen, stepSeconds, rangeSeconds, byPod } = options;
  const steps = Math.ceil(rangeSeconds / stepSeconds);
  const step = niceStepAtLeast(
    Math.max(stepSeconds + 1, (seriesSeen * rangeSeconds) / limit),
  );
  const suggestions = [
    ...(byPod
      ? ['byPod=false (one series per cluster pair, not per gateway pod)']
      : []),
    `a step of ${formatShortDuration(step)} or more`,
    'a shorter range',
  ];
  return (
    `Latency query too large: it would return more than ${limit} points ` +
    `(at least ${seriesSeen} series × up to ${steps} steps of ${formatShortDuration(
      stepSeconds,
    )}); at most ${limit} are returned per request. ` +
    `Narrow it: ${suggestions.join(', or ')}.`
  );
}
