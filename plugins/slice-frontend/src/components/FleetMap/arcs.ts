/** A point on the projected map (SVG user units). */
export type XY = [number, number];
/** Longitude, latitude in degrees. */
export type LonLat = [number, number];

const SAMPLES = 24;
/** Just inside the antimeridian, so a projection puts the point on the correct edge. */
const EDGE = 179.999;

function wrap(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}

/**
 * The line of a tunnel between two places on the map, as polylines in map coordinates.
 *
 * It goes the shorter way round in longitude and bows gently towards the nearer pole, so
 * it reads as an arc; unlike a great circle it never leaves the latitudes between (and just
 * beyond) its ends, so near-antipodal pairs do not run over the pole off the top of the
 * map. A line that crosses the antimeridian (over the Pacific) is split there into two
 * pieces, one ending at the map's edge and one starting at the opposite edge.
 */
export function tunnelArc(
  from: LonLat,
  to: LonLat,
  project: (p: LonLat) => XY | null,
): XY[][] {
  const [lon0, lat0] = from;
  let dLon = wrap(to[0]) - wrap(lon0);
  if (dLon > 180) dLon -= 360;
  if (dLon < -180) dLon += 360;
  const dLat = to[1] - lat0;
  const length = Math.hypot(dLon, dLat);
  const midLat = lat0 + dLat / 2;
  const bow = Math.min(12, length * 0.12) * (midLat >= 0 ? 1 : -1);

  const pieces: XY[][] = [];
  let piece: XY[] = [];
  const push = (lonLat: LonLat) => {
    const p = project(lonLat);
    if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) piece.push(p);
  };
  let prev: LonLat | undefined;
  for (let i = 0; i <= SAMPLES; i++) {
    const t = i / SAMPLES;
    const lat = Math.max(
      -89,
      Math.min(89, lat0 + dLat * t + bow * Math.sin(Math.PI * t)),
    );
    const rawLon = wrap(lon0) + dLon * t;
    const lon = wrap(rawLon);
    if (prev && Math.abs(lon - prev[0]) > 180) {
      // Crossed the antimeridian between prev and here: end at one edge, go on from the other.
      const prevRaw = prev[0];
      const edge = prevRaw > 0 ? 180 : -180;
      const unwrapped = lon + (prevRaw > 0 ? 360 : -360);
      const f = (edge - prevRaw) / (unwrapped - prevRaw);
      const crossLat = prev[1] + (lat - prev[1]) * f;
      push([Math.sign(edge) * EDGE, crossLat]);
      if (piece.length > 1) pieces.push(piece);
      piece = [];
      push([-Math.sign(edge) * EDGE, crossLat]);
    }
    push([lon, lat]);
    prev = [lon, lat];
  }
  if (piece.length > 1) pieces.push(piece);
  return pieces;
}

/** SVG path data of {@link tunnelArc}'s pieces. */
export function arcPath(pieces: XY[][]): string {
  return pieces
    .map(
      piece =>
        `M${piece
          .map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`)
          .join('L')}`,
    )
    .join('');
}
