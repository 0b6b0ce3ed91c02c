import type { ReactNode } from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import MuiLink from '@material-ui/core/Link';
import type { ClusterSummary } from '@slice-portal/plugin-slice-common';
import { HealthStatus } from '../HealthStatus/HealthStatus';
import {
  useTranslationRef,
  type TranslationFunction,
} from '@backstage/frontend-plugin-api';
import { sliceTranslationRef } from '../../translation';

type SliceT = TranslationFunction<typeof sliceTranslationRef.T>;

const nowrap = { whiteSpace: 'nowrap' as const };

function columnsFor(
  t: SliceT,
  showHub: boolean,
  onSelect?: (c: ClusterSummary) => void,
): TableColumn<ClusterSummary>[] {
  return [
    {
      title: t('fleetPage.columns.cluster'),
      field: 'name',
      highlight: true,
      cellStyle: nowrap,
      render: row =>
        onSelect ? (
          <MuiLink
            component="button"
            variant="body2"
            onClick={() => onSelect(row)}
            title={t('fleetPage.clusters.showSlices', { name: row.name })}
          >
            {row.name}
          </MuiLink>
        ) : (
          row.name
        ),
    },
    { title: t('fleetPage.columns.project'), field: 'project' },
    {
      title: t('fleetPage.columns.location'),
      customFilterAndSearch: (query, row) =>
        `${row.geo.cloudProvider} ${row.geo.cloudRegion}`
          .toLowerCase()
          .includes(String(query).toLowerCase()),
      render: row =>
        [row.geo.cloudProvider, row.geo.cloudRegion]
          .filter(Boolean)
          .join(' · ') || '—',
    },
    {
      title: t('fleetPage.columns.registration'),
      field: 'registrationStatus',
      render: row => row.registrationStatus ?? '—',
    },
    {
      title: t('fleetPage.columns.health'),
      customSort: (a, b) => a.health.state.localeCompare(b.health.state),
      customFilterAndSearch: (query, row) =>
        [row.health.state, ...row.health.reasons]
          .join(' ')
          .toLowerCase()
          .includes(String(query).toLowerCase()),
      render: row => <HealthStatus health={row.health} />,
    },
    {
      title: t('fleetPage.columns.slices'),
      customFilterAndSearch: (query, row) =>
        row.slices.join(' ').includes(String(query)),
      render: row => row.slices.join(', ') || '—',
    },
    ...(showHub
      ? [
          {
            title: t('fleetPage.columns.hub'),
            field: 'hub',
          } as TableColumn<ClusterSummary>,
        ]
      : []),
  ];
}

/** The hub column only helps when there is more than one hub. */
export function ClustersTable({
  clusters,
  showHub,
  onSelect,
  action,
}: {
  clusters: ClusterSummary[];
  showHub: boolean;
  /** Beside the title: "Register cluster" for those who may. */
  action?: ReactNode;
  /** Called when a cluster's name is clicked (the fleet page filters the slices by it). */
  onSelect?: (cluster: ClusterSummary) => void;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  return (
    <Table<ClusterSummary>
      title={
        <Box display="flex" alignItems="center" style={{ gap: 16 }}>
          <span>
            {t('fleetPage.clusters.title', {
              total: String(clusters.length),
            })}
          </span>
          {action}
        </Box>
      }
      options={{
        paging: clusters.length > 20,
        pageSize: 20,
        search: true,
        padding: 'dense',
      }}
      columns={columnsFor(t, showHub, onSelect)}
      data={clusters}
      emptyContent={
        <div style={{ padding: 16 }}>{t('fleetPage.clusters.empty')}</div>
      }
    />
  );
}
