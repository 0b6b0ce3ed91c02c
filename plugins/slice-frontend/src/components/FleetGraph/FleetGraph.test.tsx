import {
  renderInTestApp,
  registerMswTestHooks,
} from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type {
  ClusterSummary,
  FleetResponse,
  FleetTunnel,
  SliceSummary,
} from '@slice-portal/plugin-slice-common';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { slicePlugin } from '../../plugin';
import { rootRouteRef } from '../../routes';
import { FleetPage } from '../FleetPage/FleetPage';
import { clusterPairs, layoutFleetGraph } from './graphLayout';

const now = new Date().toISOString();
const ok = { state: 'ok' as const, reasons: [] };
const PROVIDERS = ['aws', 'gcp', 'azure', 'onprem'];

/**
 * `projects` × `perProject` clusters named `t<p>-c<i>`. Per project: slice `mesh-<p>`
 * over the first 10 clusters (45 pairs) and a chain of two-member slices
 * `chain-<p>-<i>` between c<i> and c<i+1> (perProject - 1 pairs, 9 of them already in
 * the mesh). In project 0 the chain's c0 ↔ c1 tunnel is DOWN.
 */
function bigFleet(projects: number, perProject: number) {
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
      Array.from({ length: 10 }, (_, i) => i),
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

describe('cluster pairs and the graph layout', () => {
  it('folds the tunnels of every slice into one edge per cluster pair, with the worst state', () => {
    const { tunnels } = bigFleet(1, 12);
    const pairs = clusterPairs(tunnels);
    // 45 mesh pairs + 11 chain pairs − 9 shared.
    expect(pairs).toHaveLength(47);
    const first = pairs.find(p => p.a === 't0-c0' && p.b === 't0-c1')!;
    expect(first.state).toBe('DOWN');
    expect(first.slices).toEqual(['chain-0-0', 'mesh-0']);
    const reversed = clusterPairs([
      { ...tunnels[0], a: 't0-c1', b: 't0-c0', state: 'DEGRADED' },
      tunnels[0],
    ]);
    expect(reversed).toHaveLength(1);
    expect(reversed[0].state).toBe('DEGRADED');
  });

  it('is deterministic, puts each project on its own ring and keeps every node in the picture', () => {
    const { fleet, tunnels } = bigFleet(4, 50);
    const a = layoutFleetGraph(fleet.clusters, clusterPairs(tunnels));
    const b = layoutFleetGraph(
      [...fleet.clusters].reverse(),
      clusterPairs([...tunnels].reverse()),
    );
    expect(a.groups.map(g => g.key)).toEqual([
      'demo/tenant-1',
      'demo/tenant-2',
      'demo/tenant-3',
      'demo/tenant-4',
    ]);
    expect(b.nodes.map(n => [n.key, n.x, n.y])).toEqual(
      a.nodes.map(n => [n.key, n.x, n.y]),
    );
    expect(b.edges.map(e => e.d)).toEqual(a.edges.map(e => e.d));
    for (const n of a.nodes) {
      expect(n.x).toBeGreaterThan(0);
      expect(n.x).toBeLessThan(a.width);
      expect(n.y).toBeGreaterThan(0);
      expect(n.y).toBeLessThan(a.height);
    }
    // Providers are contiguous on a ring.
    const ring = a.nodes.filter(n => n.cluster.project === 'tenant-1');
    const providers = ring.map(n => n.cluster.geo.cloudProvider);
    const runs = providers.filter((p, i) => i === 0 || p !== providers[i - 1]);
    expect(runs).toHaveLength(PROVIDERS.length);
  });
});

describe('FleetGraph on the fleet page', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  function serve(fleet: FleetResponse, tunnels: FleetTunnel[]) {
    server.use(
      http.get('*/api/slice/v1/fleet', () => HttpResponse.json(fleet)),
      http.get('*/api/slice/v1/tunnels', () =>
        HttpResponse.json({ items: tunnels, errors: [] }),
      ),
    );
  }

  async function openGraph() {
    await renderInTestApp(<FleetPage />, {
      features: [slicePlugin],
      mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
    });
    fireEvent.click(await screen.findByTestId('view-graph'));
    return screen.findByTestId('fleet-graph');
  }

  it('draws 200 clusters and one edge per cluster pair that shares a slice', async () => {
    const { fleet, tunnels } = bigFleet(4, 50);
    serve(fleet, tunnels);
    const graph = await openGraph();
    const edges = () => graph.querySelectorAll('[data-testid^="graph-edge-"]');
    // (45 + 49 − 9) pairs in each of 4 projects.
    await waitFor(() => expect(edges()).toHaveLength(340));
    expect(graph.querySelectorAll('[data-testid^="graph-node-"]')).toHaveLength(
      200,
    );
    expect(graph).toHaveAttribute(
      'aria-label',
      'Graph of 200 clusters and 340 cluster pairs',
    );
    expect(screen.getByTestId('fleet-graph-summary')).toHaveTextContent(
      '200 clusters, 340 cluster pairs sharing a slice',
    );
    const down = within(graph).getByTestId('graph-edge-t0-c0|t0-c1');
    expect(down).toHaveAttribute('data-state', 'DOWN');
    expect(down).toHaveAttribute('data-slices', '2');
    expect(down).toHaveAttribute('stroke', '#c62828');
    expect(within(graph).getByTestId('graph-edge-t1-c0|t1-c1')).toHaveAttribute(
      'data-state',
      'UP',
    );
    // The map is not drawn while the graph is shown.
    expect(screen.queryByTestId('fleet-map')).not.toBeInTheDocument();
  });

  it("highlights a hovered cluster's pairs and filters the slices by a clicked one", async () => {
    const { fleet, tunnels } = bigFleet(2, 20);
    serve(fleet, tunnels);
    const graph = await openGraph();
    const node = await within(graph).findByTestId('graph-node-t0-c0');
    expect(screen.queryByTestId('graph-focus')).not.toBeInTheDocument();

    fireEvent.mouseOver(node.querySelector('circle')!);
    const focus = await screen.findByTestId('graph-focus');
    // c0 is in the mesh with c1 … c9.
    expect(
      focus.querySelectorAll('[data-testid^="graph-focus-"]'),
    ).toHaveLength(9);
    expect(graph).toHaveAttribute('data-focus', 't0-c0');
    expect(screen.getByTestId('graph-focus-list')).toHaveTextContent(
      't0-c0 shares slices with 9 clusters: t0-c1 (chain-0-0, mesh-0, DOWN)',
    );
    expect(graph.querySelector('style')!.textContent).toContain(
      '.fg-e{stroke-opacity:.05}',
    );

    fireEvent.mouseOut(node.querySelector('circle')!);
    await waitFor(() =>
      expect(screen.queryByTestId('graph-focus')).not.toBeInTheDocument(),
    );

    fireEvent.click(within(graph).getByTestId('graph-node-t0-c5'));
    expect(await screen.findByTestId('cluster-filter')).toHaveTextContent(
      'Slices on t0-c5',
    );
    // mesh-0, chain-0-4, chain-0-5.
    expect(screen.getByText('Slices (3)')).toBeInTheDocument();
    // The selection stays highlighted after the pointer leaves.
    expect(graph).toHaveAttribute('data-focus', 't0-c5');

    fireEvent.click(screen.getByTestId('view-map'));
    expect(await screen.findByTestId('fleet-map')).toBeInTheDocument();
    expect(screen.queryByTestId('fleet-graph')).not.toBeInTheDocument();
  });
});
