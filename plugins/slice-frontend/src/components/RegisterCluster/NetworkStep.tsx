import TextField from '@material-ui/core/TextField';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { RegisterClusterForm } from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import { useFieldFindings } from '../Wizard';

/** Step 3: the gateway node IPs (optional) and the interface QoS shapes traffic on. */
export function NetworkStep({
  form,
  onChange,
}: {
  form: RegisterClusterForm;
  onChange(patch: Partial<RegisterClusterForm>): void;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  return (
    <>
      <TextField
        fullWidth
        multiline
        minRows={2}
        margin="normal"
        variant="outlined"
        label={t('registerClusterWizard.network.nodeIPs')}
        value={form.nodeIPs}
        onChange={e => onChange({ nodeIPs: e.target.value })}
        inputProps={{ 'data-testid': 'node-ips' }}
        {...useFieldFindings(
          'spec.nodeIPs',
          t('registerClusterWizard.network.nodeIPsHelp'),
        )}
      />
      <TextField
        margin="normal"
        variant="outlined"
        label={t('registerClusterWizard.network.networkInterface')}
        value={form.networkInterface}
        onChange={e => onChange({ networkInterface: e.target.value })}
        inputProps={{ 'data-testid': 'network-interface' }}
        {...useFieldFindings(
          'spec.networkInterface',
          t('registerClusterWizard.network.networkInterfaceHelp'),
        )}
      />
    </>
  );
}
