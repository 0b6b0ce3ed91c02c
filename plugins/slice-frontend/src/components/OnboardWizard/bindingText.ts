import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { CellBinding } from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';

/** What a namespace is bound to on one cluster, as the onboarding grid and the scaffolder's namespace picker say it. */
export function useBindingText() {
  const { t } = useTranslationRef(sliceTranslationRef);
  return {
    text(b: CellBinding): string {
      switch (b.kind) {
        case 'thisSlice':
          return b.onboarded
            ? t('onboardWizard.grid.onboarded')
            : t('onboardWizard.grid.pending');
        case 'leaving':
          return t('onboardWizard.grid.leaving');
        case 'otherSlice':
          return t('onboardWizard.grid.otherSlice', { slice: b.slice });
        default:
          return b.exists
            ? t('onboardWizard.grid.free')
            : t('onboardWizard.grid.absent');
      }
    },
    /** Where a conflict was seen: the worker's report or another slice's members. */
    source(b: CellBinding): string | undefined {
      if (b.kind !== 'otherSlice') return undefined;
      if (b.source === 'cluster')
        return t('onboardWizard.grid.conflictSourceCluster');
      return t('onboardWizard.grid.conflictSourceSlice', { slice: b.slice });
    },
  };
}
