import type {
  ClusterSummary,
  FleetTunnel,
  TunnelPairState,
} from '@slice-portal/plugin-slice-common';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { useMemo, useState } from 'react';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json';
import { healthColor, tunnelColor } from '../Topology/layout';
import { latencyColor } from '../Latency/scale';
import { useSliceColors } from '../../theme/sliceColors';
import { arcPath, tunnelArc, type LonLat, type XY } from './arcs';
import { clickedPoint, PickMarker, type GeoPoint } from './pick';
import { placeLabels } from './labels';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { sliceTranslationRef } from '../../translation';

/** A tunnel to draw on the map: one slice's pair of members. */
export type MapTunnel = FleetTunnel;

const W = 960;
const H = 480;

const world = countries as unknown as Topology<{
  countries: GeometryCollection;
}>;
const land = feature(world, world.objects.countries);
const borders = mesh(world, world.objects.countries, (a, b) => a !== b);
const projection = geoNaturalEarth1().fitExtent(
  [
    [4, 4],
    [W - 4, H - 4],
  ],
  { type: 'Sphere' },
);
const path = geoPath(projection);
// Drawn once per module load: the map itself never changes.
const LAND_PATH = path(land) ?? '';
const BORDER_PATH = path(borders) ?? '';
const SPHERE_PATH = path({ type: 'Sphere' }) ?? '';
const project = (p: LonLat) => projection(p) as XY | null;

function clusterKey(c: { hub: string; project: string; name: string }) {
  return `${c.hub}/${c.project}/${c.name}`;
}

/**
 * The clusters at their `geoLocation` on a world map (Natural Earth, bundled from
 * `world-atlas`; nothing is fetched), tunnels as great-circle arcs between members,
 * coloured by state or by latency.
 */
export function FleetMap({
  clusters,
  tunnels,
  onClusterClick,
  onPick,
  picked,
  selected,
}: {
  clusters: ClusterSummary[];
  tunnels: MapTunnel[];
  onClusterClick?: (cluster: ClusterSummary) => void;
  /** Pick-a-point mode: a click on the globe reports where it landed. */
  onPick?: (point: GeoPoint) => void;
  /** A point to mark on the map (the picked location). */
  picked?: GeoPoint;
  /** Names of clusters to ring as chosen (the create-slice wizard's members). */
  selected?: ReadonlySet<string>;
}) {
  const colors = useSliceColors();
  const { t: text } = useTranslationRef(sliceTranslationRef);
  const pickedXY = picked
    ? projection([picked.longitude, picked.latitude])
    : null;
  const [colourBy, setColourBy] = useState<'state' | 'latency'>('state');
  const located = useMemo(
    () =>
      clusters
        .filter(
          c =>
            typeof c.geo.latitude === 'number' &&
            typeof c.geo.longitude === 'number',
        )
        .map(c => {
          const p = projection([c.geo.longitude!, c.geo.latitude!]);
          return p ? { cluster: c, x: p[0], y: p[1] } : undefined;
        })
        .filter((p): p is NonNullable<typeof p> => Boolean(p)),
    [clusters],
  );
  const labels = useMemo(
    () =>
      placeLabels(
        located.map(({ cluster: c, x, y }) => ({
          key: clusterKey(c),
          x,
          y,
          text: c.name,
        })),
      ),
    [located],
  );
  const unlocated = clusters.filter(
    c =>
      typeof c.geo.latitude !== 'number' || typeof c.geo.longitude !== 'number',
  );
  const where = useMemo(() => {
    const m = new Map<string, [number, number]>();
    for (const c of clusters) {
      if (
        typeof c.geo.latitude === 'number' &&
        typeof c.geo.longitude === 'number'
      ) {
        m.set(clusterKey(c), [c.geo.longitude, c.geo.latitude]);
      }
    }
    return m;
  }, [clusters]);
  const arcs = useMemo(
    () =>
      tunnels
        .map(t => {
          const a = where.get(`${t.hub}/${t.project}/${t.a}`);
          const b = where.get(`${t.hub}/${t.project}/${t.b}`);
          if (!a || !b) return undefined;
          const d = arcPath(tunnelArc(a, b, project));
          return d ? { tunnel: t, d } : undefined;
        })
        .filter((x): x is NonNullable<typeof x> => Boolean(x)),
    [tunnels, where],
  );
  // Worse tunnels on top.
  const order: Record<TunnelPairState, number> = {
    UP: 0,
    UNKNOWN: 1,
    DEGRADED: 2,
    DOWN: 3,
  };
  const sorted = [...arcs].sort(
    (x, y) => order[x.tunnel.state] - order[y.tunnel.state],
  );

  return (
    <div>
      <div style={{ fontSize: 12, marginBottom: 4 }}>
        {tunnels.length > 0 && (
          <>
            {text('fleetViews.map.colourBy')}{' '}
            <label>
              <input
                type="radio"
                name="colour-by"
                checked={colourBy === 'state'}
                onChange={() => setColourBy('state')}
              />{' '}
              {text('fleetViews.map.byState')}
            </label>{' '}
            <label>
              <input
                type="radio"
                name="colour-by"
                checked={colourBy === 'latency'}
                onChange={() => setColourBy('latency')}
              />{' '}
              {text('fleetViews.map.byLatency')}
            </label>
          </>
        )}
        {unlocated.length > 0 && (
          <span style={{ marginLeft: 16, color: colors.textSecondary }}>
            {text('fleetViews.map.unlocated')}{' '}
            {unlocated.map(c => c.name).join(', ')}
          </span>
        )}
      </div>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={text('fleetViews.map.aria', {
          clusters: String(located.length),
          tunnels: String(arcs.length),
        })}
        data-testid="fleet-map"
        onClick={
          onPick
            ? e => {
                const point = clickedPoint(
                  e,
                  { width: W, height: H },
                  { invert: projection.invert, forward: projection },
                );
                if (point) onPick(point);
              }
            : undefined
        }
        style={{
          width: '100%',
          maxHeight: 520,
          display: 'block',
          cursor: onPick ? 'crosshair' : undefined,
        }}
      >
        <defs>
          <clipPath id="fleet-map-sphere">
            <path d={SPHERE_PATH} />
          </clipPath>
        </defs>
        <path d={SPHERE_PATH} fill={colors.sea} />
        <path d={LAND_PATH} fill={colors.land} stroke="none" />
        <path
          d={BORDER_PATH}
          fill="none"
          stroke={colors.border}
          strokeWidth={0.5}
        />
        <g clipPath="url(#fleet-map-sphere)">
          {sorted.map(({ tunnel: t, d }) => (
            <path
              key={`${t.hub}/${t.project}/${t.slice}/${t.a}|${t.b}`}
              data-testid={`map-tunnel-${t.slice}-${t.a}|${t.b}`}
              data-state={t.state}
              d={d}
              fill="none"
              stroke={
                colourBy === 'state'
                  ? tunnelColor(t.state, colors)
                  : latencyColor(t.latencyMs, colors.none)
              }
              strokeWidth={t.state === 'UP' ? 1.5 : 2.5}
              strokeOpacity={0.8}
              strokeDasharray={t.state === 'DOWN' ? '5 3' : undefined}
            >
              <title>{`${t.slice}: ${t.a} ↔ ${t.b} ${t.state}${
                t.latencyMs !== undefined ? ` · ${t.latencyMs} ms` : ''
              }`}</title>
            </path>
          ))}
        </g>
        {located.map(({ cluster: c, x, y }) => {
          const label = labels.get(clusterKey(c));
          return (
            <g
              key={clusterKey(c)}
              data-testid={`map-cluster-${c.name}`}
              data-selected={selected ? selected.has(c.name) : undefined}
              transform={`translate(${x},${y})`}
              onClick={() => onClusterClick?.(c)}
              style={{ cursor: onClusterClick ? 'pointer' : 'default' }}
            >
              <title>
                {[
                  `${c.name} (${[c.geo.cloudProvider, c.geo.cloudRegion]
                    .filter(Boolean)
                    .join(' · ')})`,
                  ...c.health.reasons,
                ].join('\n')}
              </title>
              {selected?.has(c.name) && (
                <circle
                  r={10}
                  fill="none"
                  stroke={colors.focus}
                  strokeWidth={2.5}
                />
              )}
              <circle
                r={6}
                fill={healthColor(c.health.state, colors)}
                stroke={colors.surface}
                strokeWidth={1.5}
              />
              <text
                x={label?.dx ?? 8}
                y={label?.dy ?? 4}
                textAnchor={label?.anchor ?? 'start'}
                fontSize={11}
                fill={colors.text}
                stroke={colors.surface}
                strokeWidth={3}
                paintOrder="stroke"
              >
                {c.name}
              </text>
            </g>
          );
        })}
        {pickedXY && (
          <PickMarker
            x={pickedXY[0]}
            y={pickedXY[1]}
            color={colors.focus}
            halo={colors.surface}
          />
        )}
      </svg>
    </div>
  );
}
