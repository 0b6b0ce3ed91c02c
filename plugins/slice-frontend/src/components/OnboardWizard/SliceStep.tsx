import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Alert from '@material-ui/lab/Alert';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { SliceSummary } from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import type { SliceRef } from '../../api/SliceApi';
import { sliceKey } from './useSliceUpdatePermission';

export interface SliceChoice {
  slice: SliceSummary;
  /** undefined while the permission is being decided. */
  allowed?: boolean;
}

/**
 * Step 1: the slice to change. Every slice the user can see is listed; one they may not
 * change is disabled with the reason. A slice asked for in the link that the user cannot see
 * (another tenant's) is said to be unknown, and nothing can be picked for it.
 */
export function SliceStep({
  choices,
  value,
  requested,
  onChange,
}: {
  choices: SliceChoice[];
  value?: SliceRef;
  /** The slice named in the link, when it is not among `choices`. */
  requested?: string;
  onChange(ref: SliceRef): void;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const selected = value ? sliceKey(value) : '';
  const chosen = choices.find(c => sliceKey(c.slice) === selected);
  return (
    <>
      {requested && (
        <Alert severity="error" data-testid="slice-not-visible">
          {t('onboardWizard.slice.notVisible', { slice: requested })}
        </Alert>
      )}
      {chosen?.allowed === false && (
        <Alert severity="error" data-testid="slice-not-allowed">
          {t('onboardWizard.mayNotChange', { name: chosen.slice.name })}
        </Alert>
      )}
      <FormControl fullWidth margin="normal" variant="outlined">
        <InputLabel id="onboard-slice-label">
          {t('onboardWizard.slice.label')}
        </InputLabel>
        <Select
          labelId="onboard-slice-label"
          label={t('onboardWizard.slice.label')}
          value={chosen ? selected : ''}
          onChange={e => {
            const c = choices.find(x => sliceKey(x.slice) === e.target.value);
            if (c)
              onChange({
                hub: c.slice.hub,
                project: c.slice.project,
                name: c.slice.name,
              });
          }}
          inputProps={{ 'data-testid': 'onboard-slice' }}
        >
          {choices.map(c => {
            const k = sliceKey(c.slice);
            let reason: string = t('onboardWizard.loadingPermissions');
            if (c.allowed === false)
              reason = t('onboardWizard.slice.notAllowed');
            else if (c.allowed)
              reason = t('onboardWizard.slice.members', {
                n: String(c.slice.members.length),
              });
            return (
              <MenuItem
                key={k}
                value={k}
                disabled={!c.allowed}
                data-testid={`slice-option-${k}`}
              >
                {`${c.slice.name} (${c.slice.project}, ${c.slice.hub}) — ${reason}`}
              </MenuItem>
            );
          })}
        </Select>
        <FormHelperText>{t('onboardWizard.slice.help')}</FormHelperText>
      </FormControl>
    </>
  );
}
