import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  ClusterDetail,
  ClusterSummary,
  FleetResponse,
  FleetTunnel,
  LatencyMatrixResponse,
  LatencySeriesResponse,
  SliceDetail,
  SliceEvent,
  SliceSummary,
  SliceTopology,
} from '@slice-portal/plugin-slice-common';
import type {
  ClusterListQuery,
  EventQuery,
  LatencyMatrixQuery,
  LatencyQuery,
  RequestOptions,
  SliceApi,
  SliceListQuery,
  SliceListResponse,
  SliceRef,
  TunnelListQuery,
} from './SliceApi';

type QueryValue = string | number | boolean | undefined;

function queryString(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function slicePath(ref: SliceRef): string {
  return [ref.hub, ref.project, ref.name].map(encodeURIComponent).join('/');
}

/** Calls the slice backend through discovery and the app's fetchApi (which adds the user's token). */
export class SliceClient implements SliceApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  getFleet(options?: RequestOptions): Promise<FleetResponse> {
    return this.get('/v1/fleet', options);
  }

  listClusters(
    query?: ClusterListQuery,
    options?: RequestOptions,
  ): Promise<SliceListResponse<ClusterSummary>> {
    return this.get(`/v1/clusters${queryString({ ...query })}`, options);
  }

  getCluster(
    ref: { hub: string; name: string; project?: string },
    options?: RequestOptions,
  ): Promise<ClusterDetail> {
    return this.get(
      `/v1/clusters/${encodeURIComponent(ref.hub)}/${encodeURIComponent(
        ref.name,
      )}${queryString({ project: ref.project })}`,
      options,
    );
  }

  listSlices(
    query?: SliceListQuery,
    options?: RequestOptions,
  ): Promise<SliceListResponse<SliceSummary>> {
    return this.get(`/v1/slices${queryString({ ...query })}`, options);
  }

  getSlice(ref: SliceRef, options?: RequestOptions): Promise<SliceDetail> {
    return this.get(`/v1/slices/${slicePath(ref)}`, options);
  }

  getTopology(ref: SliceRef, options?: RequestOptions): Promise<SliceTopology> {
    return this.get(`/v1/slices/${slicePath(ref)}/topology`, options);
  }

  listTunnels(
    query?: TunnelListQuery,
    options?: RequestOptions,
  ): Promise<SliceListResponse<FleetTunnel>> {
    return this.get(`/v1/tunnels${queryString({ ...query })}`, options);
  }

  listEvents(
    query?: EventQuery,
    options?: RequestOptions,
  ): Promise<SliceListResponse<SliceEvent>> {
    return this.get(`/v1/events${queryString({ ...query })}`, options);
  }

  getLatency(
    query: LatencyQuery,
    options?: RequestOptions,
  ): Promise<LatencySeriesResponse> {
    const { byPod, ...rest } = query;
    return this.get(
      `/v1/latency${queryString({
        ...rest,
        byPod: byPod ? 'true' : undefined,
      })}`,
      options,
    );
  }

  getLatencyMatrix(
    query: LatencyMatrixQuery,
    options?: RequestOptions,
  ): Promise<LatencyMatrixResponse> {
    return this.get(`/v1/latency/matrix${queryString({ ...query })}`, options);
  }

  private async get<T>(path: string, options?: RequestOptions): Promise<T> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('slice');
    const response = await this.deps.fetchApi.fetch(`${baseUrl}${path}`, {
      signal: options?.signal,
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
