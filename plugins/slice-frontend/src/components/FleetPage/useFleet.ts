import { useApi } from '@backstage/core-plugin-api';
import type { FleetResponse } from '@slice-portal/plugin-slice-common';
import { sliceApiRef } from '../../api/SliceApi';
import { DEFAULT_REFRESH_MS, usePolled } from '../../hooks/usePolled';

export interface FleetState {
  fleet?: FleetResponse;
  /** The last refresh's error; `fleet` still holds the data loaded before it. */
  error?: Error;
  loading: boolean;
  /** When `fleet` was loaded (ms since epoch). */
  loadedAt?: number;
  refresh: () => void;
}

/** Default refresh period: the backend answers from its watch caches, so polling is cheap. */
export const FLEET_REFRESH_MS = DEFAULT_REFRESH_MS;

/**
 * Loads the fleet and refreshes it periodically. Keeps the previous answer while a
 * refresh is running or after it failed, so the page never flickers back to a spinner.
 */
export function useFleet(refreshMs: number = FLEET_REFRESH_MS): FleetState {
  const api = useApi(sliceApiRef);
  const { value, error, loading, loadedAt, refresh } = usePolled(
    'fleet',
    signal => api.getFleet({ signal }),
    refreshMs,
  );
  return { fleet: value, error, loading, loadedAt, refresh };
}
