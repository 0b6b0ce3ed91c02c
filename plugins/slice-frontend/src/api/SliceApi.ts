import { createApiRef } from '@backstage/core-plugin-api';
import type { FleetResponse } from '@slice-portal/plugin-slice-common';

/** Client of the slice backend's read API (`/api/slice/v1`). */
export interface SliceApi {
  getFleet(options?: { signal?: AbortSignal }): Promise<FleetResponse>;
}

export const sliceApiRef = createApiRef<SliceApi>({ id: 'plugin.slice.api' });
