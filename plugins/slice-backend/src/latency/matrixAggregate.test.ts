import { ValueHistogram } from './matrixAggregate';
import { round, weightedPercentile } from './stats';

describe('ValueHistogram', () => {
  // Deterministic values with more decimals than the output keeps, many repeated.
  const values = Array.from(
    { length: 500 },
    (_, i) => 10 + ((i * 37) % 101) / 7 + (i % 3) * 1e-6,
  );

  it('gives the rounded percentiles of the values themselves', () => {
    const histogram = new ValueHistogram();
    values.forEach(v => histogram.add(v, 1));
    for (const p of [0.05, 0.5, 0.95, 0.99, 1]) {
      const exact = weightedPercentile(
        values.map(v => ({ v, w: 1 })),
        p,
      );
      expect(round(histogram.percentile(p))).toBe(round(exact));
    }
    // Values equal at the output precision share one entry.
    expect(histogram.size).toBe(101);
  });

  it('weighs values and ignores what carries no weight', () => {
    const histogram = new ValueHistogram();
    histogram.add(1.25, 9);
    histogram.add(80.5, 1);
    histogram.add(500, 0);
    histogram.add(Number.NaN, 5);
    expect(histogram.percentile(0.5)).toBe(1.25);
    expect(histogram.percentile(0.95)).toBe(80.5);
    expect(new ValueHistogram().percentile(0.5)).toBeNull();
  });
});
