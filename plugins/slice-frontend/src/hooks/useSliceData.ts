import { useApi } from '@backstage/core-plugin-api';
import type {
  ApiResponse,
  ClusterDetail,
  ClusterSummary,
  LatencyMatrixResponse,
  LatencySeriesResponse,
  SliceDetail,
  SliceEvent,
  SliceSummary,
  SliceTopology,
} from '@slice-portal/plugin-slice-common';
import {
  sliceApiRef,
  type AuditQuery,
  type ClusterListQuery,
  type EventQuery,
  type LatencyMatrixQuery,
  type LatencyQuery,
  type SliceListQuery,
  type SliceListResponse,
  type SliceRef,
} from '../api/SliceApi';
import { DEFAULT_REFRESH_MS, usePolled, type PolledState } from './usePolled';

/** A stable key of a query object (its defined entries, sorted). */
function keyOf(name: string, query: object = {}): string {
  const entries = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  return `${name}?${JSON.stringify(entries)}`;
}

export function useSlice(
  ref: SliceRef,
  refreshMs = DEFAULT_REFRESH_MS,
): PolledState<SliceDetail> {
  const api = useApi(sliceApiRef);
  return usePolled(
    keyOf('slice', ref),
    signal => api.getSlice(ref, { signal }),
    refreshMs,
  );
}

export function useTopology(
  ref: SliceRef,
  refreshMs = DEFAULT_REFRESH_MS,
): PolledState<SliceTopology> {
  const api = useApi(sliceApiRef);
  return usePolled(
    keyOf('topology', ref),
    signal => api.getTopology(ref, { signal }),
    refreshMs,
  );
}

export function useSlices(
  query?: SliceListQuery,
  refreshMs = DEFAULT_REFRESH_MS,
): PolledState<SliceListResponse<SliceSummary>> {
  const api = useApi(sliceApiRef);
  return usePolled(
    keyOf('slices', query),
    signal => api.listSlices(query, { signal }),
    refreshMs,
  );
}

export function useClusters(
  query?: ClusterListQuery,
  refreshMs = DEFAULT_REFRESH_MS,
): PolledState<SliceListResponse<ClusterSummary>> {
  const api = useApi(sliceApiRef);
  return usePolled(
    keyOf('clusters', query),
    signal => api.listClusters(query, { signal }),
    refreshMs,
  );
}

export function useCluster(
  ref: { hub: string; name: string; project?: string },
  refreshMs = DEFAULT_REFRESH_MS,
): PolledState<ClusterDetail> {
  const api = useApi(sliceApiRef);
  return usePolled(
    keyOf('cluster', ref),
    signal => api.getCluster(ref, { signal }),
    refreshMs,
  );
}

export function useEvents(
  query: EventQuery,
  refreshMs = DEFAULT_REFRESH_MS,
): PolledState<SliceListResponse<SliceEvent>> {
  const api = useApi(sliceApiRef);
  return usePolled(
    keyOf('events', query),
    signal => api.listEvents(query, { signal }),
    refreshMs,
  );
}

/** Audit records (writes through the portal), newest first; tenant-scoped by the backend. */
export function useAudit(
  query: AuditQuery,
  refreshMs = DEFAULT_REFRESH_MS,
): PolledState<ApiResponse<'/v1/audit'>> {
  const api = useApi(sliceApiRef);
  return usePolled(
    keyOf('audit', query),
    signal => api.listAudit(query, { signal }),
    refreshMs,
  );
}

/**
 * Time series of a slice's tunnels over the last `windowSeconds`, recomputing the range on
 * every refresh (the step is left to the backend: about 300 points).
 */
export function useLatencySeries(
  ref: SliceRef,
  windowSeconds: number,
  options: { byPod?: boolean; refreshMs?: number } = {},
): PolledState<LatencySeriesResponse> {
  const api = useApi(sliceApiRef);
  const { byPod, refreshMs = DEFAULT_REFRESH_MS } = options;
  return usePolled(
    keyOf('latency', { ...ref, windowSeconds, byPod }),
    signal => {
      const to = Date.now();
      const query: LatencyQuery = {
        hub: ref.hub,
        project: ref.project,
        slice: ref.name,
        from: new Date(to - windowSeconds * 1000).toISOString(),
        to: new Date(to).toISOString(),
        byPod,
      };
      return api.getLatency(query, { signal });
    },
    refreshMs,
  );
}

export function useLatencyMatrix(
  query: LatencyMatrixQuery | undefined,
  refreshMs = DEFAULT_REFRESH_MS,
): PolledState<LatencyMatrixResponse> {
  const api = useApi(sliceApiRef);
  return usePolled(
    query ? keyOf('matrix', query) : undefined,
    signal => api.getLatencyMatrix(query!, { signal }),
    refreshMs,
  );
}
