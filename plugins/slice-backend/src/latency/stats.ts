/**
 * Small, portable statistics over fetched rows. Percentiles are computed here, in
 * TypeScript, rather than in SQL (`percentile_cont` exists in PostgreSQL but not in
 * SQLite); the rows one query reads are bounded by its row limit (see `queryPlan.ts`).
 */

/** A value with a weight (a raw sample weighs 1, a rollup bucket weighs its sample count). */
export interface Weighted {
  v: number;
  w: number;
}

/**
 * Weighted nearest-rank percentile: the smallest value whose cumulative weight reaches
 * `p` of the total weight. With unit weights this is the classic nearest-rank
 * definition (`p50` of 1..4 is 2, `p95` of 1..20 is 19). Null when there is no weight.
 */
export function weightedPercentile(
  values: Weighted[],
  p: number,
): number | null {
  const usable = values.filter(x => x.w > 0 && Number.isFinite(x.v));
  if (usable.length === 0) {
    return null;
  }
  const sorted = [...usable].sort((x, y) => x.v - y.v);
  const total = sorted.reduce((sum, x) => sum + x.w, 0);
  const target = Math.max(p * total, Number.MIN_VALUE);
  let cumulative = 0;
  for (const x of sorted) {
    cumulative += x.w;
    // A little slack for floating-point sums of weights.
    if (cumulative >= target - 1e-9) {
      return x.v;
    }
  }
  return sorted[sorted.length - 1].v;
}

/** Unweighted nearest-rank percentile of plain numbers. */
export function percentile(values: number[], p: number): number | null {
  return weightedPercentile(
    values.map(v => ({ v, w: 1 })),
    p,
  );
}

/** Running count/sum/max of one quantity. */
export class Accumulator {
  count = 0;
  sum = 0;
  max: number | null = null;

  /** Adds `count` samples whose mean is `mean` and whose maximum is `max`. */
  add(mean: number | null | undefined, count = 1, max?: number | null): void {
    if (mean === null || mean === undefined || !Number.isFinite(mean)) {
      return;
    }
    if (count <= 0) {
      return;
    }
    this.count += count;
    this.sum += mean * count;
    const top =
      max !== null && max !== undefined && Number.isFinite(max) ? max : mean;
    this.max = this.max === null ? top : Math.max(this.max, top);
  }

  mean(): number | null {
    return this.count > 0 ? this.sum / this.count : null;
  }
}

/** The unordered pair of two cluster names, sorted. */
export function clusterPair(x: string, y: string): [string, string] {
  return x <= y ? [x, y] : [y, x];
}

/** A string key for a pair, for maps and stable ordering. */
export function pairKey(pair: [string, string]): string {
  return `${pair[0]}\u0000${pair[1]}`;
}

/** Start of the bucket of width `widthMs` (aligned to the epoch) that contains `ms`. */
export function alignDown(ms: number, widthMs: number): number {
  return Math.floor(ms / widthMs) * widthMs;
}

/** Rounds for JSON output: statistics of ms and percent values do not need 15 digits. */
export function round(value: number | null, digits = 3): number | null {
  if (value === null) {
    return null;
  }
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
