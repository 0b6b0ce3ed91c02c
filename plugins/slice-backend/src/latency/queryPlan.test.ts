import {
  defaultStepSeconds,
  describeSpan,
  matrixPrefersRaw,
  matrixRowLimitMessage,
  niceStepAtLeast,
  planRead,
  pointLimitMessage,
  type ReadPlan,
  seriesPrefersRaw,
  seriesRowLimitMessage,
} from './queryPlan';

const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const iso = (ms: number) => new Date(ms).toISOString();

describe('planRead', () => {
  const base = {
    fromMs: T0,
    toMs: T0 + 2 * HOUR,
    nowMs: T0 + 2 * HOUR,
    rawRetentionMs: HOUR,
  };

  it('reads everything raw before the first rollup', () => {
    for (const preferRaw of [true, false]) {
      expect(
        planRead({ ...base, preferRaw, watermarkMs: undefined }),
      ).toMatchObject({
        splitMs: T0,
        rollupSplitMs: T0,
        parts: [{ kind: 'raw', fromMs: T0, toMs: T0 + 2 * HOUR }],
        resolution: 'raw',
      });
    }
  });

  it('preferring rollups, reads rollups up to the watermark and the tail raw', () => {
    const plan = planRead({
      ...base,
      preferRaw: false,
      watermarkMs: T0 + 115 * MIN,
    });
    expect(plan).toEqual({
      fromMs: T0,
      toMs: T0 + 2 * HOUR,
      splitMs: T0 + 115 * MIN,
      rollupSplitMs: T0 + 115 * MIN,
      parts: [
        { kind: 'rollup', fromMs: T0, toMs: T0 + 115 * MIN },
        { kind: 'raw', fromMs: T0 + 115 * MIN, toMs: T0 + 2 * HOUR },
      ],
      resolution: 'mixed',
    });
  });

  it('preferring raw, reads raw as far back as it is complete', () => {
    // Raw samples are kept one hour: complete from now − 1 h (bucket-aligned) on.
    const plan = planRead({
      ...base,
      nowMs: T0 + 2 * HOUR + 2 * MIN,
      preferRaw: true,
      watermarkMs: T0 + 115 * MIN,
    });
    expect(plan.splitMs).toBe(T0 + HOUR);
    expect(plan.rollupSplitMs).toBe(T0 + 115 * MIN);
    expect(plan.parts.map(p => [p.kind, p.fromMs, p.toMs])).toEqual([
      ['rollup', T0, T0 + HOUR],
      ['raw', T0 + HOUR, T0 + 2 * HOUR],
    ]);
    expect(plan.resolution).toBe('mixed');
  });

  it('preferring raw, never reads raw before the watermark when the rollup lags', () => {
    const plan = planRead({
      ...base,
      preferRaw: true,
      watermarkMs: T0 + 30 * MIN,
    });
    expect(plan.splitMs).toBe(T0 + 30 * MIN);
    expect(plan.rollupSplitMs).toBe(T0 + 30 * MIN);
  });

  it('clamps the split to the range: all raw or all rollups', () => {
    const recent = planRead({
      ...base,
      fromMs: T0 + 100 * MIN,
      preferRaw: true,
      watermarkMs: T0 + 115 * MIN,
    });
    expect(recent.resolution).toBe('raw');
    expect(recent.parts).toEqual([
      { kind: 'raw', fromMs: T0 + 100 * MIN, toMs: T0 + 2 * HOUR },
    ]);
    // Preferring rollups over the same range would read rollups up to the watermark.
    expect(recent.rollupSplitMs).toBe(T0 + 115 * MIN);

    const old = planRead({
      ...base,
      toMs: T0 + 20 * MIN,
      preferRaw: false,
      watermarkMs: T0 + 115 * MIN,
    });
    expect(old.resolution).toBe('rollup');
    expect(old.parts).toEqual([
      { kind: 'rollup', fromMs: T0, toMs: T0 + 20 * MIN },
    ]);
  });
});

describe('resolution preferences', () => {
  it('series: raw under the 5-minute rollup step, rollups from it on', () => {
    expect(seriesPrefersRaw(299_000)).toBe(true);
    expect(seriesPrefersRaw(300_000)).toBe(false);
    expect(seriesPrefersRaw(3_600_000)).toBe(false);
  });

  it('matrix: raw up to a 6 h window', () => {
    expect(matrixPrefersRaw(6 * HOUR)).toBe(true);
    expect(matrixPrefersRaw(6 * HOUR + MIN)).toBe(false);
  });
});

describe('steps', () => {
  it.each([
    [0.5, 1],
    [1, 1],
    [3, 5],
    [12, 15],
    [31, 60],
    [288, 300],
    [301, 600],
    [2016, 3600],
    [86_400, 86_400],
    [86_401, 2 * 86_400],
  ])('rounds %p s up to %p s', (seconds, step) => {
    expect(niceStepAtLeast(seconds)).toBe(step);
  });

  it('defaults to a round step of at most the target points, not under the minimum', () => {
    const step = (rangeSeconds: number, minStepSeconds: number) =>
      defaultStepSeconds({ rangeSeconds, minStepSeconds, targetPoints: 300 });
    expect(step(3600, 10)).toBe(15);
    expect(step(3600, 30)).toBe(30);
    expect(step(900, 30)).toBe(30);
    // A day at about 300 points: 5 minutes, which reads the rollups.
    expect(step(86_400, 30)).toBe(300);
    expect(seriesPrefersRaw(step(86_400, 30) * 1000)).toBe(false);
    expect(step(7 * 86_400, 30)).toBe(3600);
    // A minimum that is not round is rounded up too.
    expect(step(600, 45)).toBe(60);
  });
});

describe('describeSpan', () => {
  it.each([
    [0, '0s'],
    [30_000, '30s'],
    [45 * MIN, '45m'],
    [2 * HOUR + 14 * MIN + 59_000, '2h 14m'],
    [42 * HOUR, '1d 18h'],
    [24 * HOUR + 5 * MIN, '1d'],
  ])('%p ms is %p', (ms, text) => {
    expect(describeSpan(ms)).toBe(text);
  });
});

describe('limit messages', () => {
  const plan = (
    overrides: Partial<ReadPlan> & Pick<ReadPlan, 'parts'>,
  ): ReadPlan => ({
    fromMs: T0,
    toMs: T0 + 24 * HOUR,
    splitMs: T0,
    rollupSplitMs: T0,
    resolution: 'raw',
    ...overrides,
  });
  const allRaw = [{ kind: 'raw' as const, fromMs: T0, toMs: T0 + 24 * HOUR }];

  it('series over the row limit: suggests rollups when they would replace raw samples', () => {
    const message = seriesRowLimitMessage({
      limit: 1000,
      plan: plan({ parts: allRaw, rollupSplitMs: T0 + 23 * HOUR }),
      reachedMs: T0 + 21 * HOUR + 46 * MIN,
    });
    expect(message).toBe(
      'Latency query too large: it would read more than 1000 stored rows (raw samples); ' +
        'at most 1000 are read per request, and the newest 1000 go back only 2h 14m of the 1d asked. ' +
        "Narrow it: a step of 5m or more (answered from the 5-minute rollups), or a shorter range ('from' at or after " +
        `${iso(T0 + 21 * HOUR + 46 * MIN)} for this 'to').`,
    );
  });

  it('series over the row limit: no step advice when a larger step would not help', () => {
    const message = seriesRowLimitMessage({
      limit: 1000,
      plan: plan({ parts: allRaw }),
      reachedMs: T0 + 20 * HOUR,
    });
    expect(message).not.toContain('step');
    expect(message).toContain('(raw samples)');
    expect(message).toContain(`'from' at or after ${iso(T0 + 20 * HOUR)}`);
  });

  it('matrix over the row limit: suggests a window that fits', () => {
    const mixed = plan({
      fromMs: T0,
      toMs: T0 + 7 * 24 * HOUR,
      splitMs: T0 + 7 * 24 * HOUR - 5 * MIN,
      rollupSplitMs: T0 + 7 * 24 * HOUR - 5 * MIN,
      resolution: 'mixed',
      parts: [
        { kind: 'rollup', fromMs: T0, toMs: T0 + 7 * 24 * HOUR - 5 * MIN },
        {
          kind: 'raw',
          fromMs: T0 + 7 * 24 * HOUR - 5 * MIN,
          toMs: T0 + 7 * 24 * HOUR,
        },
      ],
    });
    expect(
      matrixRowLimitMessage({
        limit: 1000,
        plan: mixed,
        reachedMs: T0 + 7 * 24 * HOUR - 42 * HOUR - 30 * MIN,
      }),
    ).toBe(
      'Latency matrix too large: the 7d window would read more than 1000 stored rows ' +
        '(5-minute rollups and raw samples); at most 1000 are read per request, and the newest 1000 ' +
        'go back only 1d 18h of the 7d asked. Narrow it: a shorter window (window=42h or less).',
    );
    expect(
      matrixRowLimitMessage({
        limit: 1000,
        plan: plan({ parts: allRaw, toMs: T0 + HOUR }),
        reachedMs: T0 + HOUR - 7 * MIN - 10_000,
      }),
    ).toContain('a shorter window (window=7m or less)');
    expect(
      matrixRowLimitMessage({
        limit: 1000,
        plan: plan({ parts: allRaw, toMs: T0 + HOUR }),
        reachedMs: T0 + HOUR - 20_000,
      }),
    ).toMatch(/Narrow it: a shorter window\.$/);
  });

  it('series over the points limit: byPod=false first when by pod, then a step that would fit', () => {
    const byPod = pointLimitMessage({
      limit: 10_000,
      seriesSeen: 200,
      stepSeconds: 30,
      rangeSeconds: 3600,
      byPod: true,
    });
    // 200 series × 60 steps of 1m would still be 12 000 points; 2m fits.
    expect(byPod).toBe(
      'Latency query too large: it would return more than 10000 points ' +
        '(at least 200 series × up to 120 steps of 30s); at most 10000 are returned per request. ' +
        'Narrow it: byPod=false (one series per cluster pair, not per gateway pod), ' +
        'or a step of 2m or more, or a shorter range.',
    );
    const byPair = pointLimitMessage({
      limit: 10_000,
      seriesSeen: 496,
      stepSeconds: 60,
      rangeSeconds: 86_400,
      byPod: false,
    });
    expect(byPair).not.toContain('byPod');
    // 496 series over a day in 10 000 points: a step of at least 4286 s, rounded to 2h.
    expect(byPair).toContain('a step of 2h or more');
  });
});
