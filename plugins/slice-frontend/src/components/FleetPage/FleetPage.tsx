import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { ClustersTable } from './ClustersTable';
import { HealthSummary } from './HealthSummary';
import { HubCards } from './HubCards';
import { SlicesTable } from './SlicesTable';
import { formatAge } from './age';
import { useFleet } from './useFleet';

function FleetContent() {
  const { fleet, error, loading, refresh } = useFleet();

  if (!fleet) {
    if (error) return <ResponseErrorPanel error={error} />;
    return <Progress />;
  }
  if (fleet.hubs.length === 0) {
    return (
      <EmptyState
        missing="info"
        title="No KubeSlice hubs configured"
        description="Add your controller clusters under slice.hubs in app-config.yaml; the plugin README shows how."
      />
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ContentHeader title="Fleet">
          <Typography
            variant="body2"
            color="textSecondary"
            style={{ marginRight: 16 }}
          >
            Updated {formatAge(fleet.generatedAt)}
          </Typography>
          <Button
            variant="outlined"
            size="small"
            onClick={refresh}
            disabled={loading}
          >
            Refresh
          </Button>
        </ContentHeader>
      </Grid>
      {error && (
        <Grid item xs={12}>
          <WarningPanel
            severity="warning"
            title={`Could not refresh; showing data from ${formatAge(
              fleet.generatedAt,
            )}`}
            message={error.message}
          />
        </Grid>
      )}
      {fleet.errors.map(e => (
        <Grid item xs={12} key={e.source}>
          <WarningPanel
            severity="error"
            title={`${e.source} is ${e.state}`}
            message={e.message}
          />
        </Grid>
      ))}
      <Grid item xs={12}>
        <HubCards hubs={fleet.hubs} />
      </Grid>
      <Grid item xs={12} md={6}>
        <HealthSummary title="Clusters" counts={fleet.counts.clusters} />
      </Grid>
      <Grid item xs={12} md={6}>
        <HealthSummary title="Slices" counts={fleet.counts.slices} />
      </Grid>
      <Grid item xs={12}>
        <SlicesTable slices={fleet.slices} showHub={fleet.hubs.length > 1} />
      </Grid>
      <Grid item xs={12}>
        <ClustersTable
          clusters={fleet.clusters}
          showHub={fleet.hubs.length > 1}
        />
      </Grid>
    </Grid>
  );
}

/** `/slices`: the fleet's hubs, clusters and slices with their health. */
export function FleetPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Slices"
        subtitle="Multi-cluster KubeSlice slices across your fleet"
      />
      <Content>
        <FleetContent />
      </Content>
    </Page>
  );
}
