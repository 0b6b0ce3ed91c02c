import type { SliceTopology } from '@slice-portal/plugin-slice-common';
import { topology } from '../../__testUtils__/fixtures';
import { layoutTopology } from './layout';

function bigTopology(n: number): SliceTopology {
  const names = Array.from(
    { length: n },
    (_, i) => `c${String(i).padStart(2, '0')}`,
  );
  return {
    nodes: names.map(name => ({
      id: `cluster:${name}`,
      kind: 'cluster',
      label: name,
      health: { state: 'ok', reasons: [] },
    })),
    edges: names.flatMap((a, i) =>
      names.slice(i + 1).map(b => ({
        id: `tunnel:${a}|${b}`,
        source: `cluster:${a}`,
        target: `cluster:${b}`,
        kind: 'tunnel' as const,
        state: 'UP' as const,
      })),
    ),
  };
}

describe('layoutTopology', () => {
  it('places clusters on a circle in member order, the same way every time', () => {
    const a = layoutTopology(topology, new Set());
    const b = layoutTopology(
      { ...topology, edges: [...topology.edges].reverse() },
      new Set(),
    );
    expect(a.nodes.map(n => [n.node.id, n.x, n.y])).toEqual(
      b.nodes.map(n => [n.node.id, n.x, n.y]),
    );
    // The first member is at the top.
    const first = a.byId.get('cluster:aws-east')!;
    expect(first.y).toBeLessThan(a.byId.get('cluster:gcp-west')!.y);
    expect(a.nodes.filter(n => n.node.kind !== 'cluster')).toHaveLength(0);
  });

  it('adds namespaces and services of expanded clusters with membership links', () => {
    const l = layoutTopology(topology, new Set(['cluster:aws-east']));
    expect(l.byId.has('service:aws-east/mongodb/mongo')).toBe(true);
    expect(l.edges.filter(e => e.edge.kind === 'membership')).toHaveLength(2);
  });

  it('keeps all 496 tunnels of a 32-cluster slice inside the canvas', () => {
    const l = layoutTopology(bigTopology(32), new Set());
    expect(l.edges).toHaveLength(496);
    for (const n of l.nodes) {
      expect(n.x).toBeGreaterThan(0);
      expect(n.x).toBeLessThan(l.width);
      expect(n.y).toBeGreaterThan(0);
      expect(n.y).toBeLessThan(l.height);
    }
  });
});
