import type { LatencyLatest, LatencyMatrixCell, LatencyStats } from './api';
import { type RollupRow, type SampleRow, usableLatency } from './rows';
import {
  Accumulator,
  clusterPair,
  pairKey,
  round,
  type Weighted,
  weightedPercentile,
} from './stats';

/**
 * Weights per value, values rounded to the output precision (3 decimals). Nearest-rank
 * percentiles commute with a monotone rounding, so the rounded percentile of the
 * histogram is the rounded percentile of the values, in memory that grows with the
 * distinct values rather than with the samples.
 */
export class ValueHistogram {
  private readonly weights = new Map<number, number>();

  add(value: number, weight: number): void {
    if (!Number.isFinite(value) || !(weight > 0)) {
      return;
    }
    const key = round(value) as number;
    this.weights.set(key, (this.weights.get(key) ?? 0) + weight);
  }

  get size(): number {
    return this.weights.size;
  }

  percentile(p: number): number | null {
    const values: Weighted[] = [];
    for (const [v, w] of this.weights) {
      values.push({ v, w });
    }
    return weightedPercentile(values, p);
  }
}

/** Running aggregate of one matrix cell. */
export class CellAcc {
  samples = 0;
  downSamples = 0;
  latency = new Accumulator();
  loss = new Accumulator();
  /** Values for the median: samples, or rollup means weighted by their counts. */
  latencyMid = new ValueHistogram();
  lossMid = new ValueHistogram();
  /** Values for the 95th percentile: samples, or rollup p95s weighted by their counts. */
  latencyHigh = new ValueHistogram();
  lossHigh = new ValueHistogram();
  /** Raw samples of the most recent sampling time seen. */
  private latestSamples: SampleRow[] = [];
  /** Rollups of the most recent bucket seen (used only when there are no raw samples). */
  private latestRollups: RollupRow[] = [];

  addSample(s: SampleRow): void {
    this.samples += 1;
    if (s.state === 'DOWN') {
      this.downSamples += 1;
    }
    const latency = usableLatency(s);
    this.latency.add(latency);
    this.loss.add(s.packetLossPercent);
    if (latency !== null) {
      this.latencyMid.add(latency, 1);
      this.latencyHigh.add(latency, 1);
    }
    if (s.packetLossPercent !== null) {
      this.lossMid.add(s.packetLossPercent, 1);
      this.lossHigh.add(s.packetLossPercent, 1);
    }
    const latestAt = this.latestSamples[0]?.at ?? Number.NEGATIVE_INFINITY;
    if (s.at > latestAt) {
      this.latestSamples = [s];
    } else if (s.at === latestAt) {
      this.latestSamples.push(s);
    }
  }

  addRollup(r: RollupRow): void {
    this.samples += r.samples;
    this.downSamples += r.downSamples;
    this.latency.add(r.latencyAvg, r.latencyCount, r.latencyMax);
    this.loss.add(r.lossAvg, r.lossCount, r.lossMax);
    if (r.latencyAvg !== null && r.latencyCount > 0) {
      this.latencyMid.add(r.latencyAvg, r.latencyCount);
      this.latencyHigh.add(r.latencyP95 ?? r.latencyAvg, r.latencyCount);
    }
    if (r.lossAvg !== null && r.lossCount > 0) {
      this.lossMid.add(r.lossAvg, r.lossCount);
      this.lossHigh.add(r.lossP95 ?? r.lossAvg, r.lossCount);
    }
    const latestAt =
      this.latestRollups[0]?.bucketStart ?? Number.NEGATIVE_INFINITY;
    if (r.bucketStart > latestAt) {
      this.latestRollups = [r];
    } else if (r.bucketStart === latestAt) {
      this.latestRollups.push(r);
    }
  }

  /**
   * The pair at its most recent sampling time: the mean over its gateway pods (both
   * directions). Without raw samples in the window, the most recent rollup bucket,
   * where a pod counts as down when most of its samples in the bucket were.
   */
  latestValue(): LatencyLatest | null {
    const latency = new Accumulator();
    const loss = new Accumulator();
    if (this.latestSamples.length > 0) {
      for (const s of this.latestSamples) {
        latency.add(usableLatency(s));
        loss.add(s.packetLossPercent);
      }
      return {
        at: new Date(this.latestSamples[0].at).toISOString(),
        latencyMs: round(latency.mean()),
        packetLossPercent: round(loss.mean()),
        pods: this.latestSamples.length,
        downPods: this.latestSamples.filter(s => s.state === 'DOWN').length,
      };
    }
    if (this.latestRollups.length > 0) {
      for (const r of this.latestRollups) {
        latency.add(r.latencyAvg, r.latencyCount);
        loss.add(r.lossAvg, r.lossCount);
      }
      return {
        at: new Date(this.latestRollups[0].bucketStart).toISOString(),
        latencyMs: round(latency.mean()),
        packetLossPercent: round(loss.mean()),
        pods: this.latestRollups.length,
        downPods: this.latestRollups.filter(r => r.downSamples * 2 > r.samples)
          .length,
      };
    }
    return null;
  }

  toCell(pair: [string, string]): LatencyMatrixCell {
    const stats = (
      acc: Accumulator,
      mid: ValueHistogram,
      high: ValueHistogram,
    ): LatencyStats => ({
      p50: round(mid.percentile(0.5)),
      p95: round(high.percentile(0.95)),
      max: round(acc.max),
      mean: round(acc.mean()),
    });
    return {
      clusters: pair,
      latest: this.latestValue(),
      latencyMs: stats(this.latency, this.latencyMid, this.latencyHigh),
      packetLossPercent: stats(this.loss, this.lossMid, this.lossHigh),
      samples: this.samples,
      downSamples: this.downSamples,
    };
  }
}

/** Descending with null first (an unmeasurable pair is treated as the worst). */
function compareWorst(a: number | null, b: number | null): number {
  if (a === b) {
    return 0;
  }
  if (a === null) {
    return -1;
  }
  if (b === null) {
    return 1;
  }
  return b - a;
}

/** Orders cells worst first: p95 latency, then p95 loss, then pair name. */
export function compareCellsWorstFirst(
  a: LatencyMatrixCell,
  b: LatencyMatrixCell,
): number {
  return (
    compareWorst(a.latencyMs.p95, b.latencyMs.p95) ||
    compareWorst(a.packetLossPercent.p95, b.packetLossPercent.p95) ||
    pairKey(a.clusters).localeCompare(pairKey(b.clusters))
  );
}

/** The matrix of one slice, aggregated per cluster pair while rows are read. */
export class MatrixAggregate {
  private readonly cells = new Map<
    string,
    { pair: [string, string]; acc: CellAcc }
  >();
  private readonly clusters = new Set<string>();
  private rollupRows = 0;

  addSample(s: SampleRow): void {
    this.cellFor(s).addSample(s);
  }

  addRollup(r: RollupRow): void {
    this.rollupRows += 1;
    this.cellFor(r).addRollup(r);
  }

  result(worstPairs: number): {
    approximate: boolean;
    clusters: string[];
    cells: LatencyMatrixCell[];
    worstPairs: LatencyMatrixCell[];
  } {
    const cells = [...this.cells.values()]
      .sort((a, b) => pairKey(a.pair).localeCompare(pairKey(b.pair)))
      .map(({ pair, acc }) => acc.toCell(pair));
    return {
      approximate: this.rollupRows > 0,
      clusters: [...this.clusters].sort(),
      cells,
      worstPairs: [...cells]
        .sort(compareCellsWorstFirst)
        .slice(0, Math.max(0, worstPairs)),
    };
  }

  private cellFor(row: { localCluster: string; remoteCluster: string }) {
    this.clusters.add(row.localCluster);
    this.clusters.add(row.remoteCluster);
    const pair = clusterPair(row.localCluster, row.remoteCluster);
    const key = pairKey(pair);
    let entry = this.cells.get(key);
    if (!entry) {
      entry = { pair, acc: new CellAcc() };
      this.cells.set(key, entry);
    }
    return entry.acc;
  }
}
