import { createApiRef } from '@backstage/core-plugin-api';
import type {
  ApiPathParams,
  ApiQuery,
  ApiRequestBody,
  ApiResponse,
  ApiSchema,
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

/** Where a slice is created, a cluster registered: a project on a hub. */
export type ProjectRef = ApiPathParams<'/v1/slices/{hub}/{project}', 'post'>;
export type NamespaceRef = ApiPathParams<
  '/v1/slices/{hub}/{project}/{name}/namespaces/{namespace}',
  'delete'
>;
export type ProjectClusterRef = ApiPathParams<
  '/v1/projects/{hub}/{project}/clusters/{name}',
  'delete'
>;
export type QosProfileRef = ApiPathParams<
  '/v1/projects/{hub}/{project}/qos-profiles/{name}',
  'put'
>;
export type SliceCreateRequest = ApiRequestBody<
  '/v1/slices/{hub}/{project}',
  'post'
>;
export type SliceUpdateRequest = ApiRequestBody<
  '/v1/slices/{hub}/{project}/{name}',
  'patch'
>;
export type NamespaceOnboardRequest = ApiRequestBody<
  '/v1/slices/{hub}/{project}/{name}/namespaces',
  'post'
>;
export type ServiceExportRequest = ApiRequestBody<
  '/v1/slices/{hub}/{project}/{name}/exports',
  'post'
>;
export type ClusterRegisterRequest = ApiRequestBody<
  '/v1/projects/{hub}/{project}/clusters',
  'post'
>;
export type RegistrationValuesRequest = ApiSchema<'RegistrationValuesRequest'>;
export type QosProfileRequest = ApiRequestBody<
  '/v1/projects/{hub}/{project}/qos-profiles/{name}',
  'put'
>;
/** What every write answers (dry run or not): the object, its YAML, diff, preflight warnings, operation. */
export type WriteResult = ApiSchema<'WriteResult'>;
export type RegistrationValues = ApiSchema<'RegistrationValues'>;
export type Operation = ApiSchema<'Operation'>;

/** The shape of every list answer, for code that handles lists of any item type. */
export interface SliceListResponse<T> {
  items: T[];
  errors: SourceError[];
}

export interface RequestOptions {
  signal?: AbortSignal;
}

/** Options of a write: `dryRun` asks what would be written (preflight and the API server's dry run). */
export interface WriteOptions extends RequestOptions {
  dryRun?: boolean;
}

/**
 * Client of the slice backend's API (`/api/slice/v1`). Reads reject with a `ResponseError`;
 * writes with a `SliceWriteError` (`kind`: invalid with field paths, forbidden, conflict…).
 */
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

  createSlice(
    ref: ProjectRef,
    body: SliceCreateRequest,
    options?: WriteOptions,
  ): Promise<WriteResult>;
  /** Members, QoS, isolation, allowed namespaces: applied to the slice as stored at write time. */
  updateSlice(
    ref: SliceRef,
    body: SliceUpdateRequest,
    options?: WriteOptions,
  ): Promise<WriteResult>;
  /** Guided delete: offboard, wait, delete (the operation follows it). */
  deleteSlice(ref: SliceRef, options?: WriteOptions): Promise<WriteResult>;
  onboardNamespace(
    ref: SliceRef,
    body: NamespaceOnboardRequest,
    options?: WriteOptions,
  ): Promise<WriteResult>;
  /** From `clusters`, or from every member when absent. */
  offboardNamespace(
    ref: NamespaceRef,
    clusters?: string[],
    options?: WriteOptions,
  ): Promise<WriteResult>;
  exportService(
    ref: SliceRef,
    body: ServiceExportRequest,
    options?: WriteOptions,
  ): Promise<WriteResult>;
  registerCluster(
    ref: ProjectRef,
    body: ClusterRegisterRequest,
    options?: WriteOptions,
  ): Promise<WriteResult>;
  deregisterCluster(
    ref: ProjectClusterRef,
    options?: WriteOptions,
  ): Promise<WriteResult>;
  /** The worker chart's Helm values (secret: shown to this user, never stored). */
  getRegistrationValues(
    ref: ProjectClusterRef,
    body?: RegistrationValuesRequest,
    options?: RequestOptions,
  ): Promise<RegistrationValues>;
  upsertQosProfile(
    ref: QosProfileRef,
    body: QosProfileRequest,
    options?: WriteOptions,
  ): Promise<WriteResult>;
}

export const sliceApiRef = createApiRef<SliceApi>({ id: 'plugin.slice.api' });
