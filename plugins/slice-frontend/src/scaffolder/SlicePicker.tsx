import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { useFleet } from '../components/FleetPage/useFleet';
import { HealthStatus } from '../components/HealthStatus/HealthStatus';
import { sliceTranslationRef } from '../translation';

/**
 * `ui:field: SlicePicker`: one of the slices the signed-in user can see (a tenant sees only
 * its projects' slices), with its health, limited to the form's `hub` and `project` when they
 * are set. The value is the slice's name.
 */
export function SlicePicker(props: FieldExtensionComponentProps<string>) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const { formData, onChange, rawErrors, required, schema, formContext } =
    props;
  const form = (formContext?.formData ?? {}) as {
    hub?: string;
    project?: string;
  };
  const { fleet, error } = useFleet();
  const slices = (fleet?.slices ?? []).filter(
    s =>
      (!form.hub || s.hub === form.hub) &&
      (!form.project || s.project === form.project),
  );
  const problem = error && !fleet ? error.message : rawErrors?.join(' ');
  return (
    <TextField
      select
      fullWidth
      margin="normal"
      data-testid="slice-picker"
      label={schema.title ?? t('scaffolder.slicePicker.label')}
      required={required}
      value={formData ?? ''}
      onChange={e => onChange(e.target.value as string)}
      error={Boolean(problem)}
      helperText={
        problem ||
        (fleet && slices.length === 0
          ? t('scaffolder.slicePicker.none')
          : schema.description)
      }
    >
      {slices.map(s => (
        <MenuItem key={`${s.hub}/${s.project}/${s.name}`} value={s.name}>
          <HealthStatus health={s.health} />
          &nbsp;{s.name} ({s.project})
        </MenuItem>
      ))}
    </TextField>
  );
}
