import type { ReactNode } from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import MuiLink from '@material-ui/core/Link';
import type { ClusterSummary } from '@slice-portal/plugin-slice-common';
import { HealthStatus } from '../HealthStatus/HealthStatus';

const nowrap = { whiteSpace: 'nowrap' as const };

function columnsFor(
  showHub: boolean,
  onSelect?: (c: ClusterSummary) => void,
): TableColumn<ClusterSummary>[] {
  return [
    {
      title: 'Cluster',
      field: 'name',
      highlight: true,
      cellStyle: nowrap,
      render: row =>
        onSelect ? (
          <MuiLink
            component="button"
            variant="body2"
            onClick={() => onSelect(row)}
            title={`Show the slices of ${row.name}`}
          >
            {row.name}
          </MuiLink>
        ) : (
          row.name
        ),
    },
    { title: 'Project', field: 'project' },
    {
      title: 'Location',
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
      title: 'Registration',
      field: 'registrationStatus',
      render: row => row.registrationStatus ?? '—',
    },
    {
      title: 'Health',
      customSort: (a, b) => a.health.state.localeCompare(b.health.state),
      customFilterAndSearch: (query, row) =>
        [row.health.state, ...row.health.reasons]
          .join(' ')
          .toLowerCase()
          .includes(String(query).toLowerCase()),
      render: row => <HealthStatus health={row.health} />,
    },
    {
      title: 'Slices',
      customFilterAndSearch: (query, row) =>
        row.slices.join(' ').includes(String(query)),
      render: row => row.slices.join(', ') || '—',
    },
    ...(showHub
      ? [{ title: 'Hub', field: 'hub' } as TableColumn<ClusterSummary>]
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
  return (
    <Table<ClusterSummary>
      title={
        <Box display="flex" alignItems="center" style={{ gap: 16 }}>
          <span>{`Clusters (${clusters.length})`}</span>
          {action}
        </Box>
      }
      options={{
        paging: clusters.length > 20,
        pageSize: 20,
        search: true,
        padding: 'dense',
      }}
      columns={columnsFor(showHub, onSelect)}
      data={clusters}
      emptyContent={
        <div style={{ padding: 16 }}>
          No clusters you can see. Register a worker cluster on the hub (a
          Cluster in the project namespace), or ask a platform engineer for
          access to a project.
        </div>
      }
    />
  );
}
