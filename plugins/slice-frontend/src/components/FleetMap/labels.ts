/**
 * Where each cluster's name goes on the fleet map (pure): clusters of one metro area sit a few
 * pixels apart and their names, all to the right of the dot, overprinted each other. Each
 * label takes the first place around its dot where it overlaps no label already placed and
 * no other dot; a label with nowhere free keeps the first place.
 */
export interface LabelPoint {
  key: string;
  x: number;
  y: number;
  text: string;
}

export interface LabelPlacement {
  /** Offset of the text's anchor from the dot. */
  dx: number;
  dy: number;
  anchor: 'start' | 'end';
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Approximate size of an 11 px label (the map's font). */
const CHAR_WIDTH = 6.2;
const HEIGHT = 12;
const DOT_RADIUS = 7;

/** Right of the dot, then below/above it on the right, then on the left, then further down/up. */
const CANDIDATES: LabelPlacement[] = [
  { dx: 8, dy: 4, anchor: 'start' },
  { dx: 8, dy: 16, anchor: 'start' },
  { dx: 8, dy: -8, anchor: 'start' },
  { dx: -8, dy: 4, anchor: 'end' },
  { dx: -8, dy: 16, anchor: 'end' },
  { dx: -8, dy: -8, anchor: 'end' },
  { dx: 8, dy: 28, anchor: 'start' },
  { dx: 8, dy: -20, anchor: 'start' },
];

function boxOf(point: LabelPoint, place: LabelPlacement): Box {
  const width = point.text.length * CHAR_WIDTH;
  const left =
    place.anchor === 'start' ? point.x + place.dx : point.x + place.dx - width;
  // `dy` is the text's baseline.
  const bottom = point.y + place.dy + 2;
  return { left, right: left + width, top: bottom - HEIGHT, bottom };
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const dotBox = (p: LabelPoint): Box => ({
  left: p.x - DOT_RADIUS,
  right: p.x + DOT_RADIUS,
  top: p.y - DOT_RADIUS,
  bottom: p.y + DOT_RADIUS,
});

export function placeLabels(
  points: readonly LabelPoint[],
): Map<string, LabelPlacement> {
  const placed: Box[] = [];
  const out = new Map<string, LabelPlacement>();
  // Left to right, then top to bottom: the result does not depend on the input's order.
  const ordered = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  const dots = ordered.map(p => ({ key: p.key, box: dotBox(p) }));
  for (const point of ordered) {
    const free = CANDIDATES.find(place => {
      const box = boxOf(point, place);
      return (
        !placed.some(b => overlaps(b, box)) &&
        !dots.some(d => d.key !== point.key && overlaps(d.box, box))
      );
    });
    const place = free ?? CANDIDATES[0];
    placed.push(boxOf(point, place));
    out.set(point.key, place);
  }
  return out;
}

/** Whether two placed labels overlap (for tests). */
export function labelsOverlap(
  a: LabelPoint,
  pa: LabelPlacement,
  b: LabelPoint,
  pb: LabelPlacement,
): boolean {
  return overlaps(boxOf(a, pa), boxOf(b, pb));
}
