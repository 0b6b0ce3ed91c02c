import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  exportDnsNames,
  type ExportServiceForm,
} from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import { useFieldFindings } from '../Wizard';

/** Step 3: extra DNS names, with the names the service will answer on. */
export function AliasesStep({
  form,
  onChange,
}: {
  form: ExportServiceForm;
  onChange(patch: Partial<ExportServiceForm>): void;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  return (
    <Box>
      <TextField
        fullWidth
        margin="normal"
        variant="outlined"
        label={t('exportWizard.aliases.aliases')}
        value={form.aliases}
        onChange={e => onChange({ aliases: e.target.value })}
        inputProps={{ 'data-testid': 'export-aliases' }}
        {...useFieldFindings(
          'spec.aliases',
          t('exportWizard.aliases.aliasesHelp'),
        )}
      />
      <Typography variant="subtitle2">
        {t('exportWizard.aliases.dnsTitle')}
      </Typography>
      <Box data-testid="export-dns-names">
        {exportDnsNames(form).map(name => (
          <Typography
            key={name}
            variant="body2"
            style={{ fontFamily: 'monospace' }}
          >
            {name}
          </Typography>
        ))}
      </Box>
    </Box>
  );
}
