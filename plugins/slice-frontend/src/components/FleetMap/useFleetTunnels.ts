import { useApi } from '@backstage/core-plugin-api';
import type {
  FleetTunnel,
  SourceError,
} from '@slice-portal/plugin-slice-common';
import { sliceApiRef } from '../../api/SliceApi';
import { usePolled, type PolledState } from '../../hooks/usePolled';

export interface FleetTunnels {
  tunnels: FleetTunnel[];
  /** Sources the backend could not read (their slices' tunnels may be missing). */
  errors: SourceError[];
}

/**
 * The tunnels of every slice the caller can see, for the map: one request
 * (`GET /v1/tunnels`), whatever the number of slices.
 */
export function useFleetTunnels(
  enabled: boolean,
  refreshMs?: number,
): PolledState<FleetTunnels> {
  const api = useApi(sliceApiRef);
  return usePolled(
    enabled ? 'tunnels' : undefined,
    async signal => {
      const { items, errors } = await api.listTunnels({}, { signal });
      return { tunnels: items, errors };
    },
    refreshMs,
  );
}
