import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  ApiMethod,
  ApiPath,
  ApiPathParams,
  ApiQuery,
  ApiRequestBody,
  ApiResponse,
} from '@slice-portal/plugin-slice-common';
import {
  apiQueryString as queryString,
  fillApiPath as fillPath,
} from '@slice-portal/plugin-slice-common';
import { SliceWriteError } from './SliceWriteError';
import type {
  ClusterListQuery,
  ClusterRef,
  ClusterRegisterRequest,
  NamespaceOnboardRequest,
  NamespaceRef,
  ProjectClusterRef,
  ProjectRef,
  QosProfileRef,
  QosProfileRequest,
  RegistrationValuesRequest,
  ServiceExportRequest,
  SliceCreateRequest,
  SliceUpdateRequest,
  WriteOptions,
  WriteResult,
  EventQuery,
  LatencyMatrixQuery,
  OperationRef,
  AuditQuery,
  LatencyQuery,
  RequestOptions,
  SliceApi,
  SliceListQuery,
  SliceRef,
  TunnelListQuery,
} from './SliceApi';

/** Calls the slice backend through discovery and the app's fetchApi (which adds the user's token). */
export class SliceClient implements SliceApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  getFleet(options?: RequestOptions) {
    return this.call('get', '/v1/fleet', {}, {}, options);
  }

  listClusters(query?: ClusterListQuery, options?: RequestOptions) {
    return this.call('get', '/v1/clusters', {}, query, options);
  }

  getCluster({ hub, name, project }: ClusterRef, options?: RequestOptions) {
    return this.call(
      'get',
      '/v1/clusters/{hub}/{name}',
      { hub, name },
      { project },
      options,
    );
  }

  listSlices(query?: SliceListQuery, options?: RequestOptions) {
    return this.call('get', '/v1/slices', {}, query, options);
  }

  getSlice(ref: SliceRef, options?: RequestOptions) {
    return this.call(
      'get',
      '/v1/slices/{hub}/{project}/{name}',
      ref,
      {},
      options,
    );
  }

  getTopology(ref: SliceRef, options?: RequestOptions) {
    return this.call(
      'get',
      '/v1/slices/{hub}/{project}/{name}/topology',
      ref,
      {},
      options,
    );
  }

  listTunnels(query?: TunnelListQuery, options?: RequestOptions) {
    return this.call('get', '/v1/tunnels', {}, query, options);
  }

  listEvents(query?: EventQuery, options?: RequestOptions) {
    return this.call('get', '/v1/events', {}, query, options);
  }

  getLatency(query: LatencyQuery, options?: RequestOptions) {
    // `byPod=false` is the default; leaving it out keeps URLs (and caches) the same.
    const { byPod, ...rest } = query;
    return this.call(
      'get',
      '/v1/latency',
      {},
      { ...rest, byPod: byPod || undefined },
      options,
    );
  }

  getLatencyMatrix(query: LatencyMatrixQuery, options?: RequestOptions) {
    return this.call('get', '/v1/latency/matrix', {}, query, options);
  }

  getOperation(ref: OperationRef, options?: RequestOptions) {
    return this.call('get', '/v1/operations/{id}', ref, {}, options);
  }

  listAudit(query?: AuditQuery, options?: RequestOptions) {
    return this.call('get', '/v1/audit', {}, query, options);
  }

  createSlice(
    { hub, project }: ProjectRef,
    body: SliceCreateRequest,
    options?: WriteOptions,
  ) {
    return this.write(
      'post',
      '/v1/slices/{hub}/{project}',
      { hub, project },
      body,
      options,
    );
  }

  updateSlice(ref: SliceRef, body: SliceUpdateRequest, options?: WriteOptions) {
    const { hub, project, name } = ref;
    return this.write(
      'patch',
      '/v1/slices/{hub}/{project}/{name}',
      { hub, project, name },
      body,
      options,
    );
  }

  deleteSlice({ hub, project, name }: SliceRef, options?: WriteOptions) {
    return this.write(
      'delete',
      '/v1/slices/{hub}/{project}/{name}',
      { hub, project, name },
      undefined,
      options,
    );
  }

  onboardNamespace(
    { hub, project, name }: SliceRef,
    body: NamespaceOnboardRequest,
    options?: WriteOptions,
  ) {
    return this.write(
      'post',
      '/v1/slices/{hub}/{project}/{name}/namespaces',
      { hub, project, name },
      body,
      options,
    );
  }

  offboardNamespace(
    { hub, project, name, namespace }: NamespaceRef,
    clusters?: string[],
    options?: WriteOptions,
  ) {
    return this.write(
      'delete',
      '/v1/slices/{hub}/{project}/{name}/namespaces/{namespace}',
      { hub, project, name, namespace },
      undefined,
      options,
      { clusters: clusters?.length ? clusters.join(',') : undefined },
    );
  }

  exportService(
    { hub, project, name }: SliceRef,
    body: ServiceExportRequest,
    options?: WriteOptions,
  ) {
    return this.write(
      'post',
      '/v1/slices/{hub}/{project}/{name}/exports',
      { hub, project, name },
      body,
      options,
    );
  }

  registerCluster(
    { hub, project }: ProjectRef,
    body: ClusterRegisterRequest,
    options?: WriteOptions,
  ) {
    return this.write(
      'post',
      '/v1/projects/{hub}/{project}/clusters',
      { hub, project },
      body,
      options,
    );
  }

  deregisterCluster(
    { hub, project, name }: ProjectClusterRef,
    options?: WriteOptions,
  ) {
    return this.write(
      'delete',
      '/v1/projects/{hub}/{project}/clusters/{name}',
      { hub, project, name },
      undefined,
      options,
    );
  }

  async getRegistrationValues(
    { hub, project, name }: ProjectClusterRef,
    body: RegistrationValuesRequest = {},
    options?: RequestOptions,
  ) {
    const response = await this.sendWrite(
      'post',
      fillPath(
        '/v1/projects/{hub}/{project}/clusters/{name}/registration-values',
        { hub, project, name },
      ),
      body,
      options,
    );
    return (await response.json()) as ApiResponse<
      '/v1/projects/{hub}/{project}/clusters/{name}/registration-values',
      'post'
    >;
  }

  upsertQosProfile(
    { hub, project, name }: QosProfileRef,
    body: QosProfileRequest,
    options?: WriteOptions,
  ) {
    return this.write(
      'put',
      '/v1/projects/{hub}/{project}/qos-profiles/{name}',
      { hub, project, name },
      body,
      options,
    );
  }

  /**
   * A write route of the document (path and parameters checked against it): `dryRun=true` when asked, the body as JSON; a refusal
   * (or no answer) rejects with a `SliceWriteError` the UI can switch on.
   */
  private async write<P extends ApiPath, M extends ApiMethod<P>>(
    method: M,
    path: P,
    params: ApiPathParams<P, M>,
    // Typed by each public method (as the document's request body); not inferred again
    // here, which is too deep for the compiler for the SliceConfig spec.
    body: unknown,
    options?: WriteOptions,
    query: Record<string, string | undefined> = {},
  ): Promise<WriteResult> {
    const response = await this.sendWrite(
      method,
      `${fillPath(path, params)}${queryString({
        ...query,
        dryRun: options?.dryRun ? 'true' : undefined,
      })}`,
      body,
      options,
    );
    return (await response.json()) as WriteResult;
  }

  private async sendWrite(
    method: string,
    pathAndQuery: string,
    body: unknown,
    options?: RequestOptions,
  ): Promise<Response> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('slice');
    let response: Response;
    try {
      response = await this.deps.fetchApi.fetch(`${baseUrl}${pathAndQuery}`, {
        method: method.toUpperCase(),
        signal: options?.signal,
        ...(body !== undefined && {
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }),
      });
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') throw error;
      throw SliceWriteError.network(error);
    }
    if (!response.ok) throw await SliceWriteError.fromResponse(response);
    return response;
  }

  /**
   * One operation of the document: the path, its parameters, body and answer are typed
   * by the document, so a route it does not have, or a parameter it does not take, does
   * not compile.
   */
  private async call<P extends ApiPath, M extends ApiMethod<P>>(
    method: M,
    path: P,
    params: ApiPathParams<P, M>,
    query: ApiQuery<P, M> | undefined,
    options?: RequestOptions & { body?: ApiRequestBody<P, M> },
  ): Promise<ApiResponse<P, M>> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('slice');
    const url = `${baseUrl}${fillPath(path, params)}${queryString(query)}`;
    const hasBody = options?.body !== undefined;
    const response = await this.deps.fetchApi.fetch(url, {
      method: method.toUpperCase(),
      signal: options?.signal,
      ...(hasBody && {
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(options.body),
      }),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as ApiResponse<P, M>;
  }
}
