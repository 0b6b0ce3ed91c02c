import { useApi } from '@backstage/core-plugin-api';
import { Link, Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { registrationWait } from '@slice-portal/plugin-slice-common';
import { sliceApiRef } from '../../api/SliceApi';
import { usePolled } from '../../hooks/usePolled';
import { useSliceLinks } from '../../routes';
import { sliceTranslationRef } from '../../translation';

const hasStatus = (e: unknown) =>
  typeof (e as { statusCode?: unknown })?.statusCode === 'number' ||
  typeof (e as { response?: { status?: unknown } })?.response?.status ===
    'number';

/**
 * Follows the new cluster until its worker reports `Registered` (or `Failed`): the Cluster's
 * status as the backend's cache has it, asked again every `pollMs`. Before the cache knows the
 * cluster (404) it is still waiting; without a connection it says so and keeps asking.
 */
export function RegistrationWait({
  hub,
  project,
  name,
  pollMs = 5000,
}: {
  hub: string;
  project: string;
  name: string;
  pollMs?: number;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const api = useApi(sliceApiRef);
  const links = useSliceLinks();
  const polled = usePolled(
    `cluster/${hub}/${project}/${name}`,
    signal => api.getCluster({ hub, name, project }, { signal }),
    pollMs,
  );
  const status = polled.value?.registrationStatus;
  const wait = registrationWait(status);
  const offline = polled.error && !hasStatus(polled.error);
  return (
    <Box mt={3} data-testid="registration-wait" data-state={wait.state}>
      <Typography variant="h6">
        {t('registerClusterWizard.wait.title')}
      </Typography>
      {offline && (
        <Alert severity="warning" data-testid="registration-reconnecting">
          {t('registerClusterWizard.wait.reconnecting')}
        </Alert>
      )}
      {wait.state === 'waiting' && (
        <>
          <Typography color="textSecondary">
            {t('registerClusterWizard.wait.waiting')}
            {wait.status &&
              ` ${t('registerClusterWizard.wait.status', {
                status: wait.status,
              })}`}
          </Typography>
          <Progress />
        </>
      )}
      {wait.state === 'registered' && (
        <Alert severity="success">
          {t('registerClusterWizard.wait.registered', { name })}
        </Alert>
      )}
      {wait.state === 'failed' && (
        <Alert severity="error">
          {t('registerClusterWizard.wait.failed', { status: wait.status })}
        </Alert>
      )}
      {wait.state === 'deregistering' && (
        <Alert severity="warning">
          {t('registerClusterWizard.wait.deregistering', {
            status: wait.status,
          })}
        </Alert>
      )}
      <Box mt={2}>
        <Link to={links.fleet()}>
          {t('registerClusterWizard.wait.backToFleet')}
        </Link>
      </Box>
    </Box>
  );
}
