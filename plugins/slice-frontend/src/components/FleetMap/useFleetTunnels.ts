import { useApi } from '@backstage/core-plugin-api';
import type { SliceSummary } from '@slice-portal/plugin-slice-common';
import { sliceApiRef } from '../../api/SliceApi';
import { usePolled, type PolledState } from '../../hooks/usePolled';
import type { MapTunnel } from './FleetMap';

/** At most this many slices are read for the map; the rest are named as left out. */
export const MAP_SLICE_LIMIT = 60;

export interface FleetTunnels {
  tunnels: MapTunnel[];
  /** Slices whose detail could not be read (their tunnels are missing from the map). */
  failed: string[];
  /** Slices not read because of {@link MAP_SLICE_LIMIT}. */
  leftOut: number;
}

/** The tunnels of the slices the caller can see, for the map (one slice read per slice). */
export function useFleetTunnels(
  slices: SliceSummary[] | undefined,
  refreshMs = 30000,
): PolledState<FleetTunnels> {
  const api = useApi(sliceApiRef);
  const chosen = (slices ?? []).slice(0, MAP_SLICE_LIMIT);
  const key = slices
    ? chosen.map(s => `${s.hub}/${s.project}/${s.name}`).join(',')
    : undefined;
  return usePolled(
    key,
    async signal => {
      const results = await Promise.allSettled(
        chosen.map(s =>
          api.getSlice(
            { hub: s.hub, project: s.project, name: s.name },
            { signal },
          ),
        ),
      );
      const tunnels: MapTunnel[] = [];
      const failed: string[] = [];
      results.forEach((r, i) => {
        const s = chosen[i];
        if (r.status === 'rejected') {
          failed.push(s.name);
          return;
        }
        for (const t of r.value.tunnels) {
          tunnels.push({
            hub: s.hub,
            project: s.project,
            slice: s.name,
            a: t.a,
            b: t.b,
            state: t.state,
            latencyMs: t.latencyMs,
          });
        }
      });
      return {
        tunnels,
        failed,
        leftOut: (slices?.length ?? 0) - chosen.length,
      };
    },
    refreshMs,
  );
}
