import {
  InfoCard,
  StructuredMetadataTable,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import {
  useTranslationRef,
  type TranslationFunction,
} from '@backstage/frontend-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type {
  SliceDetail,
  SliceMember,
} from '@slice-portal/plugin-slice-common';
import { HealthStatus } from '../HealthStatus/HealthStatus';
import { sliceTranslationRef } from '../../translation';

type T = TranslationFunction<typeof sliceTranslationRef.T>;

function kbps(t: T, value?: number): string {
  if (value === undefined) return t('sliceTabs.none');
  if (value >= 1_000_000)
    return t('sliceTabs.overview.rate.gbps', {
      value: String(value / 1_000_000),
    });
  return value >= 1000
    ? t('sliceTabs.overview.rate.mbps', { value: String(value / 1000) })
    : t('sliceTabs.overview.rate.kbps', { value: String(value) });
}

const memberColumns = (t: T): TableColumn<SliceMember>[] => [
  {
    title: t('sliceTabs.overview.memberColumns.cluster'),
    field: 'cluster',
    highlight: true,
  },
  {
    title: t('sliceTabs.overview.memberColumns.subnet'),
    render: m => m.subnet ?? t('sliceTabs.none'),
  },
  {
    title: t('sliceTabs.overview.memberColumns.onboarded'),
    render: m =>
      m.onboardedNamespaces.join(', ') || t('sliceTabs.overview.noneYet'),
  },
  {
    title: t('sliceTabs.overview.memberColumns.health'),
    render: m => <HealthStatus health={m.health} />,
  },
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
  const { t } = useTranslationRef(sliceTranslationRef);
  const none = t('sliceTabs.none');
  const count = (
    key:
      | 'members'
      | 'tunnelsUp'
      | 'namespacesOnboarded'
      | 'services'
      | 'warningEvents',
  ) => t(`sliceTabs.overview.countLabels.${key}`);
  const ratio = (part: number, total: number) =>
    t('sliceTabs.overview.ratio', { part: String(part), total: String(total) });
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard title={t('sliceTabs.overview.health')}>
          <div data-testid="slice-health">
            <HealthStatus health={slice.health} />
            {slice.health.reasons.length === 0 && (
              <Typography variant="body2" color="textSecondary">
                {t('sliceTabs.overview.allHealthy')}
              </Typography>
            )}
          </div>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title={t('sliceTabs.overview.counts')}>
          <Grid container spacing={2} data-testid="slice-counts">
            <Count label={count('members')} value={slice.members.length} />
            <Count
              label={count('tunnelsUp')}
              value={ratio(up, slice.tunnels.length)}
            />
            <Count
              label={count('namespacesOnboarded')}
              value={ratio(onboarded, requested)}
            />
            <Count label={count('services')} value={slice.services.length} />
            <Count label={count('warningEvents')} value={warnings} />
          </Grid>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title={t('sliceTabs.overview.network')}>
          <StructuredMetadataTable
            metadata={{
              [t('sliceTabs.overview.networkFields.mode')]: slice.mode,
              [t('sliceTabs.overview.networkFields.subnet')]:
                slice.subnet ?? none,
              [t('sliceTabs.overview.networkFields.maxClusters')]:
                slice.maxClusters ?? none,
              [t('sliceTabs.overview.networkFields.isolation')]:
                slice.isolationEnabled
                  ? t('sliceTabs.overview.isolationEnabled')
                  : t('sliceTabs.overview.isolationDisabled'),
              [t('sliceTabs.overview.networkFields.applicationNamespaces')]:
                slice.namespaces.join(', ') || none,
              [t('sliceTabs.overview.networkFields.allowedNamespaces')]:
                slice.allowedNamespaces.join(', ') || none,
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title={t('sliceTabs.overview.qos')}>
          <StructuredMetadataTable
            metadata={{
              [t('sliceTabs.overview.qosFields.profile')]: q.profile ?? none,
              [t('sliceTabs.overview.qosFields.queue')]: q.queueType ?? none,
              [t('sliceTabs.overview.qosFields.priority')]: q.priority ?? none,
              [t('sliceTabs.overview.qosFields.tcType')]: q.tcType ?? none,
              [t('sliceTabs.overview.qosFields.ceiling')]: kbps(
                t,
                q.bandwidthCeilingKbps,
              ),
              [t('sliceTabs.overview.qosFields.guaranteed')]: kbps(
                t,
                q.bandwidthGuaranteedKbps,
              ),
              [t('sliceTabs.overview.qosFields.dscp')]: q.dscpClass ?? none,
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <Table<SliceMember>
          title={t('sliceTabs.overview.members', {
            n: String(slice.members.length),
          })}
          options={{ paging: false, search: false, padding: 'dense' }}
          columns={memberColumns(t)}
          data={slice.members}
          emptyContent={
            <div style={{ padding: 16 }}>
              {t('sliceTabs.overview.noMembers')}
            </div>
          }
        />
      </Grid>
    </Grid>
  );
}
