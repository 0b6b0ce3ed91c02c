import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { FleetResponse } from '@slice-portal/plugin-slice-common';
import type { SliceApi } from './SliceApi';

/** Calls the slice backend through discovery and the app's fetchApi (which adds the user's token). */
export class SliceClient implements SliceApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  async getFleet(options?: { signal?: AbortSignal }): Promise<FleetResponse> {
    return this.get<FleetResponse>('/v1/fleet', options?.signal);
  }

  private async get<T>(path: string, signal?: AbortSignal): Promise<T> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('slice');
    const response = await this.deps.fetchApi.fetch(`${baseUrl}${path}`, {
      signal,
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
