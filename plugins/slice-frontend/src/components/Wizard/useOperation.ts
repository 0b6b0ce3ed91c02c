import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { sliceApiRef, type Operation } from '../../api/SliceApi';

export interface PollTiming {
  /** First delay, and the delay after the operation changed. */
  minMs: number;
  /** Longest delay while nothing changes. */
  maxMs: number;
  /** Longest delay between attempts while the backend does not answer. */
  maxOfflineMs: number;
}

export const DEFAULT_POLL: PollTiming = {
  minMs: 1000,
  maxMs: 8000,
  maxOfflineMs: 15000,
};

export interface OperationState {
  operation?: Operation;
  /** The last poll got no answer: still trying, with the last known progress shown. */
  reconnecting: boolean;
  /** The backend answered with an error (e.g. 404: the operation is not known). */
  error?: Error;
}

const isStatusError = (e: unknown) =>
  typeof (e as { statusCode?: unknown })?.statusCode === 'number';

/**
 * Follows `GET /v1/operations/{id}` until it is done, failed or timed out: polls sooner
 * after a change and backs off (×1.5) while nothing changes; when the backend cannot be
 * reached it keeps the last progress, says it is reconnecting and tries again with a
 * longer backoff (×2) for as long as the page is open.
 */
export function useOperation(
  id: string | undefined,
  initial?: Operation,
  timing: PollTiming = DEFAULT_POLL,
): OperationState {
  const api = useApi(sliceApiRef);
  const [state, setState] = useState<OperationState>({
    operation: initial,
    reconnecting: false,
  });
  const { minMs, maxMs, maxOfflineMs } = timing;

  useEffect(() => {
    if (!id) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    let last = initial ? JSON.stringify(initial) : '';
    const poll = async (delay: number) => {
      let next = delay;
      try {
        const op = await api.getOperation(
          { id },
          { signal: controller.signal },
        );
        if (stopped) return;
        const text = JSON.stringify(op);
        next = text === last ? Math.min(delay * 1.5, maxMs) : minMs;
        last = text;
        setState({ operation: op, reconnecting: false });
        if (op.state !== 'running') return;
      } catch (error) {
        if (stopped) return;
        if (isStatusError(error)) {
          setState(s => ({ ...s, reconnecting: false, error: error as Error }));
          return;
        }
        setState(s => ({ ...s, reconnecting: true }));
        next = Math.min(delay * 2, maxOfflineMs);
      }
      timer = setTimeout(() => poll(next), next);
    };
    if (initial && initial.state !== 'running') return undefined;
    timer = setTimeout(() => poll(minMs), initial ? minMs : 0);
    return () => {
      stopped = true;
      controller.abort();
      if (timer) clearTimeout(timer);
    };
    // `initial` only seeds the first answer; a new id restarts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, api, minMs, maxMs, maxOfflineMs]);

  return state;
}
