import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { useFleet } from '../components/FleetPage/useFleet';
import { HealthStatus } from '../components/HealthStatus/HealthStatus';
import { useSliceUpdatePermissions } from '../components/OnboardWizard/useSliceUpdatePermission';
import { sliceTranslationRef } from '../translation';

/**
 * `ui:field: SlicePicker`: a slice the signed-in user may change (the permission policy's
 * `kubeslice.slice.update`, per slice; others are listed but disabled, with why), with its
 * health, limited to the form's `hub` and `project` when they are set. A tenant sees only its
 * projects' slices. The value is the slice's name.
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
  const permissions = useSliceUpdatePermissions(slices);
  // The form lists the field's errors (rawErrors) below it; here they only colour the input.
  const loadError = error && !fleet ? error.message : undefined;
  return (
    <>
      {permissions.probes}
      <TextField
        select
        fullWidth
        margin="normal"
        data-testid="slice-picker"
        label={schema.title ?? t('scaffolder.slicePicker.label')}
        required={required}
        value={formData ?? ''}
        onChange={e => onChange(e.target.value as string)}
        error={Boolean(loadError) || Boolean(rawErrors?.length)}
        helperText={
          loadError ||
          (fleet && slices.length === 0
            ? t('scaffolder.slicePicker.none')
            : schema.description)
        }
      >
        {slices.map(s => {
          const allowed = permissions.allowed(s);
          return (
            <MenuItem
              key={`${s.hub}/${s.project}/${s.name}`}
              value={s.name}
              disabled={allowed !== true}
            >
              <HealthStatus health={s.health} />
              &nbsp;{s.name} ({s.project})
              {allowed === false &&
                ` — ${t('scaffolder.slicePicker.notAllowed')}`}
            </MenuItem>
          );
        })}
      </TextField>
    </>
  );
}
