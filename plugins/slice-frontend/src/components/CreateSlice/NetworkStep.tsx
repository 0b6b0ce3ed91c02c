import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  OVERLAY_MODES,
  type CreateSliceForm,
} from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import { useFieldFindings } from '../Wizard';

type Mode = CreateSliceForm['mode'];

/** Step 3: overlay mode, the subnet (a suggestion that overlaps nothing), maxClusters. */
export function NetworkStep({
  form,
  onChange,
  suggestion,
}: {
  form: CreateSliceForm;
  onChange(patch: Partial<CreateSliceForm>): void;
  suggestion?: string;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const modeField = useFieldFindings('spec.overlayNetworkDeploymentMode');
  const subnetField = useFieldFindings(
    'spec.sliceSubnet',
    t('createSlice.network.subnetHelp'),
  );
  const maxField = useFieldFindings(
    'spec.maxClusters',
    t('createSlice.network.maxClustersHelp'),
  );
  return (
    <Box
      display="flex"
      flexDirection="column"
      maxWidth={640}
      style={{ gap: 24 }}
    >
      <TextField
        select
        label={t('createSlice.network.mode')}
        value={form.mode}
        onChange={e => onChange({ mode: e.target.value as Mode })}
        {...modeField}
        inputProps={{ 'data-testid': 'mode-select' }}
      >
        {(OVERLAY_MODES as readonly Mode[]).map(m => (
          <MenuItem key={m} value={m}>
            {t(`createSlice.network.modes.${m}`)}
          </MenuItem>
        ))}
      </TextField>
      {form.mode !== 'no-network' && (
        <Box>
          <TextField
            fullWidth
            label={t('createSlice.network.subnet')}
            value={form.subnet}
            onChange={e => onChange({ subnet: e.target.value.trim() })}
            inputProps={{ 'data-testid': 'subnet' }}
            {...subnetField}
            FormHelperTextProps={{ 'data-testid': 'subnet-help' } as object}
          />
          <Box mt={1} display="flex" alignItems="center" style={{ gap: 8 }}>
            <Typography
              variant="body2"
              color="textSecondary"
              data-testid="subnet-suggestion"
            >
              {suggestion
                ? t('createSlice.network.suggested', { subnet: suggestion })
                : t('createSlice.network.noSuggestion')}
            </Typography>
            {suggestion && suggestion !== form.subnet && (
              <Button
                size="small"
                variant="outlined"
                onClick={() => onChange({ subnet: suggestion })}
                // "Use 10.3.0.0/16" on one line: the sentence beside it takes what is left.
                style={{ whiteSpace: 'nowrap', flexShrink: 0 }}
                data-testid="use-suggested-subnet"
              >
                {t('createSlice.network.useSuggested', { subnet: suggestion })}
              </Button>
            )}
          </Box>
        </Box>
      )}
      <TextField
        type="number"
        label={t('createSlice.network.maxClusters')}
        value={form.maxClusters}
        onChange={e => onChange({ maxClusters: Number(e.target.value) })}
        inputProps={{ min: 2, max: 32, 'data-testid': 'max-clusters' }}
        {...maxField}
      />
    </Box>
  );
}
