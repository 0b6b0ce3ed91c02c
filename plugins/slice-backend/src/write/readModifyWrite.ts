import { ConflictError } from '@backstage/errors';
import { isResourceVersionConflict } from './kubeErrors';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Upper bound of the first backoff; doubles per conflict up to `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 25,
  initialDelayMs: 10,
  maxDelayMs: 500,
};

export interface ReadModifyWriteOptions<T extends { metadata?: any }, R> {
  /** Reads the current object (fresh from the API server, never from a cache). */
  read: () => Promise<T>;
  /**
   * Computes the object to write from the current one. Runs again after every conflict, on
   * the newer object, so a concurrent writer's change is kept. Throws to refuse (no retry).
   */
  modify: (current: T, attempt: number) => T | Promise<T>;
  /** Writes the object; it carries the resourceVersion it was read at, so a stale write gets a 409. */
  write: (proposed: T, current: T) => Promise<R>;
  policy?: RetryPolicy;
  /** For tests: replaces the jittered sleep. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface ReadModifyWriteResult<T, R> {
  result: R;
  current: T;
  proposed: T;
  /** 1 when the first write went through. */
  attempts: number;
}

const defaultSleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * Read-modify-write with a resourceVersion precondition and a bounded retry on 409.
 * The precondition makes the API server refuse a write based on an object someone else
 * changed meanwhile; re-reading and re-applying the change then keeps both writers' work.
 * Backoff is "full jitter" (a random delay up to a doubling cap), so writers that collided
 * spread out instead of colliding again in lockstep.
 */
export async function readModifyWrite<T extends { metadata?: any }, R>(
  options: ReadModifyWriteOptions<T, R>,
): Promise<ReadModifyWriteResult<T, R>> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    const current = await options.read();
    const proposed = await options.modify(current, attempt);
    const resourceVersion = current.metadata?.resourceVersion;
    if (!resourceVersion) {
      // Without a version the API server cannot detect a lost update; never write blind.
      throw new Error('the object read has no metadata.resourceVersion');
    }
    proposed.metadata = { ...proposed.metadata, resourceVersion };
    try {
      const result = await options.write(proposed, current);
      return { result, current, proposed, attempts: attempt };
    } catch (error) {
      if (!isResourceVersionConflict(error)) throw error;
      if (attempt >= policy.maxAttempts) {
        throw new ConflictError(
          `The object kept changing while it was being written (${attempt} attempts, each refused with 409 Conflict); try again`,
        );
      }
      const cap = Math.min(
        policy.maxDelayMs,
        policy.initialDelayMs * 2 ** (attempt - 1),
      );
      await sleep(Math.round(random() * cap));
    }
  }
}
