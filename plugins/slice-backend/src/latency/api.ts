/**
 * The latency history API. The query and response types are shared with the frontend
 * and live in `@slice-portal/plugin-slice-common`; the source interface is backend-only.
 */
import type {
  LatencyMatrixQuery,
  LatencyMatrixResponse,
  LatencySeriesQuery,
  LatencySeriesResponse,
} from '@slice-portal/plugin-slice-common';

export type {
  LatencySliceRef,
  LatencySeriesQuery,
  LatencyResolution,
  LatencyPoint,
  LatencySeries,
  LatencySeriesResponse,
  LatencyMatrixQuery,
  LatencyStats,
  LatencyLatest,
  LatencyMatrixCell,
  LatencyMatrixResponse,
} from '@slice-portal/plugin-slice-common';

/**
 * Where latency history comes from. The embedded implementation samples
 * `SliceGateway` status into the plugin database; a Prometheus implementation can
 * answer the same queries from `kubeslice_system_slicegw_*` metrics.
 *
 * Implementations may throw `InputError` (from `@backstage/errors`) for a query they
 * cannot answer as asked.
 */
export interface LatencySource {
  /** Time series per cluster pair (or per gateway pod) of one slice. */
  series(query: LatencySeriesQuery): Promise<LatencySeriesResponse>;
  /** Cluster × cluster latest/p50/p95 latency and loss over a window, plus worst pairs. */
  matrix(query: LatencyMatrixQuery): Promise<LatencyMatrixResponse>;
}
