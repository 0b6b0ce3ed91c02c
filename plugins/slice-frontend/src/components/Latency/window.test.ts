import type { LatencySeriesResponse } from '@slice-portal/plugin-slice-common';
import {
  DEFAULT_LATENCY_WINDOW,
  MIN_FITTED_SPAN_MS,
  chartRange,
  gapThresholdMs,
  latencyWindow,
} from './window';

const TO = Date.parse('2026-05-01T12:00:00Z');
const HOUR = 3_600_000;

function answer(sampleTimes: number[][]): LatencySeriesResponse {
  return {
    hub: 'demo',
    project: 'arcade',
    slice: 'pacman',
    from: new Date(TO - HOUR).toISOString(),
    to: new Date(TO).toISOString(),
    stepSeconds: 15,
    resolution: 'raw',
    series: sampleTimes.map((times, i) => ({
      clusters: [`a${i}`, `b${i}`] as [string, string],
      points: times.map(t => ({
        t: new Date(t).toISOString(),
        latencyMs: 40,
        latencyMaxMs: 40,
        packetLossPercent: 0,
        packetLossMaxPercent: 0,
        txRateKbps: null,
        rxRateKbps: null,
        samples: 1,
        downSamples: 0,
      })),
    })),
  };
}

describe('latencyWindow', () => {
  it('defaults to the fitted hour, also for a value it does not know', () => {
    expect(DEFAULT_LATENCY_WINDOW).toBe('auto');
    expect(latencyWindow(null)).toMatchObject({
      value: 'auto',
      seconds: 3600,
      matrixWindow: '1h',
    });
    expect(latencyWindow('2y').value).toBe('auto');
    expect(latencyWindow('6h')).toMatchObject({ seconds: 21600 });
  });
});

describe('chartRange', () => {
  it('fits the axis to the first sample of any pair when asked', () => {
    const data = answer([
      [TO - 9 * 60_000, TO - 8 * 60_000],
      [TO - 12 * 60_000, TO - 60_000],
    ]);
    expect(chartRange(data, true)).toEqual({
      from: TO - 12 * 60_000,
      to: TO,
      fitted: true,
    });
    expect(chartRange(data, false)).toEqual({
      from: TO - HOUR,
      to: TO,
      fitted: false,
    });
  });

  it('shows at least five minutes, and never more than the answer', () => {
    expect(chartRange(answer([[TO - 30_000]]), true)).toEqual({
      from: TO - MIN_FITTED_SPAN_MS,
      to: TO,
      fitted: true,
    });
    expect(chartRange(answer([[TO - HOUR, TO - 60_000]]), true)).toEqual({
      from: TO - HOUR,
      to: TO,
      fitted: false,
    });
  });

  it('keeps the whole range when there is no sample', () => {
    expect(chartRange(answer([[]]), true).fitted).toBe(false);
  });
});

describe('gapThresholdMs', () => {
  it('uses the step when samples come every step', () => {
    expect(gapThresholdMs([0, 15_000, 30_000, 45_000], 15_000)).toBe(22_500);
  });

  it('uses the usual spacing when the sampler is slower than the step', () => {
    // 30 s samples in 15 s steps, one real gap of 5 minutes.
    const times = [0, 30_000, 60_000, 90_000, 390_000, 420_000];
    const threshold = gapThresholdMs(times, 15_000);
    expect(threshold).toBe(45_000);
    expect(30_000).toBeLessThan(threshold);
    expect(300_000).toBeGreaterThan(threshold);
  });

  it('falls back to the step for a single point', () => {
    expect(gapThresholdMs([0], 60_000)).toBe(90_000);
  });
});
