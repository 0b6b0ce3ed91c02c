import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  ALLOWED_NAMESPACES,
  ISOLATION_ENABLED,
  isNamespaceName,
} from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import { useFieldFindings } from '../Wizard';

/** Step 3: isolation on or off, and the namespaces allowed to reach the slice. */
export function IsolationStep({
  isolationEnabled,
  allowed,
  onIsolation,
  onAllow,
  onRemove,
}: {
  isolationEnabled: boolean;
  /** The allowed namespaces after the edits. */
  allowed: string[];
  onIsolation(enabled: boolean): void;
  onAllow(namespace: string): void;
  onRemove(namespace: string): void;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const [name, setName] = useState('');
  const valid = isNamespaceName(name) && !allowed.includes(name);
  const isolationFindings = useFieldFindings(
    ISOLATION_ENABLED,
    t('onboardWizard.isolation.help'),
  );
  const allowedFindings = useFieldFindings(
    ALLOWED_NAMESPACES,
    t('onboardWizard.isolation.allowedHelp'),
  );
  const add = () => {
    if (!valid) return;
    onAllow(name);
    setName('');
  };
  return (
    <Box data-testid="isolation-step">
      <FormControlLabel
        control={
          <Switch
            checked={isolationEnabled}
            onChange={e => onIsolation(e.target.checked)}
            inputProps={{
              // @ts-expect-error data attributes are passed through to the input
              'data-testid': 'isolation-switch',
            }}
          />
        }
        label={t('onboardWizard.isolation.enabled')}
      />
      <FormHelperText error={isolationFindings.error}>
        {isolationFindings.helperText}
      </FormHelperText>
      <Box mt={3}>
        <Typography variant="subtitle2">
          {t('onboardWizard.isolation.allowed')}
        </Typography>
        <Box my={1} display="flex" flexWrap="wrap" style={{ gap: 8 }}>
          {allowed.length === 0 && (
            <Typography variant="body2" color="textSecondary">
              {t('onboardWizard.isolation.none')}
            </Typography>
          )}
          {allowed.map(ns => (
            <Chip
              key={ns}
              label={ns}
              onDelete={() => onRemove(ns)}
              data-testid={`allowed-${ns}`}
              deleteIcon={undefined}
              aria-label={t('onboardWizard.isolation.remove', {
                namespace: ns,
              })}
            />
          ))}
        </Box>
        <Box display="flex" alignItems="flex-start" style={{ gap: 8 }}>
          <TextField
            size="small"
            variant="outlined"
            value={name}
            onChange={e => setName(e.target.value)}
            onKeyDown={e => e.key === 'Enter' && add()}
            error={
              allowedFindings.error || (Boolean(name) && !isNamespaceName(name))
            }
            helperText={
              name && !isNamespaceName(name)
                ? t('onboardWizard.grid.invalidName', { namespace: name })
                : allowedFindings.helperText
            }
            inputProps={{ 'data-testid': 'add-allowed' }}
          />
          <Button variant="outlined" disabled={!valid} onClick={add}>
            {t('onboardWizard.isolation.add')}
          </Button>
        </Box>
      </Box>
    </Box>
  );
}
