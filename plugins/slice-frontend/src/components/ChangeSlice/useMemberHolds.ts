import { useMemo } from 'react';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  memberHold,
  type SliceDetail,
} from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';

/**
 * The members of the slice as stored that cannot simply leave it, each with why (namespaces
 * onboarded on it, services exported from it), for the members step.
 */
export function useMemberHolds(
  slice: Pick<SliceDetail, 'members' | 'namespaceStates' | 'services'>,
  members: readonly string[],
): Record<string, string> {
  const { t } = useTranslationRef(sliceTranslationRef);
  return useMemo(() => {
    const out: Record<string, string> = {};
    for (const cluster of members) {
      const hold = memberHold(slice, cluster);
      if (!hold) continue;
      const why: string[] = [];
      if (hold.namespaces.length)
        why.push(
          t('changeSlice.held.namespaces', {
            list: hold.namespaces.join(', '),
          }),
        );
      if (hold.exports.length)
        why.push(
          t('changeSlice.held.exports', { list: hold.exports.join(', ') }),
        );
      out[cluster] = why.join('; ');
    }
    return out;
  }, [slice, members, t]);
}
