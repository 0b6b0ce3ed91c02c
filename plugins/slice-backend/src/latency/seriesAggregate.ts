import { InputError } from '@backstage/errors';
import type { LatencyPoint, LatencySeries } from './api';
import { pointLimitMessage } from './queryPlan';
import { type RollupRow, type SampleRow, usableLatency } from './rows';
import { Accumulator, clusterPair, pairKey, round } from './stats';

/** Running aggregate of one series point. */
export class PointAcc {
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

export interface SeriesAggregateOptions {
  fromMs: number;
  toMs: number;
  stepMs: number;
  /** One series per gateway pod instead of per cluster pair. */
  byPod: boolean;
  /** Most points over all series; one more answers 400 (`InputError`). */
  maxPoints: number;
}

interface Entry {
  pair: [string, string];
  localCluster?: string;
  gatewayPod?: string;
  points: Map<number, PointAcc>;
}

type Located = {
  localCluster: string;
  remoteCluster: string;
  gatewayPod: string;
};

/**
 * Series of one slice, aggregated per step while rows are read: memory grows with the
 * points of the answer (at most `maxPoints`), not with the rows read. A rollup bucket
 * counts in the step where it starts.
 */
export class SeriesAggregate {
  private readonly series = new Map<string, Entry>();
  private points = 0;

  constructor(private readonly options: SeriesAggregateOptions) {}

  addSample(s: SampleRow): void {
    this.pointFor(s, s.at).addSample(s);
  }

  addRollup(r: RollupRow): void {
    this.pointFor(r, r.bucketStart).addRollup(r);
  }

  /** Sorted by pair, then (by pod) by local cluster and pod; points in time order. */
  result(): LatencySeries[] {
    const { fromMs, stepMs, byPod } = this.options;
    return [...this.series.values()]
      .sort(
        (a, b) =>
          pairKey(a.pair).localeCompare(pairKey(b.pair)) ||
          (a.localCluster ?? '').localeCompare(b.localCluster ?? '') ||
          (a.gatewayPod ?? '').localeCompare(b.gatewayPod ?? ''),
      )
      .map(entry => ({
        clusters: entry.pair,
        ...(byPod
          ? { localCluster: entry.localCluster, gatewayPod: entry.gatewayPod }
          : {}),
        points: [...entry.points.entries()]
          .sort(([a], [b]) => a - b)
          .map(([index, acc]) => acc.toPoint(fromMs + index * stepMs)),
      }));
  }

  private pointFor(row: Located, at: number): PointAcc {
    const { fromMs, stepMs, byPod } = this.options;
    const pair = clusterPair(row.localCluster, row.remoteCluster);
    const key = byPod
      ? JSON.stringify([...pair, row.localCluster, row.gatewayPod])
      : pairKey(pair);
    let entry = this.series.get(key);
    if (!entry) {
      entry = byPod
        ? {
            pair,
            localCluster: row.localCluster,
            gatewayPod: row.gatewayPod,
            points: new Map(),
          }
        : { pair, points: new Map() };
      this.series.set(key, entry);
    }
    const index = Math.floor((at - fromMs) / stepMs);
    let point = entry.points.get(index);
    if (!point) {
      this.points += 1;
      if (this.points > this.options.maxPoints) {
        this.tooManyPoints();
      }
      point = new PointAcc();
      entry.points.set(index, point);
    }
    return point;
  }

  private tooManyPoints(): never {
    const { fromMs, toMs, stepMs, byPod, maxPoints } = this.options;
    throw new InputError(
      pointLimitMessage({
        limit: maxPoints,
        seriesSeen: this.series.size,
        stepSeconds: stepMs / 1000,
        rangeSeconds: (toMs - fromMs) / 1000,
        byPod,
      }),
    );
  }
}
