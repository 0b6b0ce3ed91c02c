import type { SliceColors } from '../../theme/sliceColors';
import { memo } from 'react';
import { healthColor, tunnelColor } from '../Topology/layout';
import {
  pairWidth,
  type GraphEdge,
  type GraphGroup,
  type GraphNode,
} from './graphLayout';

/** Every cluster pair, drawn once per layout; highlighting is done by a stylesheet, not by re-rendering these. */
export const EdgeLayer = memo(function Edges({
  edges,
  colors,
}: {
  edges: GraphEdge[];
  colors: SliceColors;
}) {
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
          stroke={tunnelColor(e.pair.state, colors)}
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

export const NodeLayer = memo(function Nodes({
  nodes,
  groups,
  clickable,
  colors,
  slicesLabel,
}: {
  nodes: GraphNode[];
  groups: GraphGroup[];
  clickable: boolean;
  colors: SliceColors;
  /** "3 slice(s)", in the user's language. */
  slicesLabel: (n: number) => string;
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
          fill={colors.textSecondary}
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
                slicesLabel(c.slices.length),
                ...c.health.reasons,
              ].join('\n')}
            </title>
            <circle
              cx={n.x.toFixed(1)}
              cy={n.y.toFixed(1)}
              r={5}
              fill={healthColor(c.health.state, colors)}
              stroke={colors.surface}
              strokeWidth={1.5}
            />
            <text
              transform={transform}
              x={left ? -9 : 9}
              y={3.5}
              textAnchor={left ? 'end' : 'start'}
              fontSize={10}
              fill={colors.text}
            >
              {c.name}
            </text>
          </g>
        );
      })}
    </g>
  );
});
