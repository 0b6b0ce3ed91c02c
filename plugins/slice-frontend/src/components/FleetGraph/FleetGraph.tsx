import type {
  ClusterSummary,
  FleetTunnel,
} from '@slice-portal/plugin-slice-common';
import { memo, useMemo, useState, type MouseEvent } from 'react';
import { healthColor, tunnelColor } from '../Topology/layout';
import {
  clusterKey,
  clusterPairs,
  layoutFleetGraph,
  pairWidth,
  type GraphEdge,
  type GraphGroup,
  type GraphNode,
} from './graphLayout';

const STATES = ['UP', 'DEGRADED', 'DOWN', 'UNKNOWN'] as const;

/** Every cluster pair, drawn once per layout; highlighting is done by a stylesheet, not by re-rendering these. */
const EdgeLayer = memo(function Edges({ edges }: { edges: GraphEdge[] }) {
  // Healthy pairs fade as they get numerous, so a dense ring stays see-through and problems stand out.
  const upOpacity = edges.length > 400 ? 0.14 : 0.35;
  return (
    <g fill="none" strokeLinecap="round">
      {edges.map(e => (
        <path
          key={e.pair.key}
          className={`fg-e fg-e${e.from} fg-e${e.to}`}
          data-testid={`graph-edge-${e.pair.a}|${e.pair.b}`}
          data-state={e.pair.state}
          data-slices={e.pair.slices.length}
          d={e.d}
          stroke={tunnelColor(e.pair.state)}
          strokeWidth={pairWidth(e.pair.slices.length)}
          strokeOpacity={e.pair.state === 'UP' ? upOpacity : 0.85}
          strokeDasharray={e.pair.state === 'DOWN' ? '5 3' : undefined}
        />
      ))}
    </g>
  );
});

function labelTransform(n: GraphNode): { transform: string; left: boolean } {
  let deg = (n.angle * 180) / Math.PI;
  const left = Math.cos(n.angle) < -1e-9;
  if (left) deg += 180;
  return {
    transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(
      1,
    )}) rotate(${deg.toFixed(1)})`,
    left,
  };
}

const NodeLayer = memo(function Nodes({
  nodes,
  groups,
  clickable,
}: {
  nodes: GraphNode[];
  groups: GraphGroup[];
  clickable: boolean;
}) {
  return (
    <g>
      {groups.map(g => (
        <text
          key={g.key}
          data-testid={`graph-group-${g.key}`}
          x={g.cx}
          y={g.cy - g.r - 96}
          textAnchor="middle"
          fontSize={14}
          fontWeight={600}
          fill="#37474f"
        >
          {g.label}
        </text>
      ))}
      {nodes.map(n => {
        const c = n.cluster;
        const { transform, left } = labelTransform(n);
        return (
          <g
            key={n.key}
            className={`fg-n fg-n${n.index}`}
            data-testid={`graph-node-${c.name}`}
            data-index={n.index}
            style={{ cursor: clickable ? 'pointer' : 'default' }}
          >
            <title>
              {[
                `${c.name} (${[c.geo.cloudProvider, c.geo.cloudRegion]
                  .filter(Boolean)
                  .join(' · ')})`,
                `${c.slices.length} slice${c.slices.length === 1 ? '' : 's'}`,
                ...c.health.reasons,
              ].join('\n')}
            </title>
            <circle
              cx={n.x.toFixed(1)}
              cy={n.y.toFixed(1)}
              r={5}
              fill={healthColor(c.health.state)}
              stroke="#fff"
              strokeWidth={1.5}
            />
            <text
              transform={transform}
              x={left ? -9 : 9}
              y={3.5}
              textAnchor={left ? 'end' : 'start'}
              fontSize={10}
              fill="#263238"
            >
              {c.name}
            </text>
          </g>
        );
      })}
    </g>
  );
});

/**
 * The fleet as a graph: every cluster a node, every cluster pair that shares at
 * least one slice one edge, coloured by the pair's worst tunnel state, as wide as
 * the number of slices they share. Hover or click a cluster to highlight its pairs
 * (with the shared slices named); a click also selects it (the page filters its
 * slices table).
 */
export function FleetGraph({
  clusters,
  tunnels,
  selected,
  onClusterClick,
}: {
  clusters: ClusterSummary[];
  tunnels: FleetTunnel[];
  selected?: ClusterSummary;
  onClusterClick?: (cluster: ClusterSummary) => void;
}) {
  const pairs = useMemo(() => clusterPairs(tunnels), [tunnels]);
  const layout = useMemo(
    () => layoutFleetGraph(clusters, pairs),
    [clusters, pairs],
  );
  const [hovered, setHovered] = useState<number>();
  const focus =
    hovered ??
    (selected ? layout.byKey.get(clusterKey(selected))?.index : undefined);

  const focusEdges = useMemo(
    () =>
      focus === undefined
        ? []
        : layout.edges.filter(e => e.from === focus || e.to === focus),
    [focus, layout],
  );
  const focusCss = useMemo(() => {
    if (focus === undefined) return '';
    const neighbours = new Set<number>([focus]);
    for (const e of focusEdges) {
      neighbours.add(e.from);
      neighbours.add(e.to);
    }
    return [
      '.fg-e{stroke-opacity:.05}',
      `.fg-e${focus}{stroke-opacity:.95}`,
      '.fg-n{opacity:.3}',
      `${[...neighbours].map(i => `.fg-n${i}`).join(',')}{opacity:1}`,
      `.fg-n${focus} circle{stroke:#1565c0;stroke-width:3px}`,
      `.fg-n${focus} text{font-weight:700}`,
    ].join('\n');
  }, [focus, focusEdges]);

  const indexOf = (ev: MouseEvent) => {
    const el = (ev.target as Element).closest?.('[data-index]');
    return el ? Number(el.getAttribute('data-index')) : undefined;
  };
  const counts = STATES.map(s => ({
    state: s,
    n: pairs.filter(p => p.state === s).length,
  })).filter(c => c.n > 0);

  return (
    <div data-testid="fleet-graph-card">
      <div style={{ fontSize: 12, marginBottom: 4 }}>
        <span data-testid="fleet-graph-summary">
          {layout.nodes.length} clusters, {layout.edges.length} cluster pairs
          sharing a slice
        </span>
        {counts.map(c => (
          <span key={c.state} style={{ marginLeft: 12 }}>
            <svg width={18} height={8} style={{ verticalAlign: 'middle' }}>
              <line
                x1={0}
                y1={4}
                x2={18}
                y2={4}
                stroke={tunnelColor(c.state)}
                strokeWidth={3}
                strokeDasharray={c.state === 'DOWN' ? '5 3' : undefined}
              />
            </svg>{' '}
            {c.state} {c.n}
          </span>
        ))}
        <span style={{ marginLeft: 12, color: '#757575' }}>
          Edge colour: the pair's worst tunnel; width: slices they share. Rings
          are projects; clusters ordered by provider and region.
        </span>
      </div>
      <svg
        viewBox={`0 0 ${layout.width.toFixed(0)} ${layout.height.toFixed(0)}`}
        style={{ width: '100%', maxHeight: 960, display: 'block' }}
        role="img"
        aria-label={`Graph of ${layout.nodes.length} clusters and ${layout.edges.length} cluster pairs`}
        data-testid="fleet-graph"
        data-focus={
          focus === undefined ? undefined : layout.nodes[focus]?.cluster.name
        }
        onMouseOver={ev => {
          const i = indexOf(ev);
          if (i !== undefined && i !== hovered) setHovered(i);
        }}
        onMouseOut={ev => {
          if (indexOf(ev) !== undefined) setHovered(undefined);
        }}
        onClick={ev => {
          const i = indexOf(ev);
          if (i !== undefined) onClusterClick?.(layout.nodes[i].cluster);
        }}
      >
        <style>{focusCss}</style>
        {layout.groups.map(g => (
          <circle
            key={g.key}
            cx={g.cx}
            cy={g.cy}
            r={g.r}
            fill="#f5f7f9"
            stroke="#eceff1"
          />
        ))}
        <EdgeLayer edges={layout.edges} />
        <NodeLayer
          nodes={layout.nodes}
          groups={layout.groups}
          clickable={Boolean(onClusterClick)}
        />
        {focusEdges.length > 0 && (
          <g data-testid="graph-focus" pointerEvents="none">
            {focusEdges.map(e => {
              const label = `${e.pair.slices.length}`;
              return (
                <g
                  key={e.pair.key}
                  data-testid={`graph-focus-${e.pair.a}|${e.pair.b}`}
                >
                  <title>{`${e.pair.a} ↔ ${e.pair.b} ${
                    e.pair.state
                  }: ${e.pair.slices.join(', ')}`}</title>
                  <text
                    x={e.mx}
                    y={e.my + 3}
                    textAnchor="middle"
                    fontSize={9}
                    fill={tunnelColor(e.pair.state)}
                    stroke="#fff"
                    strokeWidth={3}
                    paintOrder="stroke"
                  >
                    {label}
                  </text>
                </g>
              );
            })}
          </g>
        )}
      </svg>
      {focus !== undefined && (
        <div
          style={{ fontSize: 12, marginTop: 4 }}
          data-testid="graph-focus-list"
        >
          <strong>{layout.nodes[focus].cluster.name}</strong> shares slices with{' '}
          {focusEdges.length} cluster{focusEdges.length === 1 ? '' : 's'}
          {focusEdges.length > 0 ? ': ' : ''}
          {[...focusEdges]
            .reverse()
            .slice(0, 12)
            .map(e => {
              const other = e.from === focus ? e.pair.b : e.pair.a;
              return `${other} (${e.pair.slices.join(', ')}${
                e.pair.state === 'UP' ? '' : `, ${e.pair.state}`
              })`;
            })
            .join('; ')}
          {focusEdges.length > 12 ? `; … ${focusEdges.length - 12} more` : ''}
        </div>
      )}
    </div>
  );
}
