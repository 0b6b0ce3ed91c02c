import {
  InfoCard,
  StructuredMetadataTable,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type {
  SliceDetail,
  SliceMember,
} from '@slice-portal/plugin-slice-common';
import { HealthStatus } from '../HealthStatus/HealthStatus';

function kbps(value?: number): string {
  if (value === undefined) return '—';
  if (value >= 1_000_000) return `${value / 1_000_000} Gbit/s`;
  return value >= 1000 ? `${value / 1000} Mbit/s` : `${value} kbit/s`;
}

const memberColumns: TableColumn<SliceMember>[] = [
  { title: 'Cluster', field: 'cluster', highlight: true },
  { title: 'Subnet', render: m => m.subnet ?? '—' },
  {
    title: 'Onboarded namespaces',
    render: m => m.onboardedNamespaces.join(', ') || 'none yet',
  },
  { title: 'Health', render: m => <HealthStatus health={m.health} /> },
];

function Count({ label, value }: { label: string; value: string | number }) {
  return (
    <Grid item xs={6} sm={4} md={2}>
      <Typography variant="h4" component="div">
        {value}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {label}
      </Typography>
    </Grid>
  );
}

/** Health with reasons, members, QoS, subnet, isolation and counts. */
export function OverviewTab({ slice }: { slice: SliceDetail }) {
  const up = slice.tunnels.filter(t => t.state === 'UP').length;
  const onboarded = slice.namespaceStates.filter(
    n => n.state === 'onboarded',
  ).length;
  const requested = slice.namespaceStates.filter(
    n => n.role === 'application' && n.requested,
  ).length;
  const warnings = slice.events.filter(e => e.type === 'Warning').length;
  const q = slice.qos;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard title="Health">
          <div data-testid="slice-health">
            <HealthStatus health={slice.health} />
            {slice.health.reasons.length === 0 && (
              <Typography variant="body2" color="textSecondary">
                Every member is healthy and every tunnel is up.
              </Typography>
            )}
          </div>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Counts">
          <Grid container spacing={2} data-testid="slice-counts">
            <Count label="members" value={slice.members.length} />
            <Count label="tunnels up" value={`${up}/${slice.tunnels.length}`} />
            <Count
              label="namespaces onboarded"
              value={`${onboarded}/${requested}`}
            />
            <Count label="services" value={slice.services.length} />
            <Count label="warning events" value={warnings} />
          </Grid>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Network">
          <StructuredMetadataTable
            metadata={{
              'Overlay mode': slice.mode,
              Subnet: slice.subnet ?? '—',
              'Max clusters': slice.maxClusters ?? '—',
              Isolation: slice.isolationEnabled
                ? 'enabled: only slice and allowed namespaces may connect'
                : 'disabled',
              'Application namespaces': slice.namespaces.join(', ') || '—',
              'Allowed namespaces': slice.allowedNamespaces.join(', ') || '—',
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="QoS">
          <StructuredMetadataTable
            metadata={{
              Profile: q.profile ?? '—',
              Queue: q.queueType ?? '—',
              Priority: q.priority ?? '—',
              'Traffic control': q.tcType ?? '—',
              'Bandwidth ceiling': kbps(q.bandwidthCeilingKbps),
              'Bandwidth guaranteed': kbps(q.bandwidthGuaranteedKbps),
              'DSCP class': q.dscpClass ?? '—',
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <Table<SliceMember>
          title={`Members (${slice.members.length})`}
          options={{ paging: false, search: false, padding: 'dense' }}
          columns={memberColumns}
          data={slice.members}
          emptyContent={
            <div style={{ padding: 16 }}>
              No clusters yet. Add clusters under spec.clusters of the
              SliceConfig.
            </div>
          }
        />
      </Grid>
    </Grid>
  );
}
