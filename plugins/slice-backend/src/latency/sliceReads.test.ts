import { TestDatabases } from '@backstage/backend-test-utils';
import { LatencyRowLimitError, LatencyStore } from './LatencyStore';
import type { SampleRow } from './rows';
import type { TunnelObservation } from './types';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const REF = { hub: 'prod', project: 'arcade', slice: 'games' };

function pod(i: number, latencyMs: number): TunnelObservation {
  return {
    ...REF,
    localCluster: 'a',
    remoteCluster: 'b',
    gatewayPod: `pod-${i}`,
    state: 'UP',
    latencyMs,
  };
}

describe.each(databases.eachSupportedId())(
  'LatencyStore bounded reads on %p',
  databaseId => {
    let store: LatencyStore;

    beforeEach(async () => {
      store = LatencyStore.fromKnex(await databases.init(databaseId));
      // Runs at minutes 0..9 with 3 pods each; minute 4 has 8 pods; another slice too.
      for (let k = 0; k < 10; k++) {
        const pods = k === 4 ? 8 : 3;
        await store.recordSamples(
          [
            ...Array.from({ length: pods }, (_, i) => pod(i, k * 10 + i)),
            { ...pod(0, 999), slice: 'other' },
          ],
          new Date(T0 + k * MIN),
        );
      }
    });

    async function scanAll(pageRows: number, maxRows = 1000) {
      const pages: SampleRow[][] = [];
      const read = await store.scan(
        'raw',
        REF,
        { fromMs: T0, toMs: T0 + HOUR },
        { maxRows, pageRows, onRows: rows => pages.push(rows) },
      );
      return { read, pages, rows: pages.flat() };
    }

    it('reads page by page, never splitting a sampling time, with the same rows as one read', async () => {
      const whole = await scanAll(1000);
      expect(whole.read).toBe(35);
      expect(whole.pages).toHaveLength(1);

      for (const pageRows of [2, 3, 5, 7]) {
        const paged = await scanAll(pageRows);
        expect(paged.read).toBe(35);
        // The same rows, each once, in time order.
        expect(paged.rows.map(r => [r.at, r.gatewayPod]).sort()).toEqual(
          whole.rows.map(r => [r.at, r.gatewayPod]).sort(),
        );
        const times = paged.rows.map(r => r.at);
        expect([...times].sort((x, y) => x - y)).toEqual(times);
        expect(paged.pages.length).toBeGreaterThan(1);
        // A time lies in one page only (minute 4 has more pods than a page: read whole).
        const pageOf = new Map<number, number>();
        paged.pages.forEach((page, index) =>
          page.forEach(r => {
            expect(pageOf.get(r.at) ?? index).toBe(index);
            pageOf.set(r.at, index);
          }),
        );
        expect(
          paged.rows.filter(r => r.at === T0 + 4 * MIN).map(r => r.gatewayPod),
        ).toHaveLength(8);
      }
    });

    it('fails past maxRows instead of returning part of the range', async () => {
      await expect(scanAll(5, 34)).rejects.toThrow(LatencyRowLimitError);
      await expect(scanAll(1000, 34)).rejects.toMatchObject({
        limit: 34,
        kind: 'raw',
      });
      expect((await scanAll(5, 35)).read).toBe(35);
      await expect(
        store.fetchSamples(REF, T0, T0 + HOUR, { maxRows: 10 }),
      ).rejects.toThrow(LatencyRowLimitError);
      expect(
        await store.fetchSamples(REF, T0, T0 + HOUR, { maxRows: 35 }),
      ).toHaveLength(35);
    });

    it('reads rollups the same way', async () => {
      await store.rollup(T0 + HOUR);
      const buckets: number[] = [];
      const read = await store.scan(
        'rollup',
        REF,
        { fromMs: T0, toMs: T0 + HOUR },
        {
          maxRows: 100,
          pageRows: 2,
          onRows: rows => buckets.push(...rows.map(r => r.bucketStart)),
        },
      );
      // Bucket 0 (minutes 0–4) has pods 0..7, bucket 1 (minutes 5–9) pods 0..2.
      expect(read).toBe(11);
      expect(buckets).toEqual([
        ...Array(8).fill(T0),
        ...Array(3).fill(T0 + 5 * MIN),
      ]);
      await expect(
        store.scan(
          'rollup',
          REF,
          { fromMs: T0, toMs: T0 + HOUR },
          { maxRows: 10, onRows: () => {} },
        ),
      ).rejects.toThrow(LatencyRowLimitError);
    });

    it('counts rows of one slice and range, stopping at the limit', async () => {
      const range = { fromMs: T0, toMs: T0 + HOUR };
      expect(await store.countRows('raw', REF, range, 1000)).toBe(35);
      expect(await store.countRows('raw', REF, range, 10)).toBe(10);
      expect(
        await store.countRows(
          'raw',
          REF,
          { fromMs: T0 + 4 * MIN, toMs: T0 + 5 * MIN },
          1000,
        ),
      ).toBe(8);
      expect(
        await store.countRows('raw', { ...REF, slice: 'other' }, range, 1000),
      ).toBe(10);
      expect(await store.countRows('rollup', REF, range, 1000)).toBe(0);
    });

    it('finds where the newest rows end', async () => {
      const range = { fromMs: T0, toMs: T0 + HOUR };
      // Newest first: minutes 9..5 hold 15 rows, minute 4 the next 8.
      expect(await store.timeAfterNewest('raw', REF, range, 0)).toBe(
        T0 + 9 * MIN,
      );
      expect(await store.timeAfterNewest('raw', REF, range, 15)).toBe(
        T0 + 4 * MIN,
      );
      expect(await store.timeAfterNewest('raw', REF, range, 23)).toBe(
        T0 + 3 * MIN,
      );
      expect(await store.timeAfterNewest('raw', REF, range, 34)).toBe(T0);
      expect(
        await store.timeAfterNewest('raw', REF, range, 35),
      ).toBeUndefined();
    });
  },
);
