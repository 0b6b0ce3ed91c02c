import { TestDatabases } from '@backstage/backend-test-utils';
import { LatencyStore, ROLLUP_BUCKET_MS } from './LatencyStore';
import {
  type LatencyKnex,
  migrateLatencyDown,
  migrateLatencyUp,
  MIGRATIONS_TABLE,
  ROLLUPS_TABLE,
  SAMPLES_TABLE,
  STATE_TABLE,
} from './migrations';
import type { TunnelObservation } from './types';

// Add 'POSTGRES_17' etc. here once the CI provides PostgreSQL (the schema is portable).
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const REF = { hub: 'prod', project: 'arcade', slice: 'games' };

function obs(overrides: Partial<TunnelObservation> = {}): TunnelObservation {
  return {
    ...REF,
    localCluster: 'aws-east',
    remoteCluster: 'gcp-west',
    gatewayPod: 'games-aws-east-gcp-west-0',
    state: 'UP',
    latencyMs: 10,
    packetLossPercent: 0,
    txRateKbps: 100,
    rxRateKbps: 200,
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())('LatencyStore on %p', databaseId => {
  let knex: LatencyKnex;
  let store: LatencyStore;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    store = LatencyStore.fromKnex(knex);
    await store.ready();
  });

  async function count(table: string): Promise<number> {
    const row = await knex(table).count({ n: '*' }).first();
    return Number(row?.n);
  }

  describe('migrations', () => {
    it('create the tables under their own migrations table, idempotently', async () => {
      for (const table of [SAMPLES_TABLE, ROLLUPS_TABLE, STATE_TABLE]) {
        expect(await knex.schema.hasTable(table)).toBe(true);
      }
      expect(await knex.schema.hasTable(MIGRATIONS_TABLE)).toBe(true);
      expect(await knex.schema.hasTable('knex_migrations')).toBe(false);
      await migrateLatencyUp(knex);
      expect(await count(MIGRATIONS_TABLE)).toBe(1);
      expect(
        await knex.schema.hasColumn(SAMPLES_TABLE, 'packet_loss_percent'),
      ).toBe(true);
      expect(await knex.schema.hasColumn(ROLLUPS_TABLE, 'latency_p95')).toBe(
        true,
      );
    });

    it('roll back and up again', async () => {
      await migrateLatencyDown(knex);
      expect(await knex.schema.hasTable(SAMPLES_TABLE)).toBe(false);
      expect(await knex.schema.hasTable(ROLLUPS_TABLE)).toBe(false);
      await migrateLatencyUp(knex);
      expect(await knex.schema.hasTable(SAMPLES_TABLE)).toBe(true);
    });

    it('are skipped when the database service says so', async () => {
      const fresh = await databases.init(databaseId);
      const skipping = LatencyStore.fromDatabase({
        getClient: async () => fresh,
        migrations: { skip: true },
      });
      await skipping.ready();
      expect(await fresh.schema.hasTable(SAMPLES_TABLE)).toBe(false);
      const migrating = LatencyStore.fromDatabase({
        getClient: async () => fresh,
      });
      await migrating.ready();
      expect(await fresh.schema.hasTable(SAMPLES_TABLE)).toBe(true);
    });
  });

  describe('recordSamples', () => {
    it('stores observations, normalised, and reads them back by slice and range', async () => {
      const written = await store.recordSamples(
        [
          obs(),
          obs({
            gatewayPod: 'games-aws-east-gcp-west-1',
            state: 'DOWN',
            latencyMs: Number.NaN,
            packetLossPercent: 100,
            txRateKbps: undefined,
          }),
          obs({ state: 'weird' as never, gatewayPod: 'pod-2' }),
          obs({ gatewayPod: '' }),
          obs({ slice: 'other' }),
        ],
        new Date(T0),
      );
      expect(written).toBe(4);
      await store.recordSamples([obs({ latencyMs: 20 })], new Date(T0 + MIN));

      const rows = await store.fetchSamples(REF, T0, T0 + MIN);
      expect(rows).toHaveLength(3);
      expect(rows[0]).toEqual({
        localCluster: 'aws-east',
        remoteCluster: 'gcp-west',
        gatewayPod: 'games-aws-east-gcp-west-0',
        state: 'UP',
        latencyMs: 10,
        packetLossPercent: 0,
        txRateKbps: 100,
        rxRateKbps: 200,
        at: T0,
      });
      expect(rows[1]).toMatchObject({
        state: 'DOWN',
        latencyMs: null,
        packetLossPercent: 100,
        txRateKbps: null,
      });
      expect(rows[2].state).toBe('UNKNOWN');

      // `to` is exclusive, `from` inclusive.
      const later = await store.fetchSamples(REF, T0 + 1, T0 + MIN + 1);
      expect(later.map(r => r.latencyMs)).toEqual([20]);
      expect(
        await store.fetchSamples({ ...REF, slice: 'other' }, T0, T0 + HOUR),
      ).toHaveLength(1);
    });

    it('writes nothing for an empty run', async () => {
      expect(await store.recordSamples([], new Date(T0))).toBe(0);
      expect(await count(SAMPLES_TABLE)).toBe(0);
    });

    it('writes large runs in chunks', async () => {
      const many = Array.from({ length: 500 }, (_, i) =>
        obs({ gatewayPod: `pod-${i}` }),
      );
      expect(await store.recordSamples(many, new Date(T0))).toBe(500);
      expect(await count(SAMPLES_TABLE)).toBe(500);
    });
  });

  describe('rollup', () => {
    async function recordBucket(start: number) {
      // 20 samples 10 s apart: latencies 1..20 on pod 0, one DOWN sample on pod 1.
      for (let i = 0; i < 20; i++) {
        await store.recordSamples(
          [
            obs({ latencyMs: i + 1, packetLossPercent: i % 2 ? 10 : 0 }),
            obs({
              gatewayPod: 'games-aws-east-gcp-west-1',
              latencyMs: i === 0 ? 999 : 5,
              state: i === 0 ? 'DOWN' : 'UP',
              txRateKbps: undefined,
            }),
          ],
          new Date(start + i * 10_000),
        );
      }
    }

    it('waits until a bucket is complete plus a grace minute', async () => {
      await recordBucket(T0);
      expect(await store.rollup(T0 + ROLLUP_BUCKET_MS + 30_000)).toBe(0);
      expect(await store.getWatermark()).toBeUndefined();
      expect(await count(ROLLUPS_TABLE)).toBe(0);
    });

    it('aggregates each pod per 5-minute bucket: counts, mean, max, p95', async () => {
      await recordBucket(T0);
      expect(await store.rollup(T0 + ROLLUP_BUCKET_MS + MIN)).toBe(1);
      expect(await store.getWatermark()).toBe(T0 + ROLLUP_BUCKET_MS);

      const rollups = await store.fetchRollups(REF, T0, T0 + HOUR);
      expect(rollups).toHaveLength(2);
      const [pod0, pod1] = rollups.sort((a, b) =>
        a.gatewayPod.localeCompare(b.gatewayPod),
      );
      expect(pod0).toEqual({
        localCluster: 'aws-east',
        remoteCluster: 'gcp-west',
        gatewayPod: 'games-aws-east-gcp-west-0',
        bucketStart: T0,
        samples: 20,
        downSamples: 0,
        latencyCount: 20,
        latencyAvg: 10.5,
        latencyMax: 20,
        latencyP95: 19,
        lossCount: 20,
        lossAvg: 5,
        lossMax: 10,
        lossP95: 10,
        txCount: 20,
        txAvg: 100,
        rxCount: 20,
        rxAvg: 200,
      });
      // The DOWN sample counts as a sample but its latency (999) is ignored.
      expect(pod1).toMatchObject({
        samples: 20,
        downSamples: 1,
        latencyCount: 19,
        latencyAvg: 5,
        latencyMax: 5,
        latencyP95: 5,
        txCount: 0,
        txAvg: null,
      });
    });

    it('is idempotent and continues from the watermark', async () => {
      await recordBucket(T0);
      await store.rollup(T0 + ROLLUP_BUCKET_MS + MIN);
      await store.rollup(T0 + ROLLUP_BUCKET_MS + 2 * MIN);
      expect(await count(ROLLUPS_TABLE)).toBe(2);

      await recordBucket(T0 + ROLLUP_BUCKET_MS);
      expect(await store.rollup(T0 + 2 * ROLLUP_BUCKET_MS + MIN)).toBe(1);
      expect(await count(ROLLUPS_TABLE)).toBe(4);
      expect(await store.getWatermark()).toBe(T0 + 2 * ROLLUP_BUCKET_MS);
    });

    it('jumps over empty time and moves the watermark to the last complete bucket', async () => {
      await recordBucket(T0);
      await recordBucket(T0 + 3 * HOUR);
      expect(await store.rollup(T0 + 4 * HOUR)).toBe(2);
      expect(await store.getWatermark()).toBe(T0 + 4 * HOUR - ROLLUP_BUCKET_MS);
      const buckets = (await store.fetchRollups(REF, T0, T0 + 5 * HOUR)).map(
        r => r.bucketStart,
      );
      expect([...new Set(buckets)]).toEqual([T0, T0 + 3 * HOUR]);
    });

    it('stops when aborted, leaving the rest for the next run', async () => {
      await recordBucket(T0);
      await recordBucket(T0 + HOUR);
      const controller = new AbortController();
      controller.abort();
      expect(await store.rollup(T0 + 2 * HOUR, controller.signal)).toBe(0);
      expect(await store.rollup(T0 + 2 * HOUR)).toBe(2);
    });
  });

  describe('retention', () => {
    const retention = { rawMs: HOUR, rollupMs: 24 * HOUR };

    it('deletes raw samples past the raw retention only once rolled up', async () => {
      await store.recordSamples([obs()], new Date(T0));
      await store.rollup(T0 + 6 * MIN);
      await store.recordSamples([obs()], new Date(T0 + 10 * MIN));

      // Both are older than an hour, but only the first one is rolled up.
      const deleted = await store.applyRetention(T0 + 2 * HOUR, retention);
      expect(deleted).toEqual({ samples: 1, rollups: 0 });
      const left = await store.fetchSamples(REF, T0, T0 + 3 * HOUR);
      expect(left.map(r => r.at)).toEqual([T0 + 10 * MIN]);

      await store.rollup(T0 + 2 * HOUR);
      expect(await store.applyRetention(T0 + 2 * HOUR, retention)).toEqual({
        samples: 1,
        rollups: 0,
      });
      expect(await count(SAMPLES_TABLE)).toBe(0);
      expect(await count(ROLLUPS_TABLE)).toBe(2);
    });

    it('keeps raw samples within the raw retention', async () => {
      await store.recordSamples([obs()], new Date(T0));
      await store.recordSamples([obs()], new Date(T0 + 50 * MIN));
      await store.rollup(T0 + HOUR + 20 * MIN);
      await store.applyRetention(T0 + HOUR + 20 * MIN, retention);
      const left = await store.fetchSamples(REF, T0, T0 + 2 * HOUR);
      expect(left.map(r => r.at)).toEqual([T0 + 50 * MIN]);
    });

    it('deletes rollups past the rollup retention', async () => {
      await store.recordSamples([obs()], new Date(T0));
      await store.recordSamples([obs()], new Date(T0 + 2 * HOUR));
      await store.rollup(T0 + 3 * HOUR);
      const deleted = await store.applyRetention(T0 + 25 * HOUR, retention);
      expect(deleted.rollups).toBe(1);
      const left = await store.fetchRollups(REF, 0, T0 + 30 * HOUR);
      expect(left.map(r => r.bucketStart)).toEqual([T0 + 2 * HOUR]);
    });

    it('deletes raw samples past the rollup retention even if never rolled up', async () => {
      await store.recordSamples([obs()], new Date(T0));
      expect(await store.getWatermark()).toBeUndefined();
      expect(
        (await store.applyRetention(T0 + 12 * HOUR, retention)).samples,
      ).toBe(0);
      expect(
        (await store.applyRetention(T0 + 25 * HOUR, retention)).samples,
      ).toBe(1);
    });
  });
});
