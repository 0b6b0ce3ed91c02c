import { VirtualClock, flush } from '../__testUtils__/virtualTime';
import {
  TimeoutError,
  backoffDelay,
  formatDuration,
  withTimeout,
} from './clock';

describe('withTimeout', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  it('rejects with a TimeoutError naming the call, and aborts its signal', async () => {
    const clock = new VirtualClock();
    let seen: AbortSignal | undefined;
    const pending = withTimeout({
      clock,
      ms: 3_000,
      what: 'reading x',
      call: signal => {
        seen = signal;
        return new Promise(() => {});
      },
    });
    const outcome = pending.catch((error: unknown) => error);
    await clock.advance(3_000);
    expect(await outcome).toEqual(new TimeoutError('reading x', 3_000));
    expect(seen?.aborted).toBe(true);
  });

  it('leaves no unhandled rejection when the caller already stopped and the call throws at once', async () => {
    const clock = new VirtualClock();
    const stopped = new AbortController();
    stopped.abort();
    await expect(
      withTimeout({
        clock,
        ms: 1_000,
        what: 'x',
        signal: stopped.signal,
        call: () => {
          throw new TypeError('bug');
        },
      }),
    ).rejects.toThrow();
    await flush();
    expect(unhandled).toEqual([]);
  });

  it('leaves no unhandled rejection when the call fails after the timeout won', async () => {
    const clock = new VirtualClock();
    let fail: (e: Error) => void = () => {};
    const pending = withTimeout({
      clock,
      ms: 10,
      what: 'x',
      call: () => new Promise((_, reject) => (fail = reject)),
    });
    const outcome = pending.catch((error: unknown) => error);
    await clock.advance(10);
    expect(await outcome).toBeInstanceOf(TimeoutError);
    fail(new Error('late'));
    await flush();
    expect(unhandled).toEqual([]);
  });
});

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the cap, with half of it jittered', () => {
    const options = { initialMs: 1_000, maxMs: 8_000 };
    expect(
      [0, 1, 2, 3, 4, 10].map(n =>
        backoffDelay(n, { ...options, random: () => 1 }),
      ),
    ).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    expect(backoffDelay(3, { ...options, random: () => 0 })).toBe(4_000);
  });
});

describe('formatDuration', () => {
  it('says how long in the largest units that matter', () => {
    expect(
      [0, 1_400, 59_600, 95_000, 3_600_000, 5_430_000].map(formatDuration),
    ).toEqual(['0s', '1s', '1m00s', '1m35s', '1h00m', '1h30m']);
  });
});
