import {
  Accumulator,
  alignDown,
  clusterPair,
  percentile,
  weightedPercentile,
} from './stats';

describe('percentiles (nearest rank)', () => {
  const oneToTwenty = Array.from({ length: 20 }, (_, i) => i + 1);

  it('p50 and p95 of 1..20 are 10 and 19', () => {
    expect(percentile(oneToTwenty, 0.5)).toBe(10);
    expect(percentile(oneToTwenty, 0.95)).toBe(19);
  });

  it('does not depend on input order', () => {
    const shuffled = [...oneToTwenty].reverse();
    expect(percentile(shuffled, 0.95)).toBe(19);
    expect(percentile([3, 1, 2, 4], 0.5)).toBe(2);
  });

  it('p100 is the maximum and p0 the minimum', () => {
    expect(percentile([5, 9, 1], 1)).toBe(9);
    expect(percentile([5, 9, 1], 0)).toBe(1);
  });

  it('is null without values', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(weightedPercentile([{ v: 3, w: 0 }], 0.5)).toBeNull();
  });

  it('weights count like repeated values', () => {
    const weighted = weightedPercentile(
      [
        { v: 10, w: 90 },
        { v: 100, w: 10 },
      ],
      0.95,
    );
    const repeated = percentile(
      [...Array(90).fill(10), ...Array(10).fill(100)],
      0.95,
    );
    expect(weighted).toBe(100);
    expect(repeated).toBe(100);
    expect(
      weightedPercentile(
        [
          { v: 10, w: 90 },
          { v: 100, w: 10 },
        ],
        0.9,
      ),
    ).toBe(10);
  });
});

describe('Accumulator', () => {
  it('merges samples and pre-aggregated means by count', () => {
    const acc = new Accumulator();
    acc.add(10);
    acc.add(20, 3, 50);
    acc.add(null);
    acc.add(Number.NaN);
    expect(acc.count).toBe(4);
    expect(acc.mean()).toBe(17.5);
    expect(acc.max).toBe(50);
  });

  it('has no mean or max when empty', () => {
    const acc = new Accumulator();
    expect(acc.mean()).toBeNull();
    expect(acc.max).toBeNull();
  });
});

describe('helpers', () => {
  it('a pair is unordered', () => {
    expect(clusterPair('gcp-west', 'aws-east')).toEqual([
      'aws-east',
      'gcp-west',
    ]);
    expect(clusterPair('aws-east', 'gcp-west')).toEqual([
      'aws-east',
      'gcp-west',
    ]);
  });

  it('aligns to bucket starts', () => {
    expect(alignDown(299_999, 300_000)).toBe(0);
    expect(alignDown(300_000, 300_000)).toBe(300_000);
  });
});
