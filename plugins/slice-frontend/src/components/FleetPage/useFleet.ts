import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type { FleetResponse } from '@slice-portal/plugin-slice-common';
import { sliceApiRef } from '../../api/SliceApi';

export interface FleetState {
  fleet?: FleetResponse;
  /** The last refresh's error; `fleet` still holds the data loaded before it. */
  error?: Error;
  loading: boolean;
  refresh: () => void;
}

/** Default refresh period: the backend answers from its watch caches, so polling is cheap. */
export const FLEET_REFRESH_MS = 15000;

/**
 * Loads the fleet and refreshes it periodically. Keeps the previous answer while a
 * refresh is running or after it failed, so the page never flickers back to a spinner.
 */
export function useFleet(refreshMs: number = FLEET_REFRESH_MS): FleetState {
  const api = useApi(sliceApiRef);
  const [fleet, setFleet] = useState<FleetResponse>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const controller = useRef<AbortController>();

  const refresh = useCallback(() => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setLoading(true);
    api
      .getFleet({ signal: current.signal })
      .then(result => {
        if (current.signal.aborted) return;
        setFleet(result);
        setError(undefined);
      })
      .catch(e => {
        if (current.signal.aborted) return;
        setError(e instanceof Error ? e : new Error(String(e)));
      })
      .finally(() => {
        if (!current.signal.aborted) setLoading(false);
      });
  }, [api]);

  useEffect(() => {
    refresh();
    const timer = refreshMs > 0 ? setInterval(refresh, refreshMs) : undefined;
    return () => {
      if (timer) clearInterval(timer);
      controller.current?.abort();
    };
  }, [refresh, refreshMs]);

  return { fleet, error, loading, refresh };
}
