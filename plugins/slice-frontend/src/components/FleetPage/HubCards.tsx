import {
  InfoCard,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type {
  HubSummary,
  SourceState,
} from '@slice-portal/plugin-slice-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { formatAge } from './age';
import { sliceTranslationRef } from '../../translation';

function SyncState({ state }: { state: SourceState }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  switch (state) {
    case 'ok':
      return <StatusOK>{t('fleetPage.hub.inSync')}</StatusOK>;
    case 'degraded':
      return <StatusWarning>{t('fleetPage.hub.partlySynced')}</StatusWarning>;
    case 'unreachable':
      return <StatusError>{t('fleetPage.hub.unreachable')}</StatusError>;
    default:
      return <StatusPending>{t('fleetPage.hub.connecting')}</StatusPending>;
  }
}

/** One card per hub: whether the portal's copy of it is current, and what it holds. */
export function HubCards({ hubs }: { hubs: HubSummary[] }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  return (
    <Grid container spacing={2}>
      {hubs.map(hub => (
        <Grid item xs={12} md={6} lg={4} key={hub.name}>
          <InfoCard
            title={hub.title}
            subheader={t('fleetPage.hub.subheader', { name: hub.name })}
          >
            <div data-testid={`hub-${hub.name}`}>
              <SyncState state={hub.sync.state} />
              <Typography variant="body2" color="textSecondary">
                {t('fleetPage.hub.lastSynced', {
                  age: formatAge(hub.sync.lastSyncAt, t),
                })}
              </Typography>
              {hub.sync.message && (
                <Typography variant="body2" color="error">
                  {hub.sync.message}
                </Typography>
              )}
              <Typography variant="body2">
                {t('fleetPage.hub.contents', {
                  projects: t('fleetPage.hub.projects', {
                    count: hub.projects.length,
                    names:
                      hub.projects.join(', ') || t('fleetPage.hub.noProjects'),
                  }),
                  clusters: t('fleetPage.hub.clusters', {
                    count: hub.clusterCount,
                  }),
                  slices: t('fleetPage.hub.slices', {
                    count: hub.sliceCount,
                  }),
                })}
              </Typography>
            </div>
          </InfoCard>
        </Grid>
      ))}
    </Grid>
  );
}
