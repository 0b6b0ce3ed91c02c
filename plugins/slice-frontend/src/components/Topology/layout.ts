import type {
  SliceTopology,
  TopologyEdge,
  TopologyNode,
} from '@slice-portal/plugin-slice-common';
import type { SliceColors } from '../../theme/sliceColors';

export interface Point {
  x: number;
  y: number;
}

export interface PlacedNode extends Point {
  node: TopologyNode;
  /** Radius of the drawn circle. */
  r: number;
}

export interface TopologyLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  /** Tunnels between clusters, and membership links to the expanded children. */
  edges: { edge: TopologyEdge; from: Point; to: Point }[];
  byId: Map<string, PlacedNode>;
}

const MARGIN = 170;

/**
 * A deterministic layout: clusters on a circle in the order the slice lists its members
 * (so a visit tomorrow draws the same picture), namespaces and services of the expanded
 * clusters fanned outwards from their cluster. Pure: the same input gives the same output.
 */
export function layoutTopology(
  topology: SliceTopology,
  expanded: ReadonlySet<string>,
): TopologyLayout {
  const clusters = topology.nodes.filter(n => n.kind === 'cluster');
  const n = clusters.length;
  const radius = n <= 1 ? 0 : Math.max(140, ((n * 46) / (2 * Math.PI)) * 1.6);
  const cx = radius + MARGIN;
  const cy = radius + MARGIN;
  const byId = new Map<string, PlacedNode>();
  const placed: PlacedNode[] = [];

  clusters.forEach((node, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1);
    const p: PlacedNode = {
      node,
      x: cx + radius * Math.cos(angle),
      y: cy + radius * Math.sin(angle),
      r: n > 16 ? 10 : 16,
    };
    placed.push(p);
    byId.set(node.id, p);
  });

  const edges: TopologyLayout['edges'] = [];
  for (const cluster of clusters) {
    if (!expanded.has(cluster.id)) continue;
    const c = byId.get(cluster.id)!;
    // Outward direction from the centre (straight up for a lone cluster).
    const base = n <= 1 ? -Math.PI / 2 : Math.atan2(c.y - cy, c.x - cx);
    const namespaces = topology.nodes.filter(
      x => x.kind === 'namespace' && x.parent === cluster.id,
    );
    const spread = Math.min(Math.PI / 1.5, 0.45 * namespaces.length);
    namespaces.forEach((ns, j) => {
      const a =
        namespaces.length === 1
          ? base
          : base - spread / 2 + (spread * j) / (namespaces.length - 1);
      const p: PlacedNode = {
        node: ns,
        x: c.x + 80 * Math.cos(a),
        y: c.y + 80 * Math.sin(a),
        r: 7,
      };
      placed.push(p);
      byId.set(ns.id, p);
      const services = topology.nodes.filter(
        x => x.kind === 'service' && x.parent === ns.id,
      );
      services.forEach((svc, k) => {
        const b = a + (k - (services.length - 1) / 2) * 0.22;
        const q: PlacedNode = {
          node: svc,
          x: c.x + 140 * Math.cos(b),
          y: c.y + 140 * Math.sin(b),
          r: 5,
        };
        placed.push(q);
        byId.set(svc.id, q);
      });
    });
  }

  for (const edge of topology.edges) {
    const from = byId.get(edge.source);
    const to = byId.get(edge.target);
    if (from && to) edges.push({ edge, from, to });
  }
  // Membership edges are implied by `parent`; draw them for what is expanded.
  for (const p of placed) {
    if (!p.node.parent) continue;
    const parent = byId.get(p.node.parent);
    if (!parent) continue;
    const id = `member:${p.node.id}`;
    if (topology.edges.some(e => e.id === id)) continue;
    edges.push({
      edge: {
        id,
        source: parent.node.id,
        target: p.node.id,
        kind: 'membership',
      },
      from: parent,
      to: p,
    });
  }

  const size = 2 * (radius + MARGIN);
  return { width: size, height: size, nodes: placed, edges, byId };
}

/** The theme's state colours (see `sliceColors`). */
export type StateColors = Pick<
  SliceColors,
  'ok' | 'warning' | 'error' | 'unknown'
>;

/** Colour of a tunnel by its state: UP ok, DEGRADED warning, DOWN error, else unknown. */
export function tunnelColor(
  state: string | undefined,
  colors: StateColors,
): string {
  switch (state) {
    case 'UP':
      return colors.ok;
    case 'DEGRADED':
      return colors.warning;
    case 'DOWN':
      return colors.error;
    default:
      return colors.unknown;
  }
}

/** Colour of a node by its health state. */
export function healthColor(state: string, colors: StateColors): string {
  switch (state) {
    case 'ok':
      return colors.ok;
    case 'warning':
      return colors.warning;
    case 'error':
      return colors.error;
    default:
      return colors.unknown;
  }
}
