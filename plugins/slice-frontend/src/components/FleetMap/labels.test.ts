import { labelsOverlap, placeLabels, type LabelPoint } from './labels';

describe('placeLabels', () => {
  it('keeps a lone label to the right of its dot', () => {
    expect(
      placeLabels([{ key: 'a', x: 100, y: 100, text: 'gcp-west' }]).get('a'),
    ).toEqual({ dx: 8, dy: 4, anchor: 'start' });
  });

  it('moves the names of clusters a few pixels apart so none overprints another', () => {
    // The demo's New York metro area: three clusters within 6 px of each other.
    const points: LabelPoint[] = [
      { key: 'aws-east', x: 420, y: 566, text: 'aws-east' },
      { key: 'edge-nyc', x: 428, y: 562, text: 'edge-nyc' },
      { key: 'azure-us', x: 419, y: 571, text: 'azure-us' },
      { key: 'azure-eu', x: 560, y: 540, text: 'azure-eu' },
      { key: 'aws-eu', x: 566, y: 545, text: 'aws-eu' },
    ];
    const placed = placeLabels(points);
    const overprinted = points.flatMap(a =>
      points
        .filter(
          b =>
            a.key < b.key &&
            labelsOverlap(a, placed.get(a.key)!, b, placed.get(b.key)!),
        )
        .map(b => `${a.key}/${b.key}`),
    );
    expect(overprinted).toEqual([]);
  });

  it('does not depend on the order the clusters come in', () => {
    const points: LabelPoint[] = [
      { key: 'a', x: 10, y: 10, text: 'alpha' },
      { key: 'b', x: 12, y: 12, text: 'beta' },
    ];
    expect(placeLabels(points)).toEqual(placeLabels([...points].reverse()));
  });
});
