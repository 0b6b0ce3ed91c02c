import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { LatencySliceRef } from './api';
import {
  type LatencyKnex,
  migrateLatencyUp,
  ROLLUPS_TABLE,
  SAMPLES_TABLE,
  STATE_TABLE,
} from './migrations';
import { Accumulator, alignDown, weightedPercentile } from './stats';
import type { TunnelObservation, TunnelState } from './types';

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

/** Width of a rollup bucket. */
export const ROLLUP_BUCKET_MS = 5 * 60_000;
/** A bucket is rolled up once it ended at least this long ago. */
export const ROLLUP_GRACE_MS = 60_000;

const WATERMARK_KEY = 'rollup_watermark';
const SAMPLE_INSERT_CHUNK = 60;
const ROLLUP_INSERT_CHUNK = 40;

/** One stored raw sample. */
export interface SampleRow {
  localCluster: string;
  remoteCluster: string;
  gatewayPod: string;
  state: TunnelState;
  latencyMs: number | null;
  packetLossPercent: number | null;
  txRateKbps: number | null;
  rxRateKbps: number | null;
  /** Epoch ms. */
  at: number;
}

/** One stored rollup bucket of one gateway pod. */
export interface RollupRow {
  localCluster: string;
  remoteCluster: string;
  gatewayPod: string;
  /** Epoch ms, multiple of {@link ROLLUP_BUCKET_MS}. */
  bucketStart: number;
  samples: number;
  downSamples: number;
  latencyCount: number;
  latencyAvg: number | null;
  latencyMax: number | null;
  latencyP95: number | null;
  lossCount: number;
  lossAvg: number | null;
  lossMax: number | null;
  lossP95: number | null;
  txCount: number;
  txAvg: number | null;
  rxCount: number;
  rxAvg: number | null;
}

/** How long each resolution is kept. */
export interface LatencyRetention {
  rawMs: number;
  rollupMs: number;
}

function finiteOrNull(value: unknown): number | null {
  if (value === null || value === undefined) {
    return null;
  }
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 255;
}

function toState(value: unknown): TunnelState {
  return value === 'UP' || value === 'DOWN' ? value : 'UNKNOWN';
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

  /** Raw samples of one slice with `from <= at < to`, in time order. */
  async fetchSamples(
    ref: LatencySliceRef,
    fromMs: number,
    toMs: number,
  ): Promise<SampleRow[]> {
    const knex = await this.ready();
    const rows = await knex(SAMPLES_TABLE)
      .select(
        'local_cluster',
        'remote_cluster',
        'gateway_pod',
        'state',
        'latency_ms',
        'packet_loss_percent',
        'tx_rate_kbps',
        'rx_rate_kbps',
        'sampled_at',
      )
      .where({ hub: ref.hub, project: ref.project, slice: ref.slice })
      .andWhere('sampled_at', '>=', fromMs)
      .andWhere('sampled_at', '<', toMs)
      .orderBy('sampled_at');
    return rows.map(toSampleRow);
  }

  /** Rollups of one slice whose bucket starts in `[from, to)`, in time order. */
  async fetchRollups(
    ref: LatencySliceRef,
    fromMs: number,
    toMs: number,
  ): Promise<RollupRow[]> {
    const knex = await this.ready();
    const rows = await knex(ROLLUPS_TABLE)
      .select('*')
      .where({ hub: ref.hub, project: ref.project, slice: ref.slice })
      .andWhere('bucket_start', '>=', fromMs)
      .andWhere('bucket_start', '<', toMs)
      .orderBy('bucket_start');
    return rows.map(toRollupRow);
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
          .select(
            'hub',
            'project',
            'slice',
            'local_cluster',
            'remote_cluster',
            'gateway_pod',
            'state',
            'latency_ms',
            'packet_loss_percent',
            'tx_rate_kbps',
            'rx_rate_kbps',
            'sampled_at',
          )
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

  private async setWatermark(knex: LatencyKnex, value: number): Promise<void> {
    await knex(STATE_TABLE)
      .insert({ key: WATERMARK_KEY, value })
      .onConflict('key')
      .merge();
  }
}

function toSampleRow(row: Record<string, unknown>): SampleRow {
  return {
    localCluster: String(row.local_cluster),
    remoteCluster: String(row.remote_cluster),
    gatewayPod: String(row.gateway_pod),
    state: toState(row.state),
    latencyMs: finiteOrNull(row.latency_ms),
    packetLossPercent: finiteOrNull(row.packet_loss_percent),
    txRateKbps: finiteOrNull(row.tx_rate_kbps),
    rxRateKbps: finiteOrNull(row.rx_rate_kbps),
    at: Number(row.sampled_at),
  };
}

function toRollupRow(row: Record<string, unknown>): RollupRow {
  return {
    localCluster: String(row.local_cluster),
    remoteCluster: String(row.remote_cluster),
    gatewayPod: String(row.gateway_pod),
    bucketStart: Number(row.bucket_start),
    samples: Number(row.samples),
    downSamples: Number(row.down_samples),
    latencyCount: Number(row.latency_count),
    latencyAvg: finiteOrNull(row.latency_avg),
    latencyMax: finiteOrNull(row.latency_max),
    latencyP95: finiteOrNull(row.latency_p95),
    lossCount: Number(row.loss_count),
    lossAvg: finiteOrNull(row.loss_avg),
    lossMax: finiteOrNull(row.loss_max),
    lossP95: finiteOrNull(row.loss_p95),
    txCount: Number(row.tx_count),
    txAvg: finiteOrNull(row.tx_avg),
    rxCount: Number(row.rx_count),
    rxAvg: finiteOrNull(row.rx_avg),
  };
}

/** Latency of a sample as used in statistics: none when the tunnel was DOWN. */
export function usableLatency(sample: {
  state: TunnelState;
  latencyMs: number | null;
}): number | null {
  return sample.state === 'DOWN' ? null : sample.latencyMs;
}

/** Aggregates one bucket's raw samples into one rollup row per gateway pod. */
function rollupBucket(
  bucketStart: number,
  rows: Array<{
    hub: string;
    project: string;
    slice: string;
    sample: SampleRow;
  }>,
): Array<Record<string, string | number | null>> {
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    const s = row.sample;
    const key = JSON.stringify([
      row.hub,
      row.project,
      row.slice,
      s.localCluster,
      s.remoteCluster,
      s.gatewayPod,
    ]);
    const group = groups.get(key);
    if (group) {
      group.push(row);
    } else {
      groups.set(key, [row]);
    }
  }
  const result: Array<Record<string, string | number | null>> = [];
  for (const group of groups.values()) {
    const { hub, project, slice, sample: first } = group[0];
    const latency = new Accumulator();
    const loss = new Accumulator();
    const tx = new Accumulator();
    const rx = new Accumulator();
    const latencies: number[] = [];
    const losses: number[] = [];
    let down = 0;
    for (const { sample } of group) {
      if (sample.state === 'DOWN') {
        down += 1;
      }
      const l = usableLatency(sample);
      if (l !== null) {
        latency.add(l);
        latencies.push(l);
      }
      if (sample.packetLossPercent !== null) {
        loss.add(sample.packetLossPercent);
        losses.push(sample.packetLossPercent);
      }
      tx.add(sample.txRateKbps);
      rx.add(sample.rxRateKbps);
    }
    const p95 = (values: number[]) =>
      weightedPercentile(
        values.map(v => ({ v, w: 1 })),
        0.95,
      );
    result.push({
      hub,
      project,
      slice,
      local_cluster: first.localCluster,
      remote_cluster: first.remoteCluster,
      gateway_pod: first.gatewayPod,
      bucket_start: bucketStart,
      samples: group.length,
      down_samples: down,
      latency_count: latency.count,
      latency_avg: latency.mean(),
      latency_max: latency.max,
      latency_p95: p95(latencies),
      loss_count: loss.count,
      loss_avg: loss.mean(),
      loss_max: loss.max,
      loss_p95: p95(losses),
      tx_count: tx.count,
      tx_avg: tx.mean(),
      rx_count: rx.count,
      rx_avg: rx.mean(),
    });
  }
  return result;
}
