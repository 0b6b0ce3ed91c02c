/**
 * Bound for a hook that starts a simulator and/or a test backend and waits for its first full
 * sync. A cold first run on a loaded 2-core machine took over 60 s for that; the bound is there
 * to end a hang, not to judge speed (performance lives in bench/).
 */
export const START_TIMEOUT_MS = 180_000;
/** Readiness waits inside such a hook: below START_TIMEOUT_MS, so they fail with their last value. */
export const READY_TIMEOUT_MS = 150_000;

/** Polls `fn` until `check` holds, failing with the last value after `timeoutMs`. */
export async function eventually<T>(
  fn: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (check(value)) return value;
    if (Date.now() > deadline)
      throw new Error(
        `condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(
          value,
        ).slice(0, 3000)}`,
      );
    await new Promise(r => setTimeout(r, 150));
  }
}
