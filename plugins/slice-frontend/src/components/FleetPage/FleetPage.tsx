import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { ClustersTable } from './ClustersTable';
import { HealthSummary } from './HealthSummary';
import { HubCards } from './HubCards';
import { SlicesTable } from './SlicesTable';
import { formatAge } from './age';
import { useFleet } from './useFleet';
import { InfoCard } from '@backstage/core-components';
import { useState } from 'react';
import type { ClusterSummary } from '@slice-portal/plugin-slice-common';
import Skeleton from '@material-ui/lab/Skeleton';
import { StaleBadge } from '../common/StaleBadge';
import { FleetMap } from '../FleetMap/FleetMap';
import { useFleetTunnels } from '../FleetMap/useFleetTunnels';
import { FleetGraph } from '../FleetGraph/FleetGraph';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useSearchParams } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import { CreateSliceButton } from '../CreateSlice/CreateSliceButton';
import { OnboardButton } from '../OnboardWizard/OnboardButton';
import { RegisterClusterButton } from '../RegisterCluster/RegisterClusterButton';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { sliceTranslationRef } from '../../translation';

/** The fleet page's shape in grey while the first answer is on its way. */
function FleetSkeleton() {
  const block = (height: number) => (
    <Skeleton variant="rect" height={height} style={{ borderRadius: 4 }} />
  );
  return (
    <Grid container spacing={3} data-testid="fleet-skeleton" aria-busy="true">
      <Grid item xs={12}>
        <Skeleton variant="text" width={160} height={40} />
      </Grid>
      <Grid item xs={12} md={4}>
        {block(130)}
      </Grid>
      <Grid item xs={12} md={6}>
        {block(48)}
      </Grid>
      <Grid item xs={12} md={6}>
        {block(48)}
      </Grid>
      <Grid item xs={12}>
        {block(420)}
      </Grid>
      <Grid item xs={12}>
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} variant="text" height={36} />
        ))}
      </Grid>
    </Grid>
  );
}

function FleetContent() {
  const { t } = useTranslationRef(sliceTranslationRef);
  const { fleet, error, loading, loadedAt, refresh } = useFleet();
  const tunnels = useFleetTunnels(Boolean(fleet));
  const [selected, setSelected] = useState<ClusterSummary>();
  const [params, setParams] = useSearchParams();
  // Map or graph, in the URL (`?view=graph`) so a link shows the same picture.
  const view = params.get('view') === 'graph' ? 'graph' : 'map';
  const setView = (v: 'map' | 'graph') =>
    setParams(
      prev => {
        const next = new URLSearchParams(prev);
        if (v === 'graph') next.set('view', 'graph');
        else next.delete('view');
        return next;
      },
      { replace: true },
    );

  if (!fleet) {
    if (error) return <ResponseErrorPanel error={error} />;
    return <FleetSkeleton />;
  }
  if (fleet.hubs.length === 0) {
    return (
      <EmptyState
        missing="info"
        title={t('fleetPage.noHubs.title')}
        description={t('fleetPage.noHubs.description')}
      />
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ContentHeader title={t('fleetPage.heading')}>
          <span style={{ marginRight: 16 }}>
            <StaleBadge loadedAt={loadedAt} error={error} />
          </span>
          <Button
            variant="outlined"
            size="small"
            onClick={refresh}
            disabled={loading}
          >
            {t('fleetPage.refresh')}
          </Button>
        </ContentHeader>
      </Grid>
      {error && (
        <Grid item xs={12}>
          <WarningPanel
            severity="warning"
            title={t('fleetPage.refreshFailed', {
              age: formatAge(fleet.generatedAt, t),
            })}
            message={error.message}
          />
        </Grid>
      )}
      {fleet.errors.map(e => (
        <Grid item xs={12} key={e.source}>
          <WarningPanel
            severity="error"
            title={t('common.sourceError', {
              source: e.source,
              state: e.state,
            })}
            message={e.message}
          />
        </Grid>
      ))}
      <Grid item xs={12}>
        <HubCards hubs={fleet.hubs} />
      </Grid>
      <Grid item xs={12} md={6}>
        <HealthSummary kind="clusters" counts={fleet.counts.clusters} />
      </Grid>
      <Grid item xs={12} md={6}>
        <HealthSummary kind="slices" counts={fleet.counts.slices} />
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title={
            view === 'graph'
              ? t('fleetPage.view.graphTitle')
              : t('fleetPage.view.mapTitle')
          }
          subheader={
            view === 'graph'
              ? t('fleetPage.view.graphSubheader')
              : t('fleetPage.view.mapSubheader')
          }
          action={
            <ToggleButtonGroup
              size="small"
              exclusive
              value={view}
              onChange={(_, v) => v && setView(v)}
              aria-label={t('fleetPage.view.aria')}
              style={{ marginTop: 8, marginRight: 8 }}
            >
              <ToggleButton value="map" data-testid="view-map">
                {t('fleetPage.view.map')}
              </ToggleButton>
              <ToggleButton value="graph" data-testid="view-graph">
                {t('fleetPage.view.graph')}
              </ToggleButton>
            </ToggleButtonGroup>
          }
        >
          {view === 'graph' ? (
            <FleetGraph
              clusters={fleet.clusters}
              tunnels={tunnels.value?.tunnels ?? []}
              selected={selected}
              onClusterClick={setSelected}
            />
          ) : (
            <FleetMap
              clusters={fleet.clusters}
              tunnels={tunnels.value?.tunnels ?? []}
              onClusterClick={setSelected}
            />
          )}
          {!tunnels.value && tunnels.error && (
            <Typography variant="caption" color="error">
              {t('fleetPage.view.tunnelsFailed', {
                message: tunnels.error.message,
              })}
            </Typography>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <Box display="flex" justifyContent="flex-end" gridGap={8} mb={1}>
          <OnboardButton variant="outlined" />
          <CreateSliceButton hubs={fleet.hubs} />
        </Box>
        {selected && (
          <Chip
            data-testid="cluster-filter"
            label={t('fleetPage.slicesOn', { cluster: selected.name })}
            onDelete={() => setSelected(undefined)}
            style={{ marginBottom: 8 }}
          />
        )}
        {fleet.slices.length === 0 ? (
          <EmptyState
            missing="content"
            title={t('fleetPage.noSlices.title')}
            description={
              fleet.errors.length > 0
                ? t('fleetPage.noSlices.withErrors')
                : t('fleetPage.noSlices.none')
            }
          />
        ) : (
          <SlicesTable
            slices={
              selected
                ? fleet.slices.filter(
                    s =>
                      s.hub === selected.hub &&
                      s.project === selected.project &&
                      s.members.some(m => m.cluster === selected.name),
                  )
                : fleet.slices
            }
            showHub={fleet.hubs.length > 1}
          />
        )}
      </Grid>
      <Grid item xs={12}>
        <ClustersTable
          clusters={fleet.clusters}
          showHub={fleet.hubs.length > 1}
          onSelect={setSelected}
          action={<RegisterClusterButton hubs={fleet.hubs} />}
        />
      </Grid>
    </Grid>
  );
}

/** `/slices`: the fleet's hubs, clusters and slices with their health. */
export function FleetPage() {
  const { t } = useTranslationRef(sliceTranslationRef);
  return (
    <Page themeId="tool">
      <Header title={t('fleetPage.title')} subtitle={t('fleetPage.subtitle')} />
      <Content>
        <FleetContent />
      </Content>
    </Page>
  );
}
