import { useCallback, useEffect, useRef, useState } from 'react';

export interface PolledState<T> {
  value?: T;
  /** The last load's error; `value` still holds what loaded before it (then it is stale). */
  error?: Error;
  loading: boolean;
  /** When `value` was loaded (ms since epoch). */
  loadedAt?: number;
  refresh: () => void;
}

/** Default refresh period: the backend answers from its watch caches, so polling is cheap. */
export const DEFAULT_REFRESH_MS = 15000;

function toError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

/**
 * Loads a value and refreshes it periodically. Keeps the previous value while a refresh runs
 * or after it failed, so a page never flickers back to a spinner; a new `key` (another slice,
 * another window) starts empty so that nothing of the previous one is shown as current.
 *
 * @param key - identifies what is loaded; `undefined` loads nothing.
 * @param load - fetches the value; called again whenever `key` changes.
 * @param refreshMs - polling period; 0 turns polling off.
 */
export function usePolled<T>(
  key: string | undefined,
  load: (signal: AbortSignal) => Promise<T>,
  refreshMs: number = DEFAULT_REFRESH_MS,
  now: () => number = Date.now,
): PolledState<T> {
  const [state, setState] = useState<{
    key?: string;
    value?: T;
    error?: Error;
    loadedAt?: number;
    loading: boolean;
  }>({ key, loading: key !== undefined });
  const controller = useRef<AbortController>();
  const loadRef = useRef(load);
  loadRef.current = load;

  const refresh = useCallback(() => {
    if (key === undefined) return;
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState(s =>
      s.key === key ? { ...s, loading: true } : { key, loading: true },
    );
    loadRef
      .current(current.signal)
      .then(value => {
        if (current.signal.aborted) return;
        setState({ key, value, loadedAt: now(), loading: false });
      })
      .catch(e => {
        if (current.signal.aborted) return;
        setState(s => ({
          ...(s.key === key ? s : { key }),
          error: toError(e),
          loading: false,
        }));
      });
  }, [key, now]);

  useEffect(() => {
    refresh();
    const timer = refreshMs > 0 ? setInterval(refresh, refreshMs) : undefined;
    return () => {
      if (timer) clearInterval(timer);
      controller.current?.abort();
    };
  }, [refresh, refreshMs]);

  if (state.key !== key) {
    // The key changed and the effect has not run yet: never show the old key's data.
    return { loading: key !== undefined, refresh };
  }
  return {
    value: state.value,
    error: state.error,
    loading: state.loading,
    loadedAt: state.loadedAt,
    refresh,
  };
}
