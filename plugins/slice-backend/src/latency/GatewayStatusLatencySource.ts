import { InputError } from '@backstage/errors';
import type {
  LatencyMatrixQuery,
  LatencyMatrixResponse,
  LatencySeriesQuery,
  LatencySeriesResponse,
  LatencySliceRef,
  LatencySource,
} from './api';
import {
  LatencyRowLimitError,
  type LatencyStore,
  type RollupRow,
  type SampleRow,
} from './LatencyStore';
import { MatrixAggregate } from './matrixAggregate';
import {
  DEFAULT_MAX_RESPONSE_POINTS,
  DEFAULT_MAX_ROWS,
  matrixPrefersRaw,
  matrixRowLimitMessage,
  planRead,
  type ReadPlan,
  type RowLimitExceeded,
  seriesPrefersRaw,
  seriesRowLimitMessage,
} from './queryPlan';
import { SeriesAggregate } from './seriesAggregate';

export { compareCellsWorstFirst } from './matrixAggregate';
export { MAX_RAW_MATRIX_WINDOW_MS } from './queryPlan';

/** Default number of worst pairs in a matrix answer. */
export const DEFAULT_WORST_PAIRS = 10;

export interface GatewayStatusLatencySourceOptions {
  store: LatencyStore;
  /** How long raw samples are kept (to know from when on they are complete). */
  rawRetentionMs: number;
  /** Most stored rows (raw samples plus rollups) one query reads (default 1 000 000). */
  maxRows?: number;
  /** Most points, over all series, of one series answer (default 200 000). */
  maxResponsePoints?: number;
  /** Rows per database round trip (default 5000). */
  pageRows?: number;
  /** Current time; injectable for tests. */
  clock?: () => Date;
}

/** What rows are handed to while a plan is read. */
interface RowSink {
  addSample(s: SampleRow): void;
  addRollup(r: RollupRow): void;
}

/**
 * The embedded {@link LatencySource}: answers from the samples the sampler stored
 * (see `LatencyStore` for the storage design, `queryPlan` for the choice of raw
 * samples or rollups).
 *
 * Reads are bounded: before reading, the rows a query would read are counted (an
 * index-only count that stops past `maxRows`); a query over the limit answers 400
 * (`InputError`) saying how to narrow it. A matrix that would read too many raw
 * samples is answered from rollups instead (`approximate: true`) when that fits.
 * Rows are read page by page and aggregated per step (series) or pair (matrix), so
 * memory grows with the answer, not with the rows read.
 */
export class GatewayStatusLatencySource implements LatencySource {
  private readonly store: LatencyStore;
  private readonly rawRetentionMs: number;
  private readonly maxRows: number;
  private readonly maxResponsePoints: number;
  private readonly pageRows?: number;
  private readonly clock: () => Date;

  constructor(options: GatewayStatusLatencySourceOptions) {
    this.store = options.store;
    this.rawRetentionMs = options.rawRetentionMs;
    this.maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
    this.maxResponsePoints =
      options.maxResponsePoints ?? DEFAULT_MAX_RESPONSE_POINTS;
    this.pageRows = options.pageRows;
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
    const watermarkMs = await this.store.getWatermark();
    const plan = this.plan(from, to, seriesPrefersRaw(stepMs), watermarkMs);
    const exceeded = await this.findRowLimitExceeded(ref, plan);
    if (exceeded) {
      throw new InputError(seriesRowLimitMessage(exceeded));
    }
    const aggregate = new SeriesAggregate({
      fromMs: from,
      toMs: to,
      stepMs,
      byPod: query.byPod === true,
      maxPoints: this.maxResponsePoints,
    });
    await this.read(ref, plan, aggregate, seriesRowLimitMessage);
    return {
      ...ref,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      stepSeconds: query.stepSeconds,
      resolution: plan.resolution,
      series: aggregate.result(),
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
    const watermarkMs = await this.store.getWatermark();
    let plan = this.plan(from, to, matrixPrefersRaw(windowMs), watermarkMs);
    let exceeded = await this.findRowLimitExceeded(ref, plan);
    if (exceeded && plan.rollupSplitMs > plan.splitMs) {
      // Too many raw samples for exact percentiles: rollups as far as they go.
      plan = this.plan(from, to, false, watermarkMs);
      exceeded = await this.findRowLimitExceeded(ref, plan);
    }
    if (exceeded) {
      throw new InputError(matrixRowLimitMessage(exceeded));
    }
    const aggregate = new MatrixAggregate();
    await this.read(ref, plan, aggregate, matrixRowLimitMessage);
    return {
      ...ref,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      windowSeconds: query.windowSeconds,
      resolution: plan.resolution,
      ...aggregate.result(query.worstPairs ?? DEFAULT_WORST_PAIRS),
    };
  }

  private plan(
    fromMs: number,
    toMs: number,
    preferRaw: boolean,
    watermarkMs: number | undefined,
  ): ReadPlan {
    return planRead({
      fromMs,
      toMs,
      preferRaw,
      nowMs: this.clock().getTime(),
      rawRetentionMs: this.rawRetentionMs,
      watermarkMs,
    });
  }

  /**
   * Whether the plan reads more than `maxRows` rows, counting the newest part first
   * (each count stops past what is left of the limit); if so, where the newest
   * `maxRows` rows end.
   */
  private async findRowLimitExceeded(
    ref: LatencySliceRef,
    plan: ReadPlan,
  ): Promise<RowLimitExceeded | undefined> {
    let left = this.maxRows;
    const newestFirst = [...plan.parts].reverse();
    for (const [i, part] of newestFirst.entries()) {
      if (i < newestFirst.length - 1) {
        const rows = await this.store.countRows(part.kind, ref, part, left + 1);
        if (rows <= left) {
          left -= rows;
          continue;
        }
      }
      const reachedMs = await this.store.timeAfterNewest(
        part.kind,
        ref,
        part,
        left,
      );
      if (reachedMs !== undefined) {
        return { limit: this.maxRows, plan, reachedMs };
      }
    }
    return undefined;
  }

  /**
   * Reads the plan's parts into `sink` under one row limit. Rows written after the
   * count can still pass it: that answers 400 too, never a truncated answer.
   */
  private async read(
    ref: LatencySliceRef,
    plan: ReadPlan,
    sink: RowSink,
    message: (exceeded: RowLimitExceeded) => string,
  ): Promise<void> {
    let left = this.maxRows;
    try {
      for (const part of plan.parts) {
        const options = { maxRows: left, pageRows: this.pageRows };
        left -=
          part.kind === 'rollup'
            ? await this.store.scan('rollup', ref, part, {
                ...options,
                onRows: rows => rows.forEach(r => sink.addRollup(r)),
              })
            : await this.store.scan('raw', ref, part, {
                ...options,
                onRows: rows => rows.forEach(s => sink.addSample(s)),
              });
      }
    } catch (error) {
      if (error instanceof LatencyRowLimitError) {
        const exceeded = (await this.findRowLimitExceeded(ref, plan)) ?? {
          limit: this.maxRows,
          plan,
          reachedMs: plan.fromMs,
        };
        throw new InputError(message(exceeded));
      }
      throw error;
    }
  }
}

function sliceRef(ref: LatencySliceRef): LatencySliceRef {
  return { hub: ref.hub, project: ref.project, slice: ref.slice };
}
