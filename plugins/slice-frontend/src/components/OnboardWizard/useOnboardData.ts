import { useCallback, useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type {
  ClusterDetail,
  SliceDetail,
} from '@slice-portal/plugin-slice-common';
import { sliceApiRef, type SliceRef } from '../../api/SliceApi';

export interface OnboardData {
  slice?: SliceDetail;
  /** The members' reports that could be read (a member the user may not read is left out). */
  clusters: ClusterDetail[];
  loading: boolean;
  error?: Error;
  /** Loads the slice and its members again (after a 409, before re-applying). */
  reload(): Promise<SliceDetail | undefined>;
}

/**
 * The chosen slice as stored now, with its members' namespace reports (what each namespace is
 * bound to on each cluster). Loaded once per slice and again on `reload()`, not polled: the
 * grid must not move under the user's pointer.
 */
export function useOnboardData(ref: SliceRef | undefined): OnboardData {
  const api = useApi(sliceApiRef);
  const [state, setState] = useState<Omit<OnboardData, 'reload'>>({
    clusters: [],
    loading: Boolean(ref),
  });
  const key = ref ? `${ref.hub}/${ref.project}/${ref.name}` : '';

  const load = useCallback(async (): Promise<SliceDetail | undefined> => {
    if (!ref) {
      setState({ clusters: [], loading: false });
      return undefined;
    }
    setState(s => ({ ...s, loading: true }));
    try {
      const slice = await api.getSlice(ref);
      const clusters = await Promise.all(
        slice.members.map(m =>
          api
            .getCluster({ hub: ref.hub, name: m.cluster })
            .then(c => c as ClusterDetail)
            .catch(() => undefined),
        ),
      );
      setState({
        slice,
        clusters: clusters.filter((c): c is ClusterDetail => Boolean(c)),
        loading: false,
      });
      return slice;
    } catch (error) {
      setState(s => ({ ...s, loading: false, error: error as Error }));
      return undefined;
    }
    // `key` stands for `ref`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);

  useEffect(() => {
    setState({ clusters: [], loading: Boolean(key) });
    load();
  }, [key, load]);

  return { ...state, reload: load };
}
