import { createApiRef } from '@backstage/core-plugin-api';
import type {
  ClusterDetail,
  ClusterSummary,
  FleetResponse,
  FleetTunnel,
  HealthState,
  LatencyMatrixResponse,
  LatencySeriesResponse,
  SliceDetail,
  SliceEvent,
  SliceSummary,
  SliceTopology,
  SourceError,
} from '@slice-portal/plugin-slice-common';

/** A list answer of the backend: the items the caller may see, and the sources that failed. */
export interface SliceListResponse<T> {
  items: T[];
  errors: SourceError[];
}

/** Addresses one slice. */
export interface SliceRef {
  hub: string;
  project: string;
  name: string;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface SliceListQuery {
  hub?: string;
  project?: string;
  cluster?: string;
  health?: HealthState;
  text?: string;
}

export interface ClusterListQuery {
  hub?: string;
  project?: string;
  health?: HealthState;
  text?: string;
}

export interface EventQuery {
  hub?: string;
  project?: string;
  slice?: string;
  cluster?: string;
  type?: string;
  /** ISO 8601 time; only events at or after it. */
  since?: string;
  limit?: number;
}

export interface TunnelListQuery {
  hub?: string;
  project?: string;
  slice?: string;
}

export interface LatencyQuery {
  hub: string;
  project: string;
  slice: string;
  /** ISO 8601; the backend defaults to the last hour. */
  from?: string;
  to?: string;
  /** Seconds or a duration such as `30s`, `5m`. */
  step?: string;
  byPod?: boolean;
}

export interface LatencyMatrixQuery {
  hub: string;
  project: string;
  slice: string;
  /** `15m`, `1h`, `24h`, `7d`; the backend defaults to `1h`. */
  window?: string;
}

/** Client of the slice backend's read API (`/api/slice/v1`). */
export interface SliceApi {
  getFleet(options?: RequestOptions): Promise<FleetResponse>;
  listClusters(
    query?: ClusterListQuery,
    options?: RequestOptions,
  ): Promise<SliceListResponse<ClusterSummary>>;
  getCluster(
    ref: { hub: string; name: string; project?: string },
    options?: RequestOptions,
  ): Promise<ClusterDetail>;
  listSlices(
    query?: SliceListQuery,
    options?: RequestOptions,
  ): Promise<SliceListResponse<SliceSummary>>;
  getSlice(ref: SliceRef, options?: RequestOptions): Promise<SliceDetail>;
  getTopology(ref: SliceRef, options?: RequestOptions): Promise<SliceTopology>;
  /** Every tunnel of every slice the caller may see, in one answer (for the fleet map). */
  listTunnels(
    query?: TunnelListQuery,
    options?: RequestOptions,
  ): Promise<SliceListResponse<FleetTunnel>>;
  listEvents(
    query?: EventQuery,
    options?: RequestOptions,
  ): Promise<SliceListResponse<SliceEvent>>;
  getLatency(
    query: LatencyQuery,
    options?: RequestOptions,
  ): Promise<LatencySeriesResponse>;
  getLatencyMatrix(
    query: LatencyMatrixQuery,
    options?: RequestOptions,
  ): Promise<LatencyMatrixResponse>;
}

export const sliceApiRef = createApiRef<SliceApi>({ id: 'plugin.slice.api' });
