import { useApi } from '@backstage/core-plugin-api';
import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  exportChecklist,
  importsReady,
  type SliceService,
} from '@slice-portal/plugin-slice-common';
import { sliceApiRef } from '../../api/SliceApi';
import { usePolled } from '../../hooks/usePolled';
import { useSliceLinks } from '../../routes';
import { sliceTranslationRef } from '../../translation';
import { ExportChecklist } from '../ServicesTab/ExportChecklist';

const hasStatus = (e: unknown) =>
  typeof (e as { statusCode?: unknown })?.statusCode === 'number';

/**
 * The service before the slice shows it: nothing exported, imported or reachable yet (those
 * checks fail, honestly), but from the cluster the wizard exports it from, so the namespace
 * check says whether the namespace is onboarded there.
 */
function notYetExported(
  namespace: string,
  name: string,
  cluster: string | undefined,
): SliceService {
  return {
    name,
    namespace,
    dnsName: `${name}.${namespace}.svc.slice.local`,
    aliases: [],
    exportedFrom: cluster ? [cluster] : [],
    exports: [],
    imports: [],
    endpoints: [],
    health: { state: 'unknown', reasons: [] },
  };
}

/**
 * The "why is this export not working" checklist of the new export, followed live (the
 * slice asked again every `pollMs`) until its import is READY on every member. Without a
 * connection it keeps the last known state, says so and keeps asking.
 */
export function ExportLiveChecklist({
  hub,
  project,
  slice,
  namespace,
  name,
  cluster,
  pollMs = 5000,
}: {
  hub: string;
  project: string;
  slice: string;
  namespace: string;
  name: string;
  /** The cluster the service is exported from, while the slice does not show the export yet. */
  cluster?: string;
  pollMs?: number;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const api = useApi(sliceApiRef);
  const links = useSliceLinks();
  const polled = usePolled(
    `export/${hub}/${project}/${slice}/${namespace}/${name}`,
    signal => api.getSlice({ hub, project, name: slice }, { signal }),
    pollMs,
  );
  const detail = polled.value;
  const members = detail?.members.map(m => m.cluster) ?? [];
  const service =
    detail?.services.find(s => s.namespace === namespace && s.name === name) ??
    notYetExported(namespace, name, cluster);
  const { ready, waitingOn } = importsReady(service, members);
  return (
    <Box mt={3} data-testid="export-live" data-ready={String(ready)}>
      <Typography variant="h6">
        {t('exportWizard.result.checklistTitle')}
      </Typography>
      {polled.error && !hasStatus(polled.error) && (
        <Alert severity="warning" data-testid="export-reconnecting">
          {t('exportWizard.result.reconnecting')}
        </Alert>
      )}
      {detail && (
        <>
          {ready ? (
            <Alert severity="success" data-testid="export-ready">
              {t('exportWizard.result.ready')}
            </Alert>
          ) : (
            <Typography color="textSecondary" data-testid="export-waiting">
              {t('exportWizard.result.waiting', {
                clusters: waitingOn.join(', '),
              })}
            </Typography>
          )}
          <Box mt={1}>
            <ExportChecklist
              items={exportChecklist(service, {
                members,
                namespaceStates: detail.namespaceStates,
                tunnels: detail.tunnels,
              })}
            />
          </Box>
        </>
      )}
      <Box mt={2}>
        <Link to={links.slice({ hub, project, name: slice }, 'services')}>
          {t('exportWizard.result.openServices')}
        </Link>
      </Box>
    </Box>
  );
}
