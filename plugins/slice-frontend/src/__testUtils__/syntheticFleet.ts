import type {
  ClusterSummary,
  FleetResponse,
  FleetTunnel,
  SliceSummary,
} from '@slice-portal/plugin-slice-common';

const now = new Date().toISOString();
const ok = { state: 'ok' as const, reasons: [] };
export const PROVIDERS = ['aws', 'gcp', 'azure', 'onprem'];

/**
 * `projects` × `perProject` clusters named `t<p>-c<i>`. Per project: slice `mesh-<p>`
 * over the first `meshSize` clusters (meshSize·(meshSize−1)/2 pairs; 45 for the default
 * 10) and a chain of two-member slices `chain-<p>-<i>` between c<i> and c<i+1>
 * (perProject − 1 pairs, meshSize − 1 of them already in the mesh). In project 0 the
 * chain's c0 ↔ c1 tunnel is DOWN.
 */
export function syntheticFleet(
  projects: number,
  perProject: number,
  meshSize = 10,
) {
  if (meshSize > perProject)
    throw new Error('the mesh needs meshSize clusters');
  const clusters: ClusterSummary[] = [];
  const slices: SliceSummary[] = [];
  const tunnels: FleetTunnel[] = [];
  const name = (p: number, i: number) => `t${p}-c${i}`;
  for (let p = 0; p < projects; p++) {
    const project = `tenant-${p + 1}`;
    const memberOf = new Map<number, string[]>();
    const slice = (sliceName: string, members: number[], down = false) => {
      slices.push({
        hub: 'demo',
        project,
        name: sliceName,
        mode: 'single-network',
        isolationEnabled: false,
        namespaces: [],
        members: members.map(i => ({
          cluster: name(p, i),
          onboardedNamespaces: [],
          health: ok,
        })),
        health: ok,
      });
      for (const i of members) {
        memberOf.set(i, [...(memberOf.get(i) ?? []), sliceName]);
      }
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          tunnels.push({
            hub: 'demo',
            project,
            slice: sliceName,
            a: name(p, members[x]),
            b: name(p, members[y]),
            state: down ? 'DOWN' : 'UP',
            latencyMs: 10,
          });
        }
      }
    };
    slice(
      `mesh-${p}`,
      Array.from({ length: meshSize }, (_, i) => i),
    );
    for (let i = 0; i + 1 < perProject; i++) {
      slice(`chain-${p}-${i}`, [i, i + 1], p === 0 && i === 0);
    }
    for (let i = 0; i < perProject; i++) {
      clusters.push({
        hub: 'demo',
        project,
        name: name(p, i),
        geo: {
          cloudProvider: PROVIDERS[i % PROVIDERS.length],
          cloudRegion: `r${i % 7}`,
          latitude: (i % 120) - 60,
          longitude: ((i * 7) % 340) - 170,
        },
        registrationStatus: 'Registered',
        networkPresent: true,
        nodeIPs: [],
        cniSubnets: [],
        slices: memberOf.get(i) ?? [],
        health: ok,
      });
    }
  }
  const fleet: FleetResponse = {
    generatedAt: now,
    hubs: [
      {
        name: 'demo',
        title: 'Demo fleet',
        sync: { state: 'ok', lastSyncAt: now },
        projects: Array.from({ length: projects }, (_, p) => `tenant-${p + 1}`),
        clusterCount: clusters.length,
        sliceCount: slices.length,
      },
    ],
    clusters,
    slices,
    counts: {
      clusters: { ok: clusters.length, warning: 0, error: 0, unknown: 0 },
      slices: { ok: slices.length, warning: 0, error: 0, unknown: 0 },
    },
    errors: [],
  };
  return { fleet, tunnels };
}
