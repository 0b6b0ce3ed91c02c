import type { MouseEvent } from 'react';

/** A point on the globe, in decimal degrees. */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

type Invert = (xy: [number, number]) => [number, number] | null;
type Forward = (lonLat: [number, number]) => [number, number] | null;

/**
 * Where on the globe a click on the map's SVG landed: the pointer through the SVG's screen
 * transform (letterboxing included) into view-box coordinates, then the projection's inverse.
 * Undefined off the globe (outside the projection's outline).
 */
export function clickedPoint(
  event: MouseEvent<SVGSVGElement>,
  view: { width: number; height: number },
  projection: { invert?: Invert; forward: Forward },
): GeoPoint | undefined {
  const svg = event.currentTarget;
  let x: number;
  let y: number;
  const ctm = svg.getScreenCTM?.();
  if (ctm && svg.createSVGPoint) {
    const p = svg.createSVGPoint();
    p.x = event.clientX;
    p.y = event.clientY;
    const local = p.matrixTransform(ctm.inverse());
    x = local.x;
    y = local.y;
  } else {
    const rect = svg.getBoundingClientRect();
    if (!rect.width || !rect.height) return undefined;
    x = ((event.clientX - rect.left) * view.width) / rect.width;
    y = ((event.clientY - rect.top) * view.height) / rect.height;
  }
  const lonLat = projection.invert?.([x, y]);
  if (!lonLat || !lonLat.every(Number.isFinite)) return undefined;
  const [longitude, latitude] = lonLat;
  if (Math.abs(longitude) > 180 || Math.abs(latitude) > 90) return undefined;
  // Off the globe the inverse still answers; the forward projection does not land back.
  const back = projection.forward(lonLat);
  if (!back || Math.hypot(back[0] - x, back[1] - y) > 1) return undefined;
  return { latitude, longitude };
}

/** The picked point: a ring with a dot, in the theme's focus colour. */
export function PickMarker({
  x,
  y,
  color,
  halo,
}: {
  x: number;
  y: number;
  color: string;
  halo: string;
}) {
  return (
    <g
      transform={`translate(${x},${y})`}
      data-testid="map-picked-point"
      pointerEvents="none"
    >
      <circle r={10} fill="none" stroke={halo} strokeWidth={4} />
      <circle r={10} fill="none" stroke={color} strokeWidth={2} />
      <circle r={3} fill={color} />
    </g>
  );
}
