/**
 * Time as the watch layer sees it. Injected so that tests run reconnects, backoff, silence
 * detection and timeouts in virtual time instead of waiting for them.
 */
export interface Clock {
  now(): number;
  /** Runs `fn` after `ms`; background timers must not keep the process alive. */
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
}

export interface TimerHandle {
  readonly id: unknown;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const id = setTimeout(fn, ms);
    id.unref();
    return { id };
  },
  clearTimeout(handle) {
    if (handle) clearTimeout(handle.id as NodeJS.Timeout);
  },
};

/** Resolves after `ms` on `clock`, or at once when `signal` aborts. */
export function sleep(
  clock: Clock,
  ms: number,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise(resolve => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    let timer: TimerHandle | undefined = undefined;
    const done = () => {
      clock.clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    timer = clock.setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export class TimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} timed out after ${formatDuration(ms)}`);
    this.name = 'TimeoutError';
  }
}

/**
 * Runs `call` with an AbortSignal that fires after `ms`, and rejects with a TimeoutError
 * then even if the call ignores the signal: a hung request must never block the caller.
 */
export async function withTimeout<T>(options: {
  clock: Clock;
  ms: number;
  what: string;
  call: (signal: AbortSignal) => Promise<T>;
  /** Aborts the call early (the caller stopped); the promise then rejects with an AbortError. */
  signal?: AbortSignal;
}): Promise<T> {
  const { clock, ms, what, call, signal } = options;
  const controller = new AbortController();
  let timer: TimerHandle | undefined;
  let onAbort: (() => void) | undefined;
  const interrupted = new Promise<never>((_, reject) => {
    timer = clock.setTimeout(() => {
      controller.abort();
      reject(new TimeoutError(what, ms));
    }, ms);
    onAbort = () => {
      controller.abort();
      reject(new DOMException(`${what} was cancelled`, 'AbortError'));
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
  // Whichever of the two loses the race may still reject later: both rejections are expected
  // (and a call that throws at once must not leave `interrupted` rejected with no handler).
  interrupted.catch(() => undefined);
  let result: Promise<T>;
  try {
    result = call(controller.signal);
  } catch (error) {
    result = Promise.reject(error);
  }
  result.catch(() => undefined);
  try {
    return await Promise.race([result, interrupted]);
  } finally {
    clock.clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

/** `95s` → `1m35s`; for messages that say how old something is. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  const hours = Math.floor(minutes / 60);
  return `${hours}h${String(minutes % 60).padStart(2, '0')}m`;
}

/**
 * Exponential backoff with "equal jitter": the delay of attempt n lies between half and all of
 * min(cap, initial·2ⁿ), so 200 workers that failed together do not all retry in the same instant.
 */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  /** In [0, 1); injected for deterministic tests. */
  random?: () => number;
}

export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(
    options.maxMs,
    options.initialMs * 2 ** Math.min(attempt, 30),
  );
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
