import { InputError } from '@backstage/errors';
import type {
  LatencyLatest,
  LatencyMatrixCell,
  LatencyMatrixQuery,
  LatencyMatrixResponse,
  LatencyPoint,
  LatencyResolution,
  LatencySeries,
  LatencySeriesQuery,
  LatencySeriesResponse,
  LatencySliceRef,
  LatencySource,
  LatencyStats,
} from './api';
import {
  type LatencyStore,
  type RollupRow,
  ROLLUP_BUCKET_MS,
  type SampleRow,
  usableLatency,
} from './LatencyStore';
import {
  Accumulator,
  alignDown,
  clusterPair,
  pairKey,
  round,
  type Weighted,
  weightedPercentile,
} from './stats';

/**
 * Matrix windows up to this length are answered from raw samples (exact percentiles)
 * as far as they are kept; longer windows use rollups up to the rollup watermark.
 */
export const MAX_RAW_MATRIX_WINDOW_MS = 6 * 3_600_000;

/** Default number of worst pairs in a matrix answer. */
export const DEFAULT_WORST_PAIRS = 10;

export interface GatewayStatusLatencySourceOptions {
  store: LatencyStore;
  /** How long raw samples are kept (to know from when on they are complete). */
  rawRetentionMs: number;
  /** Current time; injectable for tests. */
  clock?: () => Date;
}

/** Running aggregate of one series point. */
class PointAcc {
  samples = 0;
  downSamples = 0;
  latency = new Accumulator();
  loss = new Accumulator();
  tx = new Accumulator();
  rx = new Accumulator();

  addSample(s: SampleRow): void {
    this.samples += 1;
    if (s.state === 'DOWN') {
      this.downSamples += 1;
    }
    this.latency.add(usableLatency(s));
    this.loss.add(s.packetLossPercent);
    this.tx.add(s.txRateKbps);
    this.rx.add(s.rxRateKbps);
  }

  addRollup(r: RollupRow): void {
    this.samples += r.samples;
    this.downSamples += r.downSamples;
    this.latency.add(r.latencyAvg, r.latencyCount, r.latencyMax);
    this.loss.add(r.lossAvg, r.lossCount, r.lossMax);
    this.tx.add(r.txAvg, r.txCount);
    this.rx.add(r.rxAvg, r.rxCount);
  }

  toPoint(t: number): LatencyPoint {
    return {
      t: new Date(t).toISOString(),
      latencyMs: round(this.latency.mean()),
      latencyMaxMs: round(this.latency.max),
      packetLossPercent: round(this.loss.mean()),
      packetLossMaxPercent: round(this.loss.max),
      txRateKbps: round(this.tx.mean()),
      rxRateKbps: round(this.rx.mean()),
      samples: this.samples,
      downSamples: this.downSamples,
    };
  }
}

/** Running aggregate of one matrix cell. */
class CellAcc {
  samples = 0;
  downSamples = 0;
  latency = new Accumulator();
  loss = new Accumulator();
  /** Values for the median: samples, or rollup means weighted by their counts. */
  latencyMid: Weighted[] = [];
  lossMid: Weighted[] = [];
  /** Values for the 95th percentile: samples, or rollup p95s weighted by their counts. */
  latencyHigh: Weighted[] = [];
  lossHigh: Weighted[] = [];
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
      this.latencyMid.push({ v: latency, w: 1 });
      this.latencyHigh.push({ v: latency, w: 1 });
    }
    if (s.packetLossPercent !== null) {
      this.lossMid.push({ v: s.packetLossPercent, w: 1 });
      this.lossHigh.push({ v: s.packetLossPercent, w: 1 });
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
      this.latencyMid.push({ v: r.latencyAvg, w: r.latencyCount });
      this.latencyHigh.push({
        v: r.latencyP95 ?? r.latencyAvg,
        w: r.latencyCount,
      });
    }
    if (r.lossAvg !== null && r.lossCount > 0) {
      this.lossMid.push({ v: r.lossAvg, w: r.lossCount });
      this.lossHigh.push({ v: r.lossP95 ?? r.lossAvg, w: r.lossCount });
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
      mid: Weighted[],
      high: Weighted[],
    ): LatencyStats => ({
      p50: round(weightedPercentile(mid, 0.5)),
      p95: round(weightedPercentile(high, 0.95)),
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

function resolutionOf(
  from: number,
  split: number,
  to: number,
): LatencyResolution {
  if (split <= from) {
    return 'raw';
  }
  if (split >= to) {
    return 'rollup';
  }
  return 'mixed';
}

/**
 * The embedded {@link LatencySource}: answers from the samples the sampler stored
 * (see `LatencyStore` for the storage design).
 *
 * Every query is split at a time `S`: rollups answer `[from, S)`, raw samples
 * `[S, to)`. When the caller wants fine detail (series step under 5 minutes, matrix
 * window up to {@link MAX_RAW_MATRIX_WINDOW_MS}), `S` is as early as raw samples are
 * complete (`min(now − raw retention, watermark)`, bucket-aligned); otherwise `S` is
 * the rollup watermark, so only the not-yet-rolled-up tail is read raw.
 *
 * A rollup bucket counts at its start time: a step that is not a multiple of 5 minutes
 * (or a `from` that is not aligned) can see a bucket's samples in the step where the
 * bucket starts rather than spread over the steps it overlaps.
 */
export class GatewayStatusLatencySource implements LatencySource {
  private readonly store: LatencyStore;
  private readonly rawRetentionMs: number;
  private readonly clock: () => Date;

  constructor(options: GatewayStatusLatencySourceOptions) {
    this.store = options.store;
    this.rawRetentionMs = options.rawRetentionMs;
    this.clock = options.clock ?? (() => new Date());
  }

  async series(query: LatencySeriesQuery): Promise<LatencySeriesResponse> {
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    const stepMs = query.stepSeconds * 1000;
    if (!Number.isFinite(from) || !Number.isFinite(to) || from >= to) {
      throw new InputError(
        `Invalid range '${query.from}'..'${query.to}': 'from' must be before 'to'`,
      );
    }
    if (!Number.isFinite(stepMs) || stepMs <= 0) {
      throw new InputError(
        `Invalid step ${query.stepSeconds}: must be positive`,
      );
    }
    const ref = sliceRef(query);
    const split = await this.splitAt(from, to, stepMs < ROLLUP_BUCKET_MS);
    const [rollups, samples] = await Promise.all([
      split > from ? this.store.fetchRollups(ref, from, split) : [],
      split < to ? this.store.fetchSamples(ref, split, to) : [],
    ]);

    const series = new Map<
      string,
      {
        pair: [string, string];
        localCluster?: string;
        gatewayPod?: string;
        points: Map<number, PointAcc>;
      }
    >();
    const pointFor = (
      row: { localCluster: string; remoteCluster: string; gatewayPod: string },
      at: number,
    ): PointAcc => {
      const pair = clusterPair(row.localCluster, row.remoteCluster);
      const key = query.byPod
        ? JSON.stringify([...pair, row.localCluster, row.gatewayPod])
        : pairKey(pair);
      let entry = series.get(key);
      if (!entry) {
        entry = query.byPod
          ? {
              pair,
              localCluster: row.localCluster,
              gatewayPod: row.gatewayPod,
              points: new Map(),
            }
          : { pair, points: new Map() };
        series.set(key, entry);
      }
      const index = Math.floor((at - from) / stepMs);
      let point = entry.points.get(index);
      if (!point) {
        point = new PointAcc();
        entry.points.set(index, point);
      }
      return point;
    };
    for (const r of rollups) {
      pointFor(r, r.bucketStart).addRollup(r);
    }
    for (const s of samples) {
      pointFor(s, s.at).addSample(s);
    }

    const result: LatencySeries[] = [...series.values()]
      .sort(
        (a, b) =>
          pairKey(a.pair).localeCompare(pairKey(b.pair)) ||
          (a.localCluster ?? '').localeCompare(b.localCluster ?? '') ||
          (a.gatewayPod ?? '').localeCompare(b.gatewayPod ?? ''),
      )
      .map(entry => ({
        clusters: entry.pair,
        ...(query.byPod
          ? { localCluster: entry.localCluster, gatewayPod: entry.gatewayPod }
          : {}),
        points: [...entry.points.entries()]
          .sort(([a], [b]) => a - b)
          .map(([index, acc]) => acc.toPoint(from + index * stepMs)),
      }));

    return {
      ...ref,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      stepSeconds: query.stepSeconds,
      resolution: resolutionOf(from, split, to),
      series: result,
    };
  }

  async matrix(query: LatencyMatrixQuery): Promise<LatencyMatrixResponse> {
    const windowMs = query.windowSeconds * 1000;
    if (!Number.isFinite(windowMs) || windowMs <= 0) {
      throw new InputError(
        `Invalid window ${query.windowSeconds}: must be positive`,
      );
    }
    const ref = sliceRef(query);
    const to = this.clock().getTime();
    const from = to - windowMs;
    const split = await this.splitAt(
      from,
      to,
      windowMs <= MAX_RAW_MATRIX_WINDOW_MS,
    );
    const [rollups, samples] = await Promise.all([
      split > from ? this.store.fetchRollups(ref, from, split) : [],
      split < to ? this.store.fetchSamples(ref, split, to) : [],
    ]);

    const cells = new Map<string, { pair: [string, string]; acc: CellAcc }>();
    const clusters = new Set<string>();
    const cellFor = (row: {
      localCluster: string;
      remoteCluster: string;
    }): CellAcc => {
      clusters.add(row.localCluster);
      clusters.add(row.remoteCluster);
      const pair = clusterPair(row.localCluster, row.remoteCluster);
      const key = pairKey(pair);
      let entry = cells.get(key);
      if (!entry) {
        entry = { pair, acc: new CellAcc() };
        cells.set(key, entry);
      }
      return entry.acc;
    };
    for (const r of rollups) {
      cellFor(r).addRollup(r);
    }
    for (const s of samples) {
      cellFor(s).addSample(s);
    }

    const result = [...cells.values()]
      .sort((a, b) => pairKey(a.pair).localeCompare(pairKey(b.pair)))
      .map(({ pair, acc }) => acc.toCell(pair));
    const worst = [...result]
      .sort(compareCellsWorstFirst)
      .slice(0, Math.max(0, query.worstPairs ?? DEFAULT_WORST_PAIRS));

    return {
      ...ref,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      windowSeconds: query.windowSeconds,
      resolution: resolutionOf(from, split, to),
      approximate: rollups.length > 0,
      clusters: [...clusters].sort(),
      cells: result,
      worstPairs: worst,
    };
  }

  /**
   * Where to switch from rollups to raw samples, clamped to `[from, to]`. Before the
   * first rollup there is no watermark and everything is raw.
   */
  private async splitAt(
    from: number,
    to: number,
    preferRaw: boolean,
  ): Promise<number> {
    const watermark = await this.store.getWatermark();
    if (watermark === undefined) {
      return from;
    }
    const now = this.clock().getTime();
    const split = preferRaw
      ? Math.min(
          alignDown(now - this.rawRetentionMs, ROLLUP_BUCKET_MS),
          watermark,
        )
      : watermark;
    return Math.min(Math.max(split, from), to);
  }
}

function sliceRef(ref: LatencySliceRef): LatencySliceRef {
  return { hub: ref.hub, project: ref.project, slice: ref.slice };
}
