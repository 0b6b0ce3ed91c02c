import { TestDatabases } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import type { LatencyMatrixCell } from './api';
import {
  compareCellsWorstFirst,
  GatewayStatusLatencySource,
} from './GatewayStatusLatencySource';
import { LatencyStore } from './LatencyStore';
import type { TunnelObservation } from './types';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const REF = { hub: 'prod', project: 'arcade', slice: 'games' };
const iso = (ms: number) => new Date(ms).toISOString();

/** One gateway pod's observation from `local` towards `remote`. */
function tunnel(
  local: string,
  remote: string,
  pod: number,
  values: Partial<TunnelObservation> = {},
): TunnelObservation {
  return {
    ...REF,
    localCluster: local,
    remoteCluster: remote,
    gatewayPod: `games-${local}-${remote}-${pod}`,
    state: 'UP',
    ...values,
  };
}

describe.each(databases.eachSupportedId())(
  'GatewayStatusLatencySource on %p',
  databaseId => {
    let store: LatencyStore;
    let now: number;
    let source: GatewayStatusLatencySource;

    beforeEach(async () => {
      store = LatencyStore.fromKnex(await databases.init(databaseId));
      now = T0 + HOUR;
      source = new GatewayStatusLatencySource({
        store,
        rawRetentionMs: 24 * HOUR,
        clock: () => new Date(now),
      });
    });

    const record = (at: number, observations: TunnelObservation[]) =>
      store.recordSamples(observations, new Date(at));

    describe('series', () => {
      beforeEach(async () => {
        await record(T0, [
          tunnel('a', 'b', 0, {
            latencyMs: 10,
            packetLossPercent: 0,
            txRateKbps: 100,
            rxRateKbps: 50,
          }),
          tunnel('a', 'b', 1, { latencyMs: 12, packetLossPercent: 0 }),
          tunnel('b', 'a', 0, {
            latencyMs: 14,
            packetLossPercent: 4,
            txRateKbps: 300,
            rxRateKbps: 150,
          }),
          tunnel('b', 'a', 1, { latencyMs: 16, packetLossPercent: 0 }),
          tunnel('c', 'a', 0, { latencyMs: 40 }),
          { ...tunnel('a', 'b', 0, { latencyMs: 1000 }), slice: 'other' },
        ]);
        await record(T0 + 30 * SEC, [
          tunnel('a', 'b', 0, { latencyMs: 20 }),
          tunnel('a', 'b', 1, { latencyMs: 20 }),
          tunnel('b', 'a', 0, { latencyMs: 20 }),
          tunnel('b', 'a', 1, { latencyMs: 20 }),
        ]);
        await record(T0 + 60 * SEC, [
          tunnel('a', 'b', 0, { latencyMs: 10 }),
          tunnel('a', 'b', 1, {
            latencyMs: 500,
            state: 'DOWN',
            packetLossPercent: 100,
          }),
          tunnel('b', 'a', 0, { latencyMs: 10 }),
          tunnel('b', 'a', 1, { latencyMs: 10 }),
        ]);
      });

      it('merges both directions of a pair into one series per step', async () => {
        const res = await source.series({
          ...REF,
          from: iso(T0),
          to: iso(T0 + 10 * MIN),
          stepSeconds: 60,
        });
        expect(res).toMatchObject({
          ...REF,
          from: iso(T0),
          to: iso(T0 + 10 * MIN),
          stepSeconds: 60,
          resolution: 'raw',
        });
        expect(res.series.map(s => s.clusters)).toEqual([
          ['a', 'b'],
          ['a', 'c'],
        ]);
        const ab = res.series[0];
        expect(ab.localCluster).toBeUndefined();
        expect(ab.points).toEqual([
          {
            t: iso(T0),
            // (10 + 12 + 14 + 16 + 4 × 20) / 8
            latencyMs: 16.5,
            latencyMaxMs: 20,
            packetLossPercent: 1,
            packetLossMaxPercent: 4,
            txRateKbps: 200,
            rxRateKbps: 100,
            samples: 8,
            downSamples: 0,
          },
          {
            t: iso(T0 + MIN),
            // The DOWN pod's 500 ms is left out of latency, its loss is not.
            latencyMs: 10,
            latencyMaxMs: 10,
            packetLossPercent: 100,
            packetLossMaxPercent: 100,
            txRateKbps: null,
            rxRateKbps: null,
            samples: 4,
            downSamples: 1,
          },
        ]);
        expect(res.series[1].points).toHaveLength(1);
        expect(res.series[1].points[0].latencyMs).toBe(40);
      });

      it('gives one series per gateway pod on demand', async () => {
        const res = await source.series({
          ...REF,
          from: iso(T0),
          to: iso(T0 + 10 * MIN),
          stepSeconds: 600,
          byPod: true,
        });
        expect(
          res.series.map(s => [s.clusters, s.localCluster, s.gatewayPod]),
        ).toEqual([
          [['a', 'b'], 'a', 'games-a-b-0'],
          [['a', 'b'], 'a', 'games-a-b-1'],
          [['a', 'b'], 'b', 'games-b-a-0'],
          [['a', 'b'], 'b', 'games-b-a-1'],
          [['a', 'c'], 'c', 'games-c-a-0'],
        ]);
        const pod1 = res.series[1].points[0];
        expect(pod1).toMatchObject({
          latencyMs: 16,
          latencyMaxMs: 20,
          samples: 3,
          downSamples: 1,
        });
      });

      it('answers only the slice and range asked for', async () => {
        const res = await source.series({
          ...REF,
          from: iso(T0 + 45 * SEC),
          to: iso(T0 + 60 * SEC),
          stepSeconds: 15,
        });
        expect(res.series).toEqual([]);
        const other = await source.series({
          ...REF,
          slice: 'other',
          from: iso(T0),
          to: iso(T0 + MIN),
          stepSeconds: 60,
        });
        expect(other.series[0].points[0].latencyMs).toBe(1000);
      });

      it('rejects an empty range', async () => {
        await expect(
          source.series({
            ...REF,
            from: iso(T0),
            to: iso(T0),
            stepSeconds: 60,
          }),
        ).rejects.toThrow(InputError);
      });
    });

    describe('series across rollups and raw samples', () => {
      // Minute k of the first 35 minutes: both pods of a→b and b→a at 10 + k ms.
      beforeEach(async () => {
        for (let k = 0; k < 35; k++) {
          await record(T0 + k * MIN, [
            tunnel('a', 'b', 0, { latencyMs: 10 + k, packetLossPercent: k }),
            tunnel('b', 'a', 0, { latencyMs: 10 + k, packetLossPercent: 0 }),
          ]);
        }
      });

      it('gives the same means and maxima from rollups as from raw samples', async () => {
        const query = {
          ...REF,
          from: iso(T0),
          to: iso(T0 + 40 * MIN),
          stepSeconds: 300,
        };
        now = T0 + 40 * MIN;
        const before = await source.series(query);
        expect(before.resolution).toBe('raw');

        expect(await store.rollup(T0 + 31 * MIN)).toBe(6);
        const after = await source.series(query);
        expect(after.resolution).toBe('mixed');
        expect(after.series).toEqual(before.series);
        expect(after.series[0].points).toHaveLength(7);
        // Bucket 0: k = 0..4 on both pods.
        expect(after.series[0].points[0]).toMatchObject({
          latencyMs: 12,
          latencyMaxMs: 14,
          packetLossPercent: 1,
          packetLossMaxPercent: 4,
          samples: 10,
        });
        // The last bucket (k = 30..34) is not rolled up yet: it comes raw.
        expect(after.series[0].points[6]).toMatchObject({
          t: iso(T0 + 30 * MIN),
          latencyMs: 42,
          samples: 10,
        });
      });

      it('keeps answering from rollups once raw samples are gone', async () => {
        now = T0 + 26 * HOUR;
        await store.rollup(now);
        await store.applyRetention(now, {
          rawMs: 24 * HOUR,
          rollupMs: 30 * 24 * HOUR,
        });
        expect(await store.fetchSamples(REF, 0, now)).toEqual([]);
        const res = await source.series({
          ...REF,
          from: iso(T0),
          to: iso(T0 + HOUR),
          stepSeconds: 60,
        });
        expect(res.resolution).toBe('rollup');
        // Step 1 min over 5-minute rollups: one point per bucket, at its start.
        expect(res.series[0].points.map(p => p.t)).toEqual(
          [0, 5, 10, 15, 20, 25, 30].map(m => iso(T0 + m * MIN)),
        );
        expect(res.series[0].points[0].latencyMs).toBe(12);
      });
    });

    describe('matrix', () => {
      beforeEach(async () => {
        now = T0 + 2 * HOUR;
        // Outside the 1 h window: must not count.
        await record(T0, [tunnel('a', 'b', 0, { latencyMs: 5000 })]);
        // a↔b: latencies 1..10 from a's pods, 11..20 from b's pods.
        for (let i = 0; i < 5; i++) {
          await record(T0 + HOUR + i * MIN, [
            tunnel('a', 'b', 0, { latencyMs: 2 * i + 1, packetLossPercent: 0 }),
            tunnel('a', 'b', 1, { latencyMs: 2 * i + 2, packetLossPercent: 0 }),
            tunnel('b', 'a', 0, {
              latencyMs: 2 * i + 11,
              packetLossPercent: 0,
            }),
            tunnel('b', 'a', 1, {
              latencyMs: 2 * i + 12,
              packetLossPercent: i === 4 ? 50 : 0,
            }),
            // a↔c: steady 5 ms, 2 % loss. c↔d: steady 5 ms, 8 % loss.
            tunnel('a', 'c', 0, { latencyMs: 5, packetLossPercent: 2 }),
            tunnel('c', 'd', 0, { latencyMs: 5, packetLossPercent: 8 }),
            // b↔c: down all along.
            tunnel('b', 'c', 0, {
              state: 'DOWN',
              latencyMs: 3,
              packetLossPercent: 100,
            }),
          ]);
        }
      });

      it('computes latest, p50, p95, max and mean per unordered pair', async () => {
        const res = await source.matrix({ ...REF, windowSeconds: 3600 });
        expect(res).toMatchObject({
          ...REF,
          from: iso(T0 + HOUR),
          to: iso(T0 + 2 * HOUR),
          windowSeconds: 3600,
          resolution: 'raw',
          approximate: false,
          clusters: ['a', 'b', 'c', 'd'],
        });
        expect(res.cells.map(c => c.clusters)).toEqual([
          ['a', 'b'],
          ['a', 'c'],
          ['b', 'c'],
          ['c', 'd'],
        ]);
        const ab = res.cells[0];
        expect(ab).toEqual({
          clusters: ['a', 'b'],
          latest: {
            at: iso(T0 + HOUR + 4 * MIN),
            // (9 + 10 + 19 + 20) / 4
            latencyMs: 14.5,
            packetLossPercent: 12.5,
            pods: 4,
            downPods: 0,
          },
          latencyMs: { p50: 10, p95: 19, max: 20, mean: 10.5 },
          packetLossPercent: { p50: 0, p95: 0, max: 50, mean: 2.5 },
          samples: 20,
          downSamples: 0,
        });
        const bc = res.cells[2];
        expect(bc.latencyMs).toEqual({
          p50: null,
          p95: null,
          max: null,
          mean: null,
        });
        expect(bc.latest).toMatchObject({
          latencyMs: null,
          packetLossPercent: 100,
          pods: 1,
          downPods: 1,
        });
        expect(bc.downSamples).toBe(5);
      });

      it('lists worst pairs: by p95 latency, then loss, unmeasurable first', async () => {
        const res = await source.matrix({ ...REF, windowSeconds: 3600 });
        expect(res.worstPairs.map(c => c.clusters)).toEqual([
          ['b', 'c'],
          ['a', 'b'],
          ['c', 'd'],
          ['a', 'c'],
        ]);
        const top2 = await source.matrix({
          ...REF,
          windowSeconds: 3600,
          worstPairs: 2,
        });
        expect(top2.worstPairs.map(c => c.clusters)).toEqual([
          ['b', 'c'],
          ['a', 'b'],
        ]);
      });

      it('is empty for a window without samples', async () => {
        now = T0 + 10 * HOUR;
        const res = await source.matrix({ ...REF, windowSeconds: 900 });
        expect(res.cells).toEqual([]);
        expect(res.worstPairs).toEqual([]);
        expect(res.clusters).toEqual([]);
      });
    });

    describe('matrix over rollups', () => {
      it('approximates p50 from bucket means and p95 from bucket p95s', async () => {
        // Three buckets of ten samples each, at 10, 20 and 30 ms.
        for (const [bucket, latency] of [
          [0, 10],
          [1, 20],
          [2, 30],
        ]) {
          for (let i = 0; i < 10; i++) {
            await record(T0 + bucket * 5 * MIN + i * 10 * SEC, [
              tunnel(i % 2 ? 'x' : 'y', i % 2 ? 'y' : 'x', 0, {
                latencyMs: latency,
                packetLossPercent: bucket,
              }),
            ]);
          }
        }
        now = T0 + 12 * HOUR;
        await store.rollup(now);
        await store.applyRetention(now, {
          rawMs: HOUR,
          rollupMs: 24 * HOUR,
        });
        const res = await source.matrix({ ...REF, windowSeconds: 24 * 3600 });
        expect(res.resolution).toBe('mixed');
        expect(res.approximate).toBe(true);
        expect(res.cells).toHaveLength(1);
        expect(res.cells[0]).toMatchObject({
          clusters: ['x', 'y'],
          latencyMs: { p50: 20, p95: 30, max: 30, mean: 20 },
          packetLossPercent: { p50: 1, p95: 2, max: 2, mean: 1 },
          samples: 30,
          latest: {
            at: iso(T0 + 10 * MIN),
            latencyMs: 30,
            pods: 2,
            downPods: 0,
          },
        });
      });
    });
  },
);

describe('compareCellsWorstFirst', () => {
  const cell = (
    pair: [string, string],
    p95: number | null,
    lossP95: number | null,
  ): LatencyMatrixCell => ({
    clusters: pair,
    latest: null,
    latencyMs: { p50: null, p95, max: null, mean: null },
    packetLossPercent: { p50: null, p95: lossP95, max: null, mean: null },
    samples: 1,
    downSamples: 0,
  });

  it('orders by p95 latency, then p95 loss, then pair name', () => {
    const cells = [
      cell(['a', 'b'], 10, 0),
      cell(['a', 'c'], 30, 0),
      cell(['b', 'c'], 10, 5),
      cell(['c', 'd'], null, 100),
      cell(['a', 'd'], 10, 0),
      cell(['b', 'd'], 10, null),
    ];
    expect(
      [...cells].sort(compareCellsWorstFirst).map(c => c.clusters),
    ).toEqual([
      ['c', 'd'],
      ['a', 'c'],
      ['b', 'd'],
      ['b', 'c'],
      ['a', 'b'],
      ['a', 'd'],
    ]);
  });
});
