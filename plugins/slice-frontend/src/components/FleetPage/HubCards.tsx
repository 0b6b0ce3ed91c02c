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
import { formatAge } from './age';

function SyncState({ state }: { state: SourceState }) {
  switch (state) {
    case 'ok':
      return <StatusOK>In sync</StatusOK>;
    case 'degraded':
      return <StatusWarning>Partly synced</StatusWarning>;
    case 'unreachable':
      return <StatusError>Unreachable</StatusError>;
    default:
      return <StatusPending>Connecting</StatusPending>;
  }
}

/** One card per hub: whether the portal's copy of it is current, and what it holds. */
export function HubCards({ hubs }: { hubs: HubSummary[] }) {
  return (
    <Grid container spacing={2}>
      {hubs.map(hub => (
        <Grid item xs={12} md={6} lg={4} key={hub.name}>
          <InfoCard title={hub.title} subheader={`hub ${hub.name}`}>
            <div data-testid={`hub-${hub.name}`}>
              <SyncState state={hub.sync.state} />
              <Typography variant="body2" color="textSecondary">
                Last synced {formatAge(hub.sync.lastSyncAt)}
              </Typography>
              {hub.sync.message && (
                <Typography variant="body2" color="error">
                  {hub.sync.message}
                </Typography>
              )}
              <Typography variant="body2">
                {hub.projects.length} projects (
                {hub.projects.join(', ') || 'none'}) · {hub.clusterCount}{' '}
                clusters · {hub.sliceCount} slices
              </Typography>
            </div>
          </InfoCard>
        </Grid>
      ))}
    </Grid>
  );
}
