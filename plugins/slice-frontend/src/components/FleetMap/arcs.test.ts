import { geoNaturalEarth1 } from 'd3-geo';
import { arcPath, tunnelArc, type LonLat, type XY } from './arcs';

const W = 960;
const H = 480;
const projection = geoNaturalEarth1().fitExtent(
  [
    [4, 4],
    [W - 4, H - 4],
  ],
  { type: 'Sphere' },
);
const project = (p: LonLat) => projection(p) as XY | null;

const gcpWest: LonLat = [-121.18, 45.6];
const gcpAsia: LonLat = [103.82, 1.35];
const awsEast: LonLat = [-77.45, 38.95];
const azureEu: LonLat = [4.89, 52.37];

function onTheSphere([x, y]: XY) {
  const lonLat = projection.invert!([x, y]);
  return (
    lonLat !== null &&
    Number.isFinite(lonLat[0]) &&
    Math.abs(lonLat[0]) <= 180.001 &&
    Math.abs(lonLat[1]) <= 90
  );
}

describe('tunnelArc', () => {
  it('draws a tunnel within one hemisphere of longitude as one piece', () => {
    const pieces = tunnelArc(awsEast, azureEu, project);
    expect(pieces).toHaveLength(1);
    const [start, end] = [pieces[0][0], pieces[0][pieces[0].length - 1]];
    expect(start[0]).toBeCloseTo(project(awsEast)![0], 5);
    expect(end[0]).toBeCloseTo(project(azureEu)![0], 5);
    // It bows northwards: its middle lies above the straight line between its ends.
    const mid = pieces[0][Math.floor(pieces[0].length / 2)];
    expect(mid[1]).toBeLessThan((start[1] + end[1]) / 2);
  });

  it('splits a tunnel across the Pacific at the antimeridian, one piece at each edge', () => {
    const pieces = tunnelArc(gcpWest, gcpAsia, project);
    expect(pieces).toHaveLength(2);
    const [west, east] = pieces;
    // From Oregon westwards to the left edge, then from the right edge on to Singapore.
    expect(west[0][0]).toBeCloseTo(project(gcpWest)![0], 5);
    expect(west[west.length - 1][0]).toBeLessThan(W * 0.1);
    expect(east[0][0]).toBeGreaterThan(W * 0.9);
    expect(east[east.length - 1][0]).toBeCloseTo(project(gcpAsia)![0], 5);
    // Both ends of the cut are at the same latitude.
    expect(west[west.length - 1][1]).toBeCloseTo(east[0][1], 0);
  });

  it('keeps near-antipodal tunnels on the map instead of running over the pole', () => {
    // 181° of longitude apart: a great circle would pass close to the North Pole.
    const pieces = tunnelArc(awsEast, gcpAsia, project);
    const points = pieces.flat();
    expect(points.every(onTheSphere)).toBe(true);
    const highest = Math.min(...points.map(p => p[1]));
    expect(highest).toBeGreaterThan(project([0, 60])![1]);
    expect(pieces).toHaveLength(2);
  });

  it('writes SVG path data with one move per piece', () => {
    const d = arcPath(tunnelArc(gcpWest, gcpAsia, project));
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d).not.toMatch(/NaN/);
  });
});
