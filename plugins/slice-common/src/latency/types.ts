/**
 * The latency history API (`/api/slice/v1/latency`, `/api/slice/v1/latency/matrix`):
 * what callers ask for and get back, independent of where the history comes from.
 * Copied from the backend's `latency/api.ts` (without the `LatencySource` interface).
 * All times are ISO 8601 strings in UTC (`2025-01-01T10:00:00.000Z`) so that
 * the response types are exactly what travels as JSON.
 *
 * Terms:
 * - a **pair** is the unordered pair of clusters `{a, b}` of a slice's tunnel, written as
 *   the two names sorted (`clusters: [a, b]` with `a < b`). Both directions feed a pair:
 *   the gateway pods on `a` (towards `b`) and those on `b` (towards `a`);
 * - a **sample** is one gateway pod's tunnel status at one sampling time;
 * - latency statistics ignore samples whose tunnel was `DOWN` (their reported latency is
 *   stale); packet loss and throughput use every sample that reports a value.
 */

/** Addresses one slice: `hub/project/slice`. */
export interface LatencySliceRef {
  /** Name of the hub (as configured under `slice.hubs[].name`). */
  hub: string;
  /** KubeSlice project name (without the `kubeslice-` namespace prefix). */
  project: string;
  /** Slice name. */
  slice: string;
}

/** Ask for time series of one slice's tunnels between `from` and `to`. */
export interface LatencySeriesQuery extends LatencySliceRef {
  /** Start of the range, inclusive (ISO 8601). */
  from: string;
  /** End of the range, exclusive (ISO 8601). Must be after `from`. */
  to: string;
  /**
   * Width of one point in seconds. Point `i` aggregates the samples in
   * `[from + i*step, from + (i+1)*step)`.
   */
  stepSeconds: number;
  /** One series per gateway pod instead of one per cluster pair (default false). */
  byPod?: boolean;
}

/** Which stored resolution answered a query. */
export type LatencyResolution =
  /** Every sample as recorded. */
  | 'raw'
  /** Pre-aggregated buckets (coarser, older data). */
  | 'rollup'
  /** Older part from rollups, recent part from raw samples. */
  | 'mixed';

/** One point of a series: the samples that fell into one step. */
export interface LatencyPoint {
  /** Start of the step (ISO 8601). */
  t: string;
  /** Mean round-trip latency in ms over the step's non-DOWN samples, or null if none. */
  latencyMs: number | null;
  /** Highest latency in ms seen in the step (from rollups: highest bucket maximum). */
  latencyMaxMs: number | null;
  /** Mean packet loss in percent (0–100), or null if no sample reported it. */
  packetLossPercent: number | null;
  /** Highest packet loss in percent seen in the step. */
  packetLossMaxPercent: number | null;
  /** Mean transmit rate in kbit/s, or null. */
  txRateKbps: number | null;
  /** Mean receive rate in kbit/s, or null. */
  rxRateKbps: number | null;
  /** Number of samples in the step (all pods that feed the series). */
  samples: number;
  /** How many of those samples had the tunnel `DOWN`. */
  downSamples: number;
}

/** The series of one cluster pair, or of one gateway pod when `byPod` was asked. */
export interface LatencySeries {
  /** The pair, names sorted. */
  clusters: [string, string];
  /** With `byPod`: the cluster the gateway pod runs on (one of `clusters`). */
  localCluster?: string;
  /** With `byPod`: the gateway pod's name. */
  gatewayPod?: string;
  /**
   * Points in time order. Sparse: steps without any sample are left out (the client
   * knows `stepSeconds` and can draw the gap).
   */
  points: LatencyPoint[];
}

/** Answer to a {@link LatencySeriesQuery}. */
export interface LatencySeriesResponse extends LatencySliceRef {
  /** The range actually answered (ISO 8601), as asked. */
  from: string;
  to: string;
  stepSeconds: number;
  resolution: LatencyResolution;
  /** Sorted by pair, then (with `byPod`) by local cluster and pod name. */
  series: LatencySeries[];
}

/** Ask for the cluster × cluster matrix of one slice over the last `windowSeconds`. */
export interface LatencyMatrixQuery extends LatencySliceRef {
  /** Length of the window ending now, in seconds. */
  windowSeconds: number;
  /** How many worst pairs to return (default 10). */
  worstPairs?: number;
}

/** Order statistics of one quantity over a window. All null when nothing was reported. */
export interface LatencyStats {
  /** Median (nearest rank). */
  p50: number | null;
  /** 95th percentile (nearest rank). Approximate when the window reaches into rollups. */
  p95: number | null;
  max: number | null;
  mean: number | null;
}

/** The most recent sampling of a pair within the window. */
export interface LatencyLatest {
  /** When it was sampled (ISO 8601); for rollups, the start of the latest bucket. */
  at: string;
  /** Mean latency in ms over the pair's non-DOWN gateway pods at that time, or null. */
  latencyMs: number | null;
  /** Mean packet loss in percent over the pair's gateway pods at that time, or null. */
  packetLossPercent: number | null;
  /** Gateway pods sampled at that time (both directions). */
  pods: number;
  /** Of those, how many reported the tunnel `DOWN`. */
  downPods: number;
}

/** One cell of the matrix: one unordered cluster pair. */
export interface LatencyMatrixCell {
  /** The pair, names sorted. The matrix is symmetric: cell (a, b) = cell (b, a). */
  clusters: [string, string];
  latest: LatencyLatest | null;
  /** Round-trip latency in ms (non-DOWN samples only). */
  latencyMs: LatencyStats;
  /** Packet loss in percent. */
  packetLossPercent: LatencyStats;
  samples: number;
  downSamples: number;
}

/** Answer to a {@link LatencyMatrixQuery}. */
export interface LatencyMatrixResponse extends LatencySliceRef {
  /** The window answered (ISO 8601): `[from, to)` with `to` = now. */
  from: string;
  to: string;
  windowSeconds: number;
  resolution: LatencyResolution;
  /**
   * True when some statistics come from rollups: p50 is then the weighted median of
   * bucket means and p95 the weighted 95th percentile of bucket p95s.
   */
  approximate: boolean;
  /** Every cluster seen in the window, sorted: the matrix axes. */
  clusters: string[];
  /** One cell per pair that has samples in the window, sorted by pair. */
  cells: LatencyMatrixCell[];
  /**
   * The worst pairs, worst first: by p95 latency (descending), then p95 packet loss
   * (descending), then pair name. A pair without any latency value (all samples DOWN)
   * counts as worse than any measured latency; likewise for loss.
   */
  worstPairs: LatencyMatrixCell[];
}
