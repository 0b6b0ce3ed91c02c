import type { SliceTopology } from '@slice-portal/plugin-slice-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  useMemo,
  useRef,
  useState,
  type MouseEvent as ReactMouseEvent,
  type WheelEvent as ReactWheelEvent,
} from 'react';
import {
  healthColor,
  layoutTopology,
  tunnelColor,
  type PlacedNode,
} from './layout';
import { useSliceColors, type SliceColors } from '../../theme/sliceColors';
import { sliceTranslationRef } from '../../translation';

export interface TopologyGraphProps {
  topology: SliceTopology;
  expanded: ReadonlySet<string>;
  selectedEdge?: string;
  /** Only draw the tunnels of this cluster node (filter before drawing). */
  focus?: string;
  /** Draw edge labels on every tunnel; otherwise only on the selected or focused ones. */
  showAllLabels: boolean;
  onNodeClick: (id: string) => void;
  onEdgeClick: (id: string) => void;
}

function NodeShape({
  placed: p,
  open,
  colors,
}: {
  placed: PlacedNode;
  open: boolean;
  colors: SliceColors;
}) {
  const color = healthColor(p.node.health.state, colors);
  if (p.node.kind === 'cluster') {
    return (
      <circle
        r={p.r}
        fill={colors.surface}
        stroke={color}
        strokeWidth={open ? 5 : 3}
      />
    );
  }
  if (p.node.kind === 'namespace') {
    return (
      <rect x={-p.r} y={-p.r} width={2 * p.r} height={2 * p.r} fill={color} />
    );
  }
  const r = p.r + 1;
  return <polygon points={`0,${-r} ${r},0 0,${r} ${-r},0`} fill={color} />;
}

interface View {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The slice as an SVG graph. Plain SVG keeps 32 clusters and 496 tunnels well under a
 * frame's budget to draw; zoom with the wheel, pan by dragging.
 */
export function TopologyGraph(props: TopologyGraphProps) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const colors = useSliceColors();
  const {
    topology,
    expanded,
    selectedEdge,
    focus,
    showAllLabels,
    onNodeClick,
    onEdgeClick,
  } = props;
  const layout = useMemo(
    () => layoutTopology(topology, expanded),
    [topology, expanded],
  );
  const [view, setView] = useState<View | undefined>();
  const v = view ?? { x: 0, y: 0, w: layout.width, h: layout.height };
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{ x: number; y: number; view: View } | undefined>();

  const toUser = (clientX: number, clientY: number) => {
    const rect = svgRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0)
      return { x: v.x + v.w / 2, y: v.y + v.h / 2 };
    return {
      x: v.x + ((clientX - rect.left) / rect.width) * v.w,
      y: v.y + ((clientY - rect.top) / rect.height) * v.h,
    };
  };
  const zoom = (factor: number, at?: { x: number; y: number }) => {
    const p = at ?? { x: v.x + v.w / 2, y: v.y + v.h / 2 };
    setView({
      x: p.x - (p.x - v.x) * factor,
      y: p.y - (p.y - v.y) * factor,
      w: v.w * factor,
      h: v.h * factor,
    });
  };
  const onWheel = (e: ReactWheelEvent<SVGSVGElement>) => {
    if (!e.ctrlKey && !e.metaKey && !e.altKey) return; // let the page scroll
    e.preventDefault();
    zoom(e.deltaY > 0 ? 1.15 : 1 / 1.15, toUser(e.clientX, e.clientY));
  };
  const onMouseDown = (e: ReactMouseEvent<SVGSVGElement>) => {
    drag.current = { x: e.clientX, y: e.clientY, view: v };
  };
  const onMouseMove = (e: ReactMouseEvent<SVGSVGElement>) => {
    const d = drag.current;
    const rect = svgRef.current?.getBoundingClientRect();
    if (!d || !rect || rect.width === 0) return;
    const scale = d.view.w / rect.width;
    setView({
      ...d.view,
      x: d.view.x - (e.clientX - d.x) * scale,
      y: d.view.y - (e.clientY - d.y) * scale,
    });
  };
  const endDrag = () => {
    drag.current = undefined;
  };

  const tunnels = layout.edges.filter(
    e =>
      e.edge.kind === 'tunnel' &&
      (!focus || e.edge.source === focus || e.edge.target === focus),
  );
  const memberships = layout.edges.filter(e => e.edge.kind === 'membership');
  const labelled = (id: string, source: string, target: string) =>
    showAllLabels ||
    id === selectedEdge ||
    (focus !== undefined && (source === focus || target === focus));

  return (
    <div style={{ position: 'relative' }}>
      <div style={{ position: 'absolute', right: 8, top: 8, zIndex: 1 }}>
        <button
          type="button"
          aria-label={t('topology.graph.zoomIn')}
          onClick={() => zoom(1 / 1.3)}
        >
          +
        </button>{' '}
        <button
          type="button"
          aria-label={t('topology.graph.zoomOut')}
          onClick={() => zoom(1.3)}
        >
          −
        </button>{' '}
        <button
          type="button"
          aria-label={t('topology.graph.resetZoom')}
          onClick={() => setView(undefined)}
        >
          {t('topology.graph.reset')}
        </button>
      </div>
      <svg
        ref={svgRef}
        data-testid="topology-graph"
        role="img"
        aria-label={t('topology.graph.aria', {
          clusters: String(
            layout.nodes.filter(n => n.node.kind === 'cluster').length,
          ),
          tunnels: String(tunnels.length),
        })}
        viewBox={`${v.x} ${v.y} ${v.w} ${v.h}`}
        style={{
          width: '100%',
          maxHeight: 760,
          background: colors.surface,
          border: `1px solid ${colors.divider}`,
          borderRadius: 4,
          cursor: drag.current ? 'grabbing' : 'grab',
          userSelect: 'none',
        }}
        onWheel={onWheel}
        onMouseDown={onMouseDown}
        onMouseMove={onMouseMove}
        onMouseUp={endDrag}
        onMouseLeave={endDrag}
      >
        <g>
          {memberships.map(({ edge, from, to }) => (
            <line
              key={edge.id}
              x1={from.x}
              y1={from.y}
              x2={to.x}
              y2={to.y}
              stroke={colors.axis}
              strokeDasharray="3 3"
            />
          ))}
          {tunnels.map(({ edge, from, to }) => {
            const selected = edge.id === selectedEdge;
            return (
              <g
                key={edge.id}
                data-testid={`edge-${edge.id}`}
                data-state={edge.state}
                onClick={() => onEdgeClick(edge.id)}
                style={{ cursor: 'pointer' }}
              >
                <title>{`${t('topology.graph.edgeTitle', {
                  a: edge.source.replace('cluster:', ''),
                  b: edge.target.replace('cluster:', ''),
                  state: t(`topology.states.${edge.state ?? 'UNKNOWN'}`),
                })}${edge.label ? ` · ${edge.label}` : ''}`}</title>
                <line
                  x1={from.x}
                  y1={from.y}
                  x2={to.x}
                  y2={to.y}
                  stroke="transparent"
                  strokeWidth={10}
                />
                <line
                  x1={from.x}
                  y1={from.y}
                  x2={to.x}
                  y2={to.y}
                  stroke={tunnelColor(edge.state, colors)}
                  strokeWidth={selected ? 4 : 2}
                  strokeOpacity={selectedEdge && !selected ? 0.35 : 0.85}
                  strokeDasharray={edge.state === 'DOWN' ? '6 4' : undefined}
                />
                {labelled(edge.id, edge.source, edge.target) && edge.label && (
                  <text
                    x={(from.x + to.x) / 2}
                    y={(from.y + to.y) / 2 - 4}
                    textAnchor="middle"
                    fontSize={11}
                    fill={colors.text}
                    stroke={colors.surface}
                    strokeWidth={3}
                    paintOrder="stroke"
                  >
                    {edge.label}
                  </text>
                )}
              </g>
            );
          })}
        </g>
        <g>
          {layout.nodes.map(p => {
            const isCluster = p.node.kind === 'cluster';
            const open = expanded.has(p.node.id);
            return (
              <g
                key={p.node.id}
                data-testid={`node-${p.node.id}`}
                transform={`translate(${p.x},${p.y})`}
                onClick={() => onNodeClick(p.node.id)}
                style={{ cursor: isCluster ? 'pointer' : 'default' }}
              >
                <title>
                  {[p.node.label, ...p.node.health.reasons].join('\n')}
                </title>
                <NodeShape placed={p} open={open} colors={colors} />
                <text
                  y={isCluster ? p.r + 14 : p.r + 11}
                  textAnchor="middle"
                  fontSize={isCluster ? 13 : 10}
                  fontWeight={isCluster ? 600 : 400}
                  fill={colors.text}
                  stroke={colors.surface}
                  strokeWidth={3}
                  paintOrder="stroke"
                >
                  {p.node.label}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
    </div>
  );
}
