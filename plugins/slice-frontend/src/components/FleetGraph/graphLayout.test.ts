import { syntheticFleet, PROVIDERS } from '../../__testUtils__/syntheticFleet';
import { clusterPairs, layoutFleetGraph } from './graphLayout';

describe('cluster pairs', () => {
  it('folds the tunnels of every slice into one edge per cluster pair, with the worst state', () => {
    const { tunnels } = syntheticFleet(1, 12);
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
});

describe('the graph layout at 200 clusters', () => {
  const { fleet, tunnels } = syntheticFleet(4, 50);
  const layout = layoutFleetGraph(fleet.clusters, clusterPairs(tunnels));

  it('has a node per cluster and an edge per cluster pair, the worst drawn last', () => {
    expect(layout.nodes).toHaveLength(200);
    // (45 + 49 − 9) pairs in each of 4 projects.
    expect(layout.edges).toHaveLength(340);
    const last = layout.edges[layout.edges.length - 1];
    expect([last.pair.a, last.pair.b, last.pair.state]).toEqual([
      't0-c0',
      't0-c1',
      'DOWN',
    ]);
    expect(layout.edges.filter(e => e.pair.state !== 'UP')).toEqual([last]);
    // Every edge runs between its clusters' nodes.
    for (const e of layout.edges) {
      const from = layout.nodes[e.from];
      const to = layout.nodes[e.to];
      expect([from.cluster.name, to.cluster.name].sort()).toEqual([
        e.pair.a,
        e.pair.b,
      ]);
      const [fx, fy, , , tx, ty] = e.d.match(/-?[\d.]+/g)!.map(Number);
      expect([fx, fy, tx, ty]).toEqual(
        [from.x, from.y, to.x, to.y].map(n => Math.round(n * 10) / 10),
      );
    }
  });

  it('is deterministic, puts each project on its own ring and keeps every node in the picture', () => {
    const b = layoutFleetGraph(
      [...fleet.clusters].reverse(),
      clusterPairs([...tunnels].reverse()),
    );
    expect(layout.groups.map(g => g.key)).toEqual([
      'demo/tenant-1',
      'demo/tenant-2',
      'demo/tenant-3',
      'demo/tenant-4',
    ]);
    expect(b.nodes.map(n => [n.key, n.x, n.y])).toEqual(
      layout.nodes.map(n => [n.key, n.x, n.y]),
    );
    expect(b.edges.map(e => e.d)).toEqual(layout.edges.map(e => e.d));
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThan(0);
      expect(n.x).toBeLessThan(layout.width);
      expect(n.y).toBeGreaterThan(0);
      expect(n.y).toBeLessThan(layout.height);
    }
    // Each project's clusters on its own ring, providers contiguous on it.
    for (const g of layout.groups) {
      const ring = layout.nodes.filter(
        n => `${n.cluster.hub}/${n.cluster.project}` === g.key,
      );
      expect(ring).toHaveLength(50);
      for (const n of ring) {
        expect(Math.hypot(n.x - g.cx, n.y - g.cy)).toBeCloseTo(g.r, 6);
      }
      const providers = ring.map(n => n.cluster.geo.cloudProvider);
      const runs = providers.filter(
        (p, i) => i === 0 || p !== providers[i - 1],
      );
      expect(runs).toHaveLength(PROVIDERS.length);
    }
  });
});
