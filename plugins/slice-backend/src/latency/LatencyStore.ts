import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { LatencySliceRef } from './api';
import {
  type LatencyKnex,
  migrateLatencyUp,
  ROLLUPS_TABLE,
  SAMPLES_TABLE,
  STATE_TABLE,
} from './migrations';
import { DEFAULT_MAX_ROWS, type ReadKind, type TimeRange } from './queryPlan';
import { rollupBucket } from './rollupBucket';
import {
  finiteOrNull,
  isName,
  ROLLUP_BUCKET_MS,
  type RollupRow,
  SAMPLE_COLUMNS,
  type SampleRow,
  toSampleRow,
  toState,
} from './rows';
import {
  countSliceRows,
  type RowOf,
  type ScanOptions,
  scanSlice,
  timeAfterNewest,
} from './sliceReads';
import { alignDown } from './stats';
import type { TunnelObservation } from './types';

export {
  ROLLUP_BUCKET_MS,
  usableLatency,
  type RollupRow,
  type SampleRow,
} from './rows';
export { LatencyRowLimitError, type ScanOptions } from './sliceReads';

/**
 * Storage design (raw samples → 5-minute rollups → gone):
 *
 * - **Raw samples** (`slice_latency_samples`): one row per gateway pod per sampling
 *   run (default every 30 s), exactly as observed. Kept for `retention.raw`
 *   (default 24 h). They answer fine-grained series (step < 5 min) and short matrix
 *   windows with exact percentiles.
 * - **Rollups** (`slice_latency_rollups`): per gateway pod and 5-minute bucket
 *   (aligned to the epoch): sample and DOWN counts, and for latency and loss the
 *   count, mean, max and p95 of the bucket's samples; mean tx/rx rates. Kept for
 *   `retention.rollup` (default 30 d). 30 days are 8 640 buckets per pod, versus
 *   86 400 raw rows at 30 s, so long ranges stay cheap.
 * - **Watermark** (`slice_latency_state`, key `rollup_watermark`): every bucket
 *   before it has been rolled up. The maintenance task rolls up completed buckets
 *   (those ending at least {@link ROLLUP_GRACE_MS} ago, so in-flight samples are not
 *   missed) and only then deletes raw samples, and only those older than both the
 *   raw retention and the watermark. Hence, at any time, rollups cover everything
 *   before the watermark and raw samples cover everything after
 *   `min(now − raw retention, watermark)`: a query can be split at a time `S` and
 *   answered from rollups before `S` and from raw samples after it, with nothing
 *   counted twice and nothing missing.
 * - Rolling up a bucket deletes and rewrites its rows in one transaction, so a rerun
 *   (e.g. after a crash before the watermark moved) is harmless.
 */

/** A bucket is rolled up once it ended at least this long ago. */
export const ROLLUP_GRACE_MS = 60_000;

const WATERMARK_KEY = 'rollup_watermark';
const SAMPLE_INSERT_CHUNK = 60;
const ROLLUP_INSERT_CHUNK = 40;

/** How long each resolution is kept. */
export interface LatencyRetention {
  rawMs: number;
  rollupMs: number;
}

/** Database access for the latency history. Creates its tables on first use. */
export class LatencyStore {
  private knexPromise?: Promise<LatencyKnex>;

  private constructor(private readonly connect: () => Promise<LatencyKnex>) {}

  /**
   * A store on the plugin database. Migrations run once, on first use (or on
   * {@link LatencyStore.ready}), unless the database service says to skip them.
   */
  static fromDatabase(database: DatabaseService): LatencyStore {
    return new LatencyStore(async () => {
      const knex = await database.getClient();
      if (!database.migrations?.skip) {
        await migrateLatencyUp(knex);
      }
      return knex;
    });
  }

  /** A store on a given knex client (tests); runs the migrations on first use. */
  static fromKnex(knex: LatencyKnex): LatencyStore {
    return new LatencyStore(async () => {
      await migrateLatencyUp(knex);
      return knex;
    });
  }

  /** Connects and migrates; retried on the next call if it failed. */
  async ready(): Promise<LatencyKnex> {
    if (!this.knexPromise) {
      this.knexPromise = this.connect().catch(error => {
        this.knexPromise = undefined;
        throw error;
      });
    }
    return this.knexPromise;
  }

  /** Records one sampling run: every observation, stamped `at`. Returns rows written. */
  async recordSamples(
    observations: readonly TunnelObservation[],
    at: Date,
  ): Promise<number> {
    const sampledAt = at.getTime();
    const rows = observations
      .filter(
        o =>
          isName(o.hub) &&
          isName(o.project) &&
          isName(o.slice) &&
          isName(o.localCluster) &&
          isName(o.remoteCluster) &&
          isName(o.gatewayPod),
      )
      .map(o => ({
        hub: o.hub,
        project: o.project,
        slice: o.slice,
        local_cluster: o.localCluster,
        remote_cluster: o.remoteCluster,
        gateway_pod: o.gatewayPod,
        state: toState(o.state),
        latency_ms: finiteOrNull(o.latencyMs),
        packet_loss_percent: finiteOrNull(o.packetLossPercent),
        tx_rate_kbps: finiteOrNull(o.txRateKbps),
        rx_rate_kbps: finiteOrNull(o.rxRateKbps),
        sampled_at: sampledAt,
      }));
    if (rows.length === 0) {
      return 0;
    }
    const knex = await this.ready();
    await knex.transaction(async trx => {
      for (let i = 0; i < rows.length; i += SAMPLE_INSERT_CHUNK) {
        await trx(SAMPLES_TABLE).insert(rows.slice(i, i + SAMPLE_INSERT_CHUNK));
      }
    });
    return rows.length;
  }

  /**
   * Rows of `kind` (raw samples or rollups) of one slice in `[from, to)`, in time
   * order, read page by page and handed to `onRows`; throws `LatencyRowLimitError`
   * past `maxRows`. Returns how many were read.
   */
  async scan<K extends ReadKind>(
    kind: K,
    ref: LatencySliceRef,
    range: TimeRange,
    options: ScanOptions<RowOf[K]>,
  ): Promise<number> {
    return scanSlice(await this.ready(), kind, ref, range, options);
  }

  /** How many rows of `kind` one slice has in the range, counting at most `limit`. */
  async countRows(
    kind: ReadKind,
    ref: LatencySliceRef,
    range: TimeRange,
    limit: number,
  ): Promise<number> {
    return countSliceRows(await this.ready(), kind, ref, range, limit);
  }

  /** Time of the row after the newest `skip` rows in the range; undefined if none. */
  async timeAfterNewest(
    kind: ReadKind,
    ref: LatencySliceRef,
    range: TimeRange,
    skip: number,
  ): Promise<number | undefined> {
    return timeAfterNewest(await this.ready(), kind, ref, range, skip);
  }

  /** Raw samples of one slice with `from <= at < to`, in time order (at most `maxRows`). */
  async fetchSamples(
    ref: LatencySliceRef,
    fromMs: number,
    toMs: number,
    options: { maxRows?: number } = {},
  ): Promise<SampleRow[]> {
    return this.collect('raw', ref, { fromMs, toMs }, options.maxRows);
  }

  /** Rollups of one slice whose bucket starts in `[from, to)`, in time order (at most `maxRows`). */
  async fetchRollups(
    ref: LatencySliceRef,
    fromMs: number,
    toMs: number,
    options: { maxRows?: number } = {},
  ): Promise<RollupRow[]> {
    return this.collect('rollup', ref, { fromMs, toMs }, options.maxRows);
  }

  /** Every bucket before this time (epoch ms) is rolled up; undefined before the first rollup. */
  async getWatermark(): Promise<number | undefined> {
    const knex = await this.ready();
    const row = await knex(STATE_TABLE)
      .where({ key: WATERMARK_KEY })
      .first('value');
    return row ? Number(row.value) : undefined;
  }

  /**
   * Rolls up every completed bucket after the watermark, one bucket per transaction,
   * and moves the watermark. Stops early (leaving a consistent state) when `signal`
   * is aborted. Returns how many buckets with data were rolled up.
   */
  async rollup(nowMs: number, signal?: AbortSignal): Promise<number> {
    const knex = await this.ready();
    const end = alignDown(nowMs - ROLLUP_GRACE_MS, ROLLUP_BUCKET_MS);
    let bucket = await this.getWatermark();
    let rolled = 0;
    for (;;) {
      if (signal?.aborted) {
        break;
      }
      // Jump over empty time (e.g. the backend was down) to the next sample.
      const next = await knex(SAMPLES_TABLE)
        .where('sampled_at', '>=', bucket ?? Number.MIN_SAFE_INTEGER)
        .andWhere('sampled_at', '<', end)
        .min({ first: 'sampled_at' })
        .first();
      const first = finiteOrNull(next?.first);
      if (first === null) {
        if (bucket !== undefined && bucket < end) {
          await this.setWatermark(knex, end);
        }
        break;
      }
      const bucketStart = alignDown(first, ROLLUP_BUCKET_MS);
      const bucketEnd = bucketStart + ROLLUP_BUCKET_MS;
      const rows = (
        await knex(SAMPLES_TABLE)
          .select('hub', 'project', 'slice', ...SAMPLE_COLUMNS)
          .where('sampled_at', '>=', bucketStart)
          .andWhere('sampled_at', '<', bucketEnd)
      ).map(row => ({
        hub: String(row.hub),
        project: String(row.project),
        slice: String(row.slice),
        sample: toSampleRow(row),
      }));
      const rollups = rollupBucket(bucketStart, rows);
      await knex.transaction(async trx => {
        await trx(ROLLUPS_TABLE).where('bucket_start', bucketStart).delete();
        for (let i = 0; i < rollups.length; i += ROLLUP_INSERT_CHUNK) {
          await trx(ROLLUPS_TABLE).insert(
            rollups.slice(i, i + ROLLUP_INSERT_CHUNK),
          );
        }
        await this.setWatermark(trx, bucketEnd);
      });
      rolled += 1;
      bucket = bucketEnd;
    }
    return rolled;
  }

  /**
   * Deletes raw samples older than the raw retention *and* already rolled up (samples
   * older than the rollup retention go regardless), and rollups older than the rollup
   * retention. Returns the numbers of rows deleted.
   */
  async applyRetention(
    nowMs: number,
    retention: LatencyRetention,
  ): Promise<{ samples: number; rollups: number }> {
    const knex = await this.ready();
    const watermark = await this.getWatermark();
    const rollupCutoff = nowMs - retention.rollupMs;
    let rawCutoff =
      watermark === undefined
        ? Number.NEGATIVE_INFINITY
        : Math.min(
            alignDown(nowMs - retention.rawMs, ROLLUP_BUCKET_MS),
            watermark,
          );
    rawCutoff = Math.max(rawCutoff, rollupCutoff);
    const samples = await knex(SAMPLES_TABLE)
      .where('sampled_at', '<', rawCutoff)
      .delete();
    const rollups = await knex(ROLLUPS_TABLE)
      .where('bucket_start', '<', rollupCutoff)
      .delete();
    return { samples, rollups };
  }

  private async collect<K extends ReadKind>(
    kind: K,
    ref: LatencySliceRef,
    range: TimeRange,
    maxRows = DEFAULT_MAX_ROWS,
  ): Promise<RowOf[K][]> {
    const rows: RowOf[K][] = [];
    await this.scan(kind, ref, range, {
      maxRows,
      onRows: page => rows.push(...page),
    });
    return rows;
  }

  private async setWatermark(knex: LatencyKnex, value: number): Promise<void> {
    await knex(STATE_TABLE)
      .insert({ key: WATERMARK_KEY, value })
      .onConflict('key')
      .merge();
  }
}
