import type {
  ClusterSummary,
  FleetTunnel,
} from '@slice-portal/plugin-slice-common';
import { useCallback, useMemo, useState, type MouseEvent } from 'react';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useSliceColors } from '../../theme/sliceColors';
import { sliceTranslationRef } from '../../translation';
import { tunnelColor } from '../Topology/layout';
import { EdgeLayer, NodeLayer } from './layers';
import { clusterKey, clusterPairs, layoutFleetGraph } from './graphLayout';

const STATES = ['UP', 'DEGRADED', 'DOWN', 'UNKNOWN'] as const;

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
  const colors = useSliceColors();
  const { t } = useTranslationRef(sliceTranslationRef);
  const slicesLabel = useCallback(
    (n: number) => t('fleetViews.graph.slices', { n: String(n) }),
    [t],
  );
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
      `.fg-n${focus} circle{stroke:${colors.focus};stroke-width:3px}`,
      `.fg-n${focus} text{font-weight:700}`,
    ].join('\n');
  }, [focus, focusEdges, colors.focus]);

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
          {t('fleetViews.graph.summary', {
            clusters: String(layout.nodes.length),
            pairs: String(layout.edges.length),
          })}
        </span>
        {counts.map(c => (
          <span key={c.state} style={{ marginLeft: 12 }}>
            <svg width={18} height={8} style={{ verticalAlign: 'middle' }}>
              <line
                x1={0}
                y1={4}
                x2={18}
                y2={4}
                stroke={tunnelColor(c.state, colors)}
                strokeWidth={3}
                strokeDasharray={c.state === 'DOWN' ? '5 3' : undefined}
              />
            </svg>{' '}
            {c.state} {c.n}
          </span>
        ))}
        <span style={{ marginLeft: 12, color: colors.textSecondary }}>
          {t('fleetViews.graph.legend')}
        </span>
      </div>
      <svg
        viewBox={`0 0 ${layout.width.toFixed(0)} ${layout.height.toFixed(0)}`}
        style={{ width: '100%', maxHeight: 960, display: 'block' }}
        role="img"
        aria-label={t('fleetViews.graph.aria', {
          clusters: String(layout.nodes.length),
          pairs: String(layout.edges.length),
        })}
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
            fill={colors.none}
            stroke={colors.divider}
          />
        ))}
        <EdgeLayer edges={layout.edges} colors={colors} />
        <NodeLayer
          nodes={layout.nodes}
          groups={layout.groups}
          clickable={Boolean(onClusterClick)}
          colors={colors}
          slicesLabel={slicesLabel}
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
                    fill={tunnelColor(e.pair.state, colors)}
                    stroke={colors.surface}
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
