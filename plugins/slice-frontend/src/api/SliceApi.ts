import { createApiRef } from '@backstage/core-plugin-api';
import type {
  ApiPathParams,
  ApiQuery,
  ApiResponse,
  SourceError,
} from '@slice-portal/plugin-slice-common';

/*
 * Every route's parameters and answer are the types derived from the API document
 * (`@slice-portal/plugin-slice-common`, `api/openapi.ts`), so the client cannot ask for
 * a parameter the backend does not accept or expect a field it does not send.
 */

export type SliceRef = ApiPathParams<'/v1/slices/{hub}/{project}/{name}'>;
export type ClusterRef = ApiPathParams<'/v1/clusters/{hub}/{name}'> &
  ApiQuery<'/v1/clusters/{hub}/{name}'>;
export type SliceListQuery = ApiQuery<'/v1/slices'>;
export type ClusterListQuery = ApiQuery<'/v1/clusters'>;
export type EventQuery = ApiQuery<'/v1/events'>;
export type TunnelListQuery = ApiQuery<'/v1/tunnels'>;
export type LatencyQuery = ApiQuery<'/v1/latency'>;
export type LatencyMatrixQuery = ApiQuery<'/v1/latency/matrix'>;
export type OperationRef = ApiPathParams<'/v1/operations/{id}'>;
export type AuditQuery = ApiQuery<'/v1/audit'>;

/** The shape of every list answer, for code that handles lists of any item type. */
export interface SliceListResponse<T> {
  items: T[];
  errors: SourceError[];
}

export interface RequestOptions {
  signal?: AbortSignal;
}

/** Client of the slice backend's API (`/api/slice/v1`). */
export interface SliceApi {
  getFleet(options?: RequestOptions): Promise<ApiResponse<'/v1/fleet'>>;
  listClusters(
    query?: ClusterListQuery,
    options?: RequestOptions,
  ): Promise<ApiResponse<'/v1/clusters'>>;
  getCluster(
    ref: ClusterRef,
    options?: RequestOptions,
  ): Promise<ApiResponse<'/v1/clusters/{hub}/{name}'>>;
  listSlices(
    query?: SliceListQuery,
    options?: RequestOptions,
  ): Promise<ApiResponse<'/v1/slices'>>;
  getSlice(
    ref: SliceRef,
    options?: RequestOptions,
  ): Promise<ApiResponse<'/v1/slices/{hub}/{project}/{name}'>>;
  getTopology(
    ref: SliceRef,
    options?: RequestOptions,
  ): Promise<ApiResponse<'/v1/slices/{hub}/{project}/{name}/topology'>>;
  /** Every tunnel of every slice the caller may see, in one answer (for the fleet map). */
  listTunnels(
    query?: TunnelListQuery,
    options?: RequestOptions,
  ): Promise<ApiResponse<'/v1/tunnels'>>;
  listEvents(
    query?: EventQuery,
    options?: RequestOptions,
  ): Promise<ApiResponse<'/v1/events'>>;
  getLatency(
    query: LatencyQuery,
    options?: RequestOptions,
  ): Promise<ApiResponse<'/v1/latency'>>;
  getLatencyMatrix(
    query: LatencyMatrixQuery,
    options?: RequestOptions,
  ): Promise<ApiResponse<'/v1/latency/matrix'>>;
  /** A write's progress: steps derived from the watch caches, until done, failed or timed out. */
  getOperation(
    ref: OperationRef,
    options?: RequestOptions,
  ): Promise<ApiResponse<'/v1/operations/{id}'>>;
  /** Who changed what, newest first (only the projects the caller may read). */
  listAudit(
    query?: AuditQuery,
    options?: RequestOptions,
  ): Promise<ApiResponse<'/v1/audit'>>;
}

export const sliceApiRef = createApiRef<SliceApi>({ id: 'plugin.slice.api' });
