import type { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { CreateSliceForm } from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import { NamespaceList } from './NamespaceList';

const PROFILE = 'spec.namespaceIsolationProfile';

/**
 * Step 4: application namespaces, isolation, and the namespaces allowed to reach them.
 * `applicationNote` (changing a slice): shown instead of the application namespaces' list.
 */
export function NamespacesStep({
  form,
  onChange,
  applicationNote,
}: {
  form: CreateSliceForm;
  onChange(patch: Partial<CreateSliceForm>): void;
  applicationNote?: ReactNode;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 24 }}>
      {applicationNote ?? (
        <NamespaceList
          title={t('createSlice.namespaces.application')}
          entries={form.namespaces}
          basePath={`${PROFILE}.applicationNamespaces`}
          members={form.clusters}
          testId="app-ns"
          onChange={namespaces => onChange({ namespaces })}
        />
      )}
      <FormControlLabel
        control={
          <Checkbox
            color="primary"
            checked={form.isolationEnabled}
            onChange={e => onChange({ isolationEnabled: e.target.checked })}
          />
        }
        label={t('createSlice.namespaces.isolation')}
      />
      {form.isolationEnabled && (
        <NamespaceList
          title={t('createSlice.namespaces.allowed')}
          entries={form.allowedNamespaces}
          basePath={`${PROFILE}.allowedNamespaces`}
          members={form.clusters}
          testId="allowed-ns"
          onChange={allowedNamespaces => onChange({ allowedNamespaces })}
        />
      )}
    </Box>
  );
}
