import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Box from '@material-ui/core/Box';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  isDnsLabel,
  type CreateSliceForm,
} from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import { useFieldFindings } from '../Wizard';
import type { ProjectChoice } from './useCreatableProjects';

const pkey = (p: { hub: string; project: string }) => `${p.hub}/${p.project}`;

/** Step 1: the project (only those the user may create slices in can be chosen) and the name. */
export function ProjectStep({
  form,
  onChange,
  projects,
  nameTaken,
}: {
  form: CreateSliceForm;
  onChange(patch: Partial<CreateSliceForm>): void;
  projects: ProjectChoice[];
  nameTaken: boolean;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const projectField = useFieldFindings('metadata.namespace');
  const nameField = useFieldFindings(
    'metadata.name',
    t('createSlice.project.nameHelp'),
  );
  const requestName = useFieldFindings('name');
  const showHub = new Set(projects.map(p => p.hub)).size > 1;
  const nameInvalid = form.name !== '' && !isDnsLabel(form.name);
  let localError: string | undefined;
  if (nameInvalid) localError = t('createSlice.project.nameInvalid');
  else if (nameTaken)
    localError = t('createSlice.project.nameTaken', {
      project: form.project,
      name: form.name,
    });
  return (
    <Box
      display="flex"
      flexDirection="column"
      maxWidth={520}
      style={{ gap: 24 }}
    >
      <TextField
        select
        label={t('createSlice.project.label')}
        value={form.project ? pkey(form) : ''}
        onChange={e => {
          const [hub, project] = String(e.target.value).split('/');
          onChange({ hub, project, clusters: [] });
        }}
        {...projectField}
        inputProps={{ 'data-testid': 'project-select' }}
      >
        {projects.map(p => (
          <MenuItem
            key={pkey(p)}
            value={pkey(p)}
            disabled={!p.allowed}
            data-testid={`project-option-${p.project}`}
          >
            {showHub
              ? `${p.project} (${t('createSlice.project.hub')} ${p.hub})`
              : p.project}
            {p.allowed === false && ` — ${t('createSlice.project.notAllowed')}`}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label={t('createSlice.project.name')}
        value={form.name}
        onChange={e => onChange({ name: e.target.value.toLowerCase() })}
        inputProps={{ 'data-testid': 'slice-name', maxLength: 63 }}
        {...nameField}
        error={nameField.error || requestName.error || Boolean(localError)}
        helperText={
          localError ??
          (requestName.error ? requestName.helperText : nameField.helperText)
        }
        FormHelperTextProps={{ 'data-testid': 'slice-name-help' } as object}
      />
    </Box>
  );
}
