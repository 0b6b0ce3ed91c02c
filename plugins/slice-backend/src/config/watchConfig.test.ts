import { ConfigReader } from '@backstage/config';
import { DEFAULT_HUB_TIMING } from '../hubs/HubCache';
import { readWatchTiming } from './watchConfig';

const read = (watch: unknown) =>
  readWatchTiming(new ConfigReader({ slice: { watch } } as any));

describe('readWatchTiming', () => {
  it('uses the defaults when slice.watch is absent', () => {
    expect(readWatchTiming(new ConfigReader({}))).toEqual(DEFAULT_HUB_TIMING);
  });

  it('reads every key as a duration', () => {
    expect(
      read({
        requestTimeout: '10s',
        silenceTimeout: { minutes: 2 },
        reconcileInterval: '30s',
        credentialTimeout: '5s',
        backoff: { initial: '500ms', max: '1m' },
      }),
    ).toMatchObject({
      requestTimeoutMs: 10_000,
      silenceTimeoutMs: 120_000,
      reconcileIntervalMs: 30_000,
      credentialTimeoutMs: 5_000,
      backoff: { initialMs: 500, maxMs: 60_000 },
    });
  });

  it('names the key of a value out of range', () => {
    expect(() => read({ silenceTimeout: '1s' })).toThrow(
      "Invalid config at 'slice.watch.silenceTimeout': must be between 5s and 3600s",
    );
    expect(() => read({ backoff: { initial: '2m', max: '1m' } })).toThrow(
      /slice.watch.backoff.initial/,
    );
  });
});
