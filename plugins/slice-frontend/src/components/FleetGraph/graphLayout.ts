import type {
  ClusterSummary,
  FleetTunnel,
  TunnelPairState,
} from '@slice-portal/plugin-slice-common';

/** One cluster pair that shares at least one slice: every slice's tunnel between the two folded into one edge. */
export interface ClusterPair {
  /** `hub/project/a|b`, with `a` < `b`. */
  key: string;
  hub: string;
  project: string;
  a: string;
  b: string;
  /** The worst state of the pair's tunnels (DOWN > DEGRADED > UNKNOWN > UP). */
  state: TunnelPairState;
  /** The slices the two clusters share, sorted. */
  slices: string[];
  /** The highest latency of the pair's tunnels, if any was measured. */
  maxLatencyMs?: number;
}

export interface GraphNode {
  /** `hub/project/name`. */
  key: string;
  cluster: ClusterSummary;
  x: number;
  y: number;
  /** Direction from the ring's centre, radians (labels point outwards). */
  angle: number;
  /** Index into `FleetGraphLayout.nodes` (used for CSS highlighting). */
  index: number;
}

export interface GraphGroup {
  /** `hub/project`. */
  key: string;
  label: string;
  cx: number;
  cy: number;
  r: number;
}

export interface GraphEdge {
  pair: ClusterPair;
  from: number;
  to: number;
  /** SVG path: a quadratic curve pulled towards the ring's centre. */
  d: string;
  /** Midpoint of the curve (for a label). */
  mx: number;
  my: number;
}

export interface FleetGraphLayout {
  width: number;
  height: number;
  groups: GraphGroup[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  byKey: Map<string, GraphNode>;
}

function byText(x: string, y: string): number {
  if (x === y) return 0;
  return x < y ? -1 : 1;
}

export const STATE_RANK: Record<TunnelPairState, number> = {
  UP: 0,
  UNKNOWN: 1,
  DEGRADED: 2,
  DOWN: 3,
};

export function clusterKey(c: {
  hub: string;
  project: string;
  name: string;
}): string {
  return `${c.hub}/${c.project}/${c.name}`;
}

/** Folds every slice's tunnels into one edge per cluster pair. */
export function clusterPairs(tunnels: readonly FleetTunnel[]): ClusterPair[] {
  const pairs = new Map<string, ClusterPair & { sliceSet: Set<string> }>();
  for (const t of tunnels) {
    if (t.a === t.b) continue;
    const [a, b] = t.a < t.b ? [t.a, t.b] : [t.b, t.a];
    const key = `${t.hub}/${t.project}/${a}|${b}`;
    let p = pairs.get(key);
    if (!p) {
      p = {
        key,
        hub: t.hub,
        project: t.project,
        a,
        b,
        state: t.state,
        slices: [],
        sliceSet: new Set(),
      };
      pairs.set(key, p);
    }
    p.sliceSet.add(t.slice);
    if (STATE_RANK[t.state] > STATE_RANK[p.state]) p.state = t.state;
    if (
      t.latencyMs !== undefined &&
      (p.maxLatencyMs === undefined || t.latencyMs > p.maxLatencyMs)
    ) {
      p.maxLatencyMs = t.latencyMs;
    }
  }
  return [...pairs.values()]
    .map(({ sliceSet, ...p }) => ({ ...p, slices: [...sliceSet].sort() }))
    .sort((x, y) => byText(x.key, y.key));
}

/** Arc length per node on a ring, px. */
const NODE_SPACING = 15;
const MIN_RADIUS = 70;
/** Room for labels outside a ring. */
const LABEL_ROOM = 110;

/**
 * A deterministic layout that stays readable at hundreds of clusters: one ring per
 * hub/project (tunnels never leave a project, so no edge crosses between rings),
 * clusters on their ring grouped by cloud provider, then region, then name; rings in
 * a grid, in the order of their keys. Edges are chords bent towards the ring's
 * centre. Pure: the same clusters and tunnels give the same picture.
 */
export function layoutFleetGraph(
  clusters: readonly ClusterSummary[],
  pairs: readonly ClusterPair[],
): FleetGraphLayout {
  const grouped = new Map<string, ClusterSummary[]>();
  for (const c of clusters) {
    const key = `${c.hub}/${c.project}`;
    const list = grouped.get(key) ?? [];
    list.push(c);
    grouped.set(key, list);
  }
  const groupKeys = [...grouped.keys()].sort(byText);
  const hubs = new Set(clusters.map(c => c.hub));
  const radii = groupKeys.map(k =>
    Math.max(
      MIN_RADIUS,
      (grouped.get(k)!.length * NODE_SPACING) / (2 * Math.PI),
    ),
  );
  const cols = Math.max(1, Math.ceil(Math.sqrt(groupKeys.length)));
  const rows = Math.max(1, Math.ceil(groupKeys.length / cols));
  // Each grid cell as large as the largest ring in its column / row.
  const colWidth = Array.from({ length: cols }, () => 0);
  const rowHeight = Array.from({ length: rows }, () => 0);
  radii.forEach((r, i) => {
    const size = 2 * (r + LABEL_ROOM);
    colWidth[i % cols] = Math.max(colWidth[i % cols], size);
    rowHeight[Math.floor(i / cols)] = Math.max(
      rowHeight[Math.floor(i / cols)],
      size + 20,
    );
  });
  const colX = colWidth.map((_, c) =>
    colWidth.slice(0, c).reduce((s, w) => s + w, 0),
  );
  const rowY = rowHeight.map((_, r) =>
    rowHeight.slice(0, r).reduce((s, h) => s + h, 0),
  );

  const groups: GraphGroup[] = [];
  const nodes: GraphNode[] = [];
  const byKey = new Map<string, GraphNode>();
  groupKeys.forEach((key, gi) => {
    const col = gi % cols;
    const row = Math.floor(gi / cols);
    const r = radii[gi];
    const cx = colX[col] + colWidth[col] / 2;
    const cy = rowY[row] + 20 + (rowHeight[row] - 20) / 2;
    const [hub, project] = key.split('/');
    groups.push({
      key,
      label: hubs.size > 1 ? `${hub} / ${project}` : project,
      cx,
      cy,
      r,
    });
    const members = [...grouped.get(key)!].sort(
      (x, y) =>
        byText(x.geo.cloudProvider ?? '~', y.geo.cloudProvider ?? '~') ||
        byText(x.geo.cloudRegion ?? '~', y.geo.cloudRegion ?? '~') ||
        byText(x.name, y.name),
    );
    members.forEach((cluster, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / members.length;
      const node: GraphNode = {
        key: clusterKey(cluster),
        cluster,
        x: cx + r * Math.cos(angle),
        y: cy + r * Math.sin(angle),
        angle,
        index: nodes.length,
      };
      nodes.push(node);
      byKey.set(node.key, node);
    });
  });

  const groupOf = new Map(groups.map(g => [g.key, g]));
  const edges: GraphEdge[] = [];
  for (const pair of pairs) {
    const from = byKey.get(`${pair.hub}/${pair.project}/${pair.a}`);
    const to = byKey.get(`${pair.hub}/${pair.project}/${pair.b}`);
    if (!from || !to) continue;
    const g = groupOf.get(`${pair.hub}/${pair.project}`)!;
    // Control point: the chord's midpoint pulled 60% of the way to the centre.
    const mx0 = (from.x + to.x) / 2;
    const my0 = (from.y + to.y) / 2;
    const qx = mx0 + (g.cx - mx0) * 0.6;
    const qy = my0 + (g.cy - my0) * 0.6;
    const f = (n: number) => Math.round(n * 10) / 10;
    edges.push({
      pair,
      from: from.index,
      to: to.index,
      d: `M${f(from.x)},${f(from.y)}Q${f(qx)},${f(qy)} ${f(to.x)},${f(to.y)}`,
      // Point of the quadratic curve at t = 0.5.
      mx: 0.25 * from.x + 0.5 * qx + 0.25 * to.x,
      my: 0.25 * from.y + 0.5 * qy + 0.25 * to.y,
    });
  }
  // Worse pairs drawn last, on top.
  edges.sort((x, y) => STATE_RANK[x.pair.state] - STATE_RANK[y.pair.state]);

  const width = Math.max(
    1,
    colWidth.reduce((s, w) => s + w, 0),
  );
  const height = Math.max(
    1,
    rowHeight.reduce((s, h) => s + h, 0),
  );
  return { width, height, groups, nodes, edges, byKey };
}

/** Stroke width by the number of shared slices. */
export function pairWidth(sliceCount: number): number {
  return Math.min(6, 0.8 + 1.2 * Math.log2(Math.max(1, sliceCount)));
}
