/**
 * Bounded reads of one slice's latency rows: page by page with a row limit, and
 * index-only counts that stop at a limit. Used through `LatencyStore`.
 */
import type { LatencySliceRef } from './api';
import { type LatencyKnex, ROLLUPS_TABLE, SAMPLES_TABLE } from './migrations';
import { DEFAULT_PAGE_ROWS, type ReadKind, type TimeRange } from './queryPlan';
import {
  ROLLUP_COLUMNS,
  type RollupRow,
  SAMPLE_COLUMNS,
  type SampleRow,
  toRollupRow,
  toSampleRow,
} from './rows';

/** A read passed its `maxRows`: the caller asked for too much (nothing is truncated). */
export class LatencyRowLimitError extends Error {
  constructor(readonly limit: number, readonly kind: ReadKind) {
    super(`More than ${limit} latency rows (${kind}) in the range`);
    this.name = 'LatencyRowLimitError';
  }
}

/** How a scan reads. */
export interface ScanOptions<Row> {
  /** Throws {@link LatencyRowLimitError} once more than this many rows were read. */
  maxRows: number;
  /** Rows per database round trip (default {@link DEFAULT_PAGE_ROWS}). */
  pageRows?: number;
  /** Called with each page, in time order; pages are not kept. */
  onRows(rows: Row[]): void;
}

/** The row type of each kind. */
export interface RowOf {
  raw: SampleRow;
  rollup: RollupRow;
}

interface TableSpec<Row> {
  table: string;
  time: string;
  columns: readonly string[];
  map(row: Record<string, unknown>): Row;
}

const TABLES: { [K in ReadKind]: TableSpec<RowOf[K]> } = {
  raw: {
    table: SAMPLES_TABLE,
    time: 'sampled_at',
    columns: SAMPLE_COLUMNS,
    map: toSampleRow,
  },
  rollup: {
    table: ROLLUPS_TABLE,
    time: 'bucket_start',
    columns: ROLLUP_COLUMNS,
    map: toRollupRow,
  },
};

function inRange(
  knex: LatencyKnex,
  kind: ReadKind,
  ref: LatencySliceRef,
  range: TimeRange,
) {
  const { table, time } = TABLES[kind];
  return knex(table)
    .where({ hub: ref.hub, project: ref.project, slice: ref.slice })
    .andWhere(time, '>=', range.fromMs)
    .andWhere(time, '<', range.toMs);
}

/**
 * Reads one slice's rows of `kind` in `[from, to)` in time order, `pageRows` at a
 * time. A full page ends before the time of its last row (whose rows start the next
 * page), so a page never splits one time; a time with more rows than a page is read
 * whole. Returns how many rows were read.
 */
export async function scanSlice<K extends ReadKind>(
  knex: LatencyKnex,
  kind: K,
  ref: LatencySliceRef,
  range: TimeRange,
  options: ScanOptions<RowOf[K]>,
): Promise<number> {
  const spec = TABLES[kind] as TableSpec<RowOf[K]>;
  const pageRows = Math.max(2, options.pageRows ?? DEFAULT_PAGE_ROWS);
  let cursor = range.fromMs;
  let read = 0;
  for (;;) {
    const page: Record<string, unknown>[] = await inRange(knex, kind, ref, {
      fromMs: cursor,
      toMs: range.toMs,
    })
      .select(...spec.columns)
      .orderBy(spec.time)
      .limit(pageRows);
    const full = page.length === pageRows;
    let rows = page;
    if (full) {
      const last = Number(page[page.length - 1][spec.time]);
      let cut = page.length - 1;
      while (cut > 0 && Number(page[cut - 1][spec.time]) === last) {
        cut -= 1;
      }
      if (cut > 0) {
        rows = page.slice(0, cut);
        cursor = last;
      } else {
        rows = await inRange(knex, kind, ref, {
          fromMs: last,
          toMs: last + 1,
        }).select(...spec.columns);
        cursor = last + 1;
      }
    }
    read += rows.length;
    if (read > options.maxRows) {
      throw new LatencyRowLimitError(options.maxRows, kind);
    }
    if (rows.length > 0) {
      options.onRows(rows.map(row => spec.map(row)));
    }
    if (!full) {
      return read;
    }
  }
}

/** How many rows of `kind` one slice has in the range, counting at most `limit`. */
export async function countSliceRows(
  knex: LatencyKnex,
  kind: ReadKind,
  ref: LatencySliceRef,
  range: TimeRange,
  limit: number,
): Promise<number> {
  const capped = inRange(knex, kind, ref, range)
    .select(TABLES[kind].time)
    .limit(Math.max(0, limit))
    .as('capped');
  const row = await knex.from(capped).count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

/**
 * The time of the row after the newest `skip` rows of `kind` of one slice in the
 * range, or undefined when there are at most `skip`.
 */
export async function timeAfterNewest(
  knex: LatencyKnex,
  kind: ReadKind,
  ref: LatencySliceRef,
  range: TimeRange,
  skip: number,
): Promise<number | undefined> {
  const { time } = TABLES[kind];
  const row = await inRange(knex, kind, ref, range)
    .orderBy(time, 'desc')
    .offset(Math.max(0, skip))
    .first({ t: time });
  return row ? Number(row.t) : undefined;
}
