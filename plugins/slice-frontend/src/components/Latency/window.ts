import type { LatencySeriesResponse } from '@slice-portal/plugin-slice-common';

/**
 * The latency tab's windows. `auto` (the default) asks for the last hour and fits the chart's
 * time axis to the samples there are, so a freshly started portal shows its first minutes
 * across the chart instead of a few dots at its right edge; the others are fixed ranges.
 */
export const LATENCY_WINDOWS = [
  { value: 'auto', seconds: 3600, matrixWindow: '1h' },
  { value: '15m', seconds: 900, matrixWindow: '15m' },
  { value: '1h', seconds: 3600, matrixWindow: '1h' },
  { value: '6h', seconds: 6 * 3600, matrixWindow: '6h' },
  { value: '24h', seconds: 86400, matrixWindow: '24h' },
  { value: '7d', seconds: 7 * 86400, matrixWindow: '7d' },
] as const;

export type LatencyWindow = (typeof LATENCY_WINDOWS)[number]['value'];
export const DEFAULT_LATENCY_WINDOW: LatencyWindow = 'auto';

export function latencyWindow(value: string | null | undefined) {
  return (
    LATENCY_WINDOWS.find(w => w.value === value) ??
    LATENCY_WINDOWS.find(w => w.value === DEFAULT_LATENCY_WINDOW)!
  );
}

/** The narrowest range the fitted axis shows, so that one sample is not a whole chart. */
export const MIN_FITTED_SPAN_MS = 5 * 60_000;

/**
 * The time range the chart draws: the answer's whole range, or (fitted) from the step of
 * the first sample of any pair — at least {@link MIN_FITTED_SPAN_MS} — to its end.
 * `fitted` says whether it is narrower than the answer's range.
 */
export function chartRange(
  data: LatencySeriesResponse,
  fit: boolean,
): { from: number; to: number; fitted: boolean } {
  const from = Date.parse(data.from);
  const to = Date.parse(data.to);
  if (!fit) return { from, to, fitted: false };
  let first = Infinity;
  for (const s of data.series) {
    for (const p of s.points) {
      if (p.samples > 0) {
        first = Math.min(first, Date.parse(p.t));
        break;
      }
    }
  }
  if (!Number.isFinite(first)) return { from, to, fitted: false };
  const start = Math.max(from, Math.min(first, to - MIN_FITTED_SPAN_MS));
  return { from: start, to, fitted: start > from };
}

/**
 * Where a pair's line breaks: between two points further apart than 1.5 × the larger of the
 * step and the pair's usual spacing (the median gap). A sampler slower than the step (30 s
 * samples in 15 s steps) leaves every other step empty; that is not a gap in the data.
 */
export function gapThresholdMs(times: number[], stepMs: number): number {
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) gaps.push(times[i] - times[i - 1]);
  gaps.sort((a, b) => a - b);
  const median = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0;
  return 1.5 * Math.max(stepMs, median);
}
