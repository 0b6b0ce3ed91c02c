import { TestDatabases } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { GatewayStatusLatencySource } from './GatewayStatusLatencySource';
import { LatencyStore } from './LatencyStore';
import type { TunnelObservation } from './types';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const REF = { hub: 'prod', project: 'arcade', slice: 'games' };
const iso = (ms: number) => new Date(ms).toISOString();
const NOW = T0 + 2 * HOUR;

function tunnel(local: string, remote: string, pod: number, k: number) {
  return {
    ...REF,
    localCluster: local,
    remoteCluster: remote,
    gatewayPod: `games-${local}-${remote}-${pod}`,
    state: 'UP',
    latencyMs: 10 + (k % 7) + pod,
    packetLossPercent: k % 3,
  } satisfies TunnelObservation;
}

describe.each(databases.eachSupportedId())(
  'GatewayStatusLatencySource limits on %p',
  databaseId => {
    let store: LatencyStore;
    const source = (
      options: {
        maxRows?: number;
        maxResponsePoints?: number;
        pageRows?: number;
      } = {},
    ) =>
      new GatewayStatusLatencySource({
        store,
        rawRetentionMs: 24 * HOUR,
        clock: () => new Date(NOW),
        ...options,
      });

    // Every minute for two hours, four gateway pods of the pair a↔b: 480 raw rows.
    // Rolled up to T0 + 115 min: 23 buckets × 4 pods = 92 rollup rows; the raw tail
    // after the watermark (minutes 115–119) is 20 rows.
    beforeAll(async () => {
      store = LatencyStore.fromKnex(await databases.init(databaseId));
      for (let k = 0; k < 120; k++) {
        await store.recordSamples(
          [
            tunnel('a', 'b', 0, k),
            tunnel('a', 'b', 1, k),
            tunnel('b', 'a', 0, k),
            tunnel('b', 'a', 1, k),
          ],
          new Date(T0 + k * MIN),
        );
      }
      await store.rollup(NOW);
    });

    afterEach(() => jest.restoreAllMocks());

    const series = (stepSeconds: number, byPod = false) => ({
      ...REF,
      from: iso(T0),
      to: iso(NOW),
      stepSeconds,
      byPod,
    });

    it('reads raw samples under a 5-minute step, up to exactly the row limit', async () => {
      const res = await source({ maxRows: 480 }).series(series(60));
      expect(res.resolution).toBe('raw');
      expect(res.series[0].points).toHaveLength(120);
      expect(res.series[0].points[0].samples).toBe(4);

      const tooMany = source({ maxRows: 479 }).series(series(60));
      await expect(tooMany).rejects.toThrow(InputError);
      await expect(tooMany).rejects.toThrow(
        'would read more than 479 stored rows (raw samples)',
      );
      await expect(tooMany).rejects.toThrow('a step of 5m or more');
    });

    it('reads rollups and the raw tail from a 5-minute step on, and says so', async () => {
      expect(await store.getWatermark()).toBe(T0 + 115 * MIN);
      const res = await source({ maxRows: 112 }).series(series(300));
      expect(res.resolution).toBe('mixed');
      expect(res.series[0].points).toHaveLength(24);
      expect(res.series[0].points.every(p => p.samples === 20)).toBe(true);
      await expect(
        source({ maxRows: 111 }).series(series(300)),
      ).rejects.toThrow(
        'would read more than 111 stored rows (5-minute rollups and raw samples)',
      );
      // Just under 5 minutes reads raw samples.
      expect((await source().series(series(299))).resolution).toBe('raw');
    });

    it('aggregates page by page into the same answer', async () => {
      for (const step of [60, 300]) {
        expect(
          await source({ pageRows: 3 }).series(series(step, true)),
        ).toEqual(await source().series(series(step, true)));
      }
      for (const windowSeconds of [3600, 7 * 3600]) {
        expect(
          await source({ pageRows: 3 }).matrix({ ...REF, windowSeconds }),
        ).toEqual(await source().matrix({ ...REF, windowSeconds }));
      }
    });

    it('answers a matrix from rollups when raw samples would pass the limit', async () => {
      const exact = await source().matrix({ ...REF, windowSeconds: 7200 });
      expect(exact).toMatchObject({ resolution: 'raw', approximate: false });
      expect(exact.cells[0].samples).toBe(480);

      const res = await source({ maxRows: 112 }).matrix({
        ...REF,
        windowSeconds: 7200,
      });
      expect(res).toMatchObject({ resolution: 'mixed', approximate: true });
      expect(res.cells[0].samples).toBe(480);
      expect(res.cells[0].latest?.at).toBe(iso(T0 + 119 * MIN));
    });

    it('rejects a matrix that does not fit even from rollups, with a window that would', async () => {
      // The newest 100 rows: the 20 raw ones, then 80 rollup rows = 20 buckets,
      // back to T0 + 15 min; the next row is the bucket at T0 + 10 min.
      const tooMany = source({ maxRows: 100 }).matrix({
        ...REF,
        windowSeconds: 7200,
      });
      await expect(tooMany).rejects.toThrow(InputError);
      await expect(tooMany).rejects.toThrow(
        'Latency matrix too large: the 2h window would read more than 100 stored rows ' +
          '(5-minute rollups and raw samples); at most 100 are read per request, ' +
          'and the newest 100 go back only 1h 50m of the 2h asked. ' +
          'Narrow it: a shorter window (window=1h or less).',
      );
      const shorter = await source({ maxRows: 100 }).matrix({
        ...REF,
        windowSeconds: 3600,
      });
      expect(shorter.cells).toHaveLength(1);
    });

    it('rejects a series with more points than allowed, suggesting byPod=false', async () => {
      const byPod = source({ maxResponsePoints: 479 }).series(series(60, true));
      await expect(byPod).rejects.toThrow(InputError);
      await expect(byPod).rejects.toThrow(
        'would return more than 479 points (at least 4 series × up to 120 steps of 1m)',
      );
      await expect(byPod).rejects.toThrow('byPod=false');
      const perPod = await source({ maxResponsePoints: 480 }).series(
        series(60, true),
      );
      expect(perPod.series).toHaveLength(4);
      const perPair = await source({ maxResponsePoints: 120 }).series(
        series(60),
      );
      expect(perPair.series).toHaveLength(1);
    });

    it('counts before reading: a query over the limit reads no rows', async () => {
      const scan = jest.spyOn(store, 'scan');
      await expect(source({ maxRows: 200 }).series(series(60))).rejects.toThrow(
        InputError,
      );
      expect(scan).not.toHaveBeenCalled();
    });

    it('answers 400, not a truncated answer, when rows arrive after the count', async () => {
      // The count saw nothing past the limit; the read then finds 480 rows.
      jest.spyOn(store, 'timeAfterNewest').mockResolvedValueOnce(undefined);
      const scan = jest.spyOn(store, 'scan');
      await expect(source({ maxRows: 200 }).series(series(60))).rejects.toThrow(
        'would read more than 200 stored rows (raw samples)',
      );
      expect(scan).toHaveBeenCalledTimes(1);
    });
  },
);
