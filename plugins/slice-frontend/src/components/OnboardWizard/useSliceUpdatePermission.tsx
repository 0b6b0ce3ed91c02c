import { useCallback, useEffect, useState } from 'react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  sliceResourceRef,
  sliceUpdatePermission,
} from '@slice-portal/plugin-slice-common';
import type { SliceRef } from '../../api/SliceApi';

export const sliceKey = (r: SliceRef) => `${r.hub}/${r.project}/${r.name}`;

/** Decides `kubeslice.slice.update` on one slice and reports it; renders nothing. */
function SlicePermissionProbe({
  slice,
  onDecision,
}: {
  slice: SliceRef;
  onDecision(key: string, allowed: boolean | undefined): void;
}) {
  const { loading, allowed } = usePermission({
    permission: sliceUpdatePermission,
    resourceRef: sliceResourceRef(slice),
  });
  const k = sliceKey(slice);
  const value = loading ? undefined : allowed;
  useEffect(() => onDecision(k, value), [k, value, onDecision]);
  return null;
}

/**
 * Whether the user may change each of `slices` (onboard, offboard, isolation), decided by the
 * permission policy per slice through `usePermission`; undefined while it is being decided.
 * Render `probes` somewhere in the tree.
 */
export function useSliceUpdatePermissions(slices: readonly SliceRef[]) {
  const [decisions, setDecisions] = useState<
    Record<string, boolean | undefined>
  >({});
  const onDecision = useCallback(
    (k: string, allowed: boolean | undefined) =>
      setDecisions(d => (d[k] === allowed ? d : { ...d, [k]: allowed })),
    [],
  );
  const probes = slices.map(s => (
    <SlicePermissionProbe key={sliceKey(s)} slice={s} onDecision={onDecision} />
  ));
  return {
    probes,
    allowed: (s: SliceRef) => decisions[sliceKey(s)],
  };
}
