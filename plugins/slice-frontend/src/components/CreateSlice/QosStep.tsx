import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import InputAdornment from '@material-ui/core/InputAdornment';
import MenuItem from '@material-ui/core/MenuItem';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  DSCP_CLASSES,
  emptyCreateSliceForm,
  type CreateSliceForm,
} from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import { useFieldFindings } from '../Wizard';

type Details = Extract<CreateSliceForm['qos'], { kind: 'custom' }>['details'];
const DETAILS = 'spec.qosProfileDetails';

/** What keeps the QoS step from going on (a profile without a name), or undefined. */
export function useQosBlocker(form: CreateSliceForm): string | undefined {
  const { t } = useTranslationRef(sliceTranslationRef);
  return form.qos.kind === 'profile' && !form.qos.profile
    ? t('createSlice.qos.profileRequired')
    : undefined;
}

/** Step 5: QoS, by a profile of the project or by custom values (with their units). */
export function QosStep({
  form,
  onChange,
}: {
  form: CreateSliceForm;
  onChange(patch: Partial<CreateSliceForm>): void;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const profileField = useFieldFindings(
    'spec.standardQosProfileName',
    t('createSlice.qos.profileHelp', { project: form.project }),
  );
  const ceiling = useFieldFindings(`${DETAILS}.bandwidthCeilingKbps`);
  const guaranteed = useFieldFindings(`${DETAILS}.bandwidthGuaranteedKbps`);
  const priority = useFieldFindings(
    `${DETAILS}.priority`,
    t('createSlice.qos.priorityHelp'),
  );
  const dscp = useFieldFindings(`${DETAILS}.dscpClass`);
  const qos = form.qos;
  const setDetails = (patch: Partial<Details>) =>
    qos.kind === 'custom' &&
    onChange({
      qos: { kind: 'custom', details: { ...qos.details, ...patch } },
    });
  const kbps = {
    endAdornment: (
      <InputAdornment position="end">
        {t('createSlice.qos.kbps')}
      </InputAdornment>
    ),
  };
  const below =
    qos.kind === 'custom' &&
    qos.details.bandwidthCeilingKbps < qos.details.bandwidthGuaranteedKbps;
  return (
    <Box
      display="flex"
      flexDirection="column"
      maxWidth={520}
      style={{ gap: 20 }}
    >
      <RadioGroup
        row
        aria-label={t('createSlice.qos.kind')}
        value={qos.kind}
        onChange={e =>
          onChange({
            qos:
              e.target.value === 'profile'
                ? { kind: 'profile', profile: '' }
                : emptyCreateSliceForm().qos,
          })
        }
      >
        <FormControlLabel
          value="profile"
          control={<Radio color="primary" />}
          label={t('createSlice.qos.profile')}
        />
        <FormControlLabel
          value="custom"
          control={<Radio color="primary" />}
          label={t('createSlice.qos.custom')}
        />
      </RadioGroup>
      {qos.kind === 'profile' ? (
        <TextField
          label={t('createSlice.qos.profileName')}
          value={qos.profile}
          onChange={e =>
            onChange({
              qos: { kind: 'profile', profile: e.target.value.trim() },
            })
          }
          inputProps={{ 'data-testid': 'qos-profile' }}
          required
          {...profileField}
          // An empty name blocks Review (the page's blocker); say here which field it is.
          error={profileField.error || !qos.profile}
          helperText={
            !profileField.error && !qos.profile
              ? t('createSlice.qos.profileRequired')
              : profileField.helperText
          }
          FormHelperTextProps={{ 'data-testid': 'qos-profile-help' } as object}
        />
      ) : (
        <>
          <TextField
            type="number"
            label={t('createSlice.qos.ceiling')}
            value={qos.details.bandwidthCeilingKbps}
            onChange={e =>
              setDetails({ bandwidthCeilingKbps: Number(e.target.value) })
            }
            InputProps={kbps}
            inputProps={{ min: 0, 'data-testid': 'qos-ceiling' }}
            {...ceiling}
            error={ceiling.error || below}
            helperText={
              below ? t('createSlice.qos.ceilingBelow') : ceiling.helperText
            }
          />
          <TextField
            type="number"
            label={t('createSlice.qos.guaranteed')}
            value={qos.details.bandwidthGuaranteedKbps}
            onChange={e =>
              setDetails({ bandwidthGuaranteedKbps: Number(e.target.value) })
            }
            InputProps={kbps}
            inputProps={{ min: 0, 'data-testid': 'qos-guaranteed' }}
            {...guaranteed}
          />
          <TextField
            type="number"
            label={t('createSlice.qos.priority')}
            value={qos.details.priority}
            onChange={e => setDetails({ priority: Number(e.target.value) })}
            inputProps={{ min: 0, max: 3, 'data-testid': 'qos-priority' }}
            {...priority}
          />
          <TextField
            select
            label={t('createSlice.qos.dscp')}
            value={qos.details.dscpClass}
            onChange={e =>
              setDetails({ dscpClass: e.target.value as Details['dscpClass'] })
            }
            {...dscp}
          >
            {DSCP_CLASSES.map(c => (
              <MenuItem key={c} value={c}>
                {c}
              </MenuItem>
            ))}
          </TextField>
        </>
      )}
    </Box>
  );
}
