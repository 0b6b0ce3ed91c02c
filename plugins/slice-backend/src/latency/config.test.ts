import { ConfigReader } from '@backstage/config';
import { readLatencyConfig } from './config';

function read(latency: unknown) {
  return readLatencyConfig(
    new ConfigReader(latency === undefined ? {} : { slice: { latency } }),
  );
}

describe('readLatencyConfig', () => {
  it('has defaults: 30 s sampling, raw 24 h, rollups 30 d, 1 000 000 rows per query', () => {
    expect(read(undefined)).toEqual({
      source: 'gatewayStatus',
      samplingIntervalMs: 30_000,
      retention: { rawMs: 86_400_000, rollupMs: 30 * 86_400_000 },
      query: { maxRows: 1_000_000 },
    });
  });

  it('reads the row limit of one query', () => {
    expect(read({ query: { maxRows: 250_000 } }).query.maxRows).toBe(250_000);
  });

  it('reads duration strings and objects', () => {
    expect(
      read({
        source: 'gatewayStatus',
        sampling: { interval: '1m' },
        retention: { raw: { hours: 6 }, rollup: '7d' },
      }),
    ).toEqual({
      source: 'gatewayStatus',
      samplingIntervalMs: 60_000,
      retention: { rawMs: 6 * 3_600_000, rollupMs: 7 * 86_400_000 },
      query: { maxRows: 1_000_000 },
    });
    expect(read({ sampling: { interval: 'PT15S' } }).samplingIntervalMs).toBe(
      15_000,
    );
  });

  it.each([
    [{ source: 'prometheus' }, 'slice.latency.source'],
    [{ sampling: { interval: 'often' } }, 'slice.latency.sampling.interval'],
    [{ sampling: { interval: '500ms' } }, 'slice.latency.sampling.interval'],
    [{ sampling: { interval: '2h' } }, 'slice.latency.sampling.interval'],
    [{ retention: { raw: '1m' } }, 'slice.latency.retention.raw'],
    [{ retention: { raw: { weeks: 'x' } } }, 'slice.latency.retention.raw'],
    [
      { retention: { raw: '2d', rollup: '1d' } },
      'slice.latency.retention.rollup',
    ],
    [{ query: { maxRows: 999 } }, 'slice.latency.query.maxRows'],
    [{ query: { maxRows: 1500.5 } }, 'slice.latency.query.maxRows'],
    [{ query: { maxRows: 'many' } }, 'slice.latency.query.maxRows'],
  ])('rejects %j naming %s', (latency, key) => {
    expect(() => read(latency)).toThrow(key);
  });
});
