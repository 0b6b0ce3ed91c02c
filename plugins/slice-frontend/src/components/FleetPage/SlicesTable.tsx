import { Link, Table, type TableColumn } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import type { SliceSummary } from '@slice-portal/plugin-slice-common';
import { useSliceLinks } from '../../routes';
import { HealthIcon, HealthStatus } from '../HealthStatus/HealthStatus';

const nowrap = { whiteSpace: 'nowrap' as const };

function columnsFor(
  showHub: boolean,
  sliceLink: (s: SliceSummary) => string,
): TableColumn<SliceSummary>[] {
  return [
    {
      title: 'Slice',
      field: 'name',
      highlight: true,
      cellStyle: nowrap,
      render: row => <Link to={sliceLink(row)}>{row.name}</Link>,
    },
    { title: 'Project', field: 'project' },
    {
      title: 'Members',
      customFilterAndSearch: (query, row) =>
        row.members
          .map(m => m.cluster)
          .join(' ')
          .includes(String(query)),
      render: row => (
        <div>
          {row.members.map(m => (
            <Chip
              key={m.cluster}
              size="small"
              variant="outlined"
              style={{ margin: 2 }}
              label={
                <HealthIcon state={m.health.state}>{m.cluster}</HealthIcon>
              }
            />
          ))}
        </div>
      ),
    },
    {
      title: 'Namespaces',
      customFilterAndSearch: (query, row) =>
        row.namespaces.join(' ').includes(String(query)),
      render: row => row.namespaces.join(', ') || '—',
    },
    { title: 'Mode', field: 'mode', cellStyle: nowrap },
    { title: 'Subnet', field: 'subnet', render: row => row.subnet ?? '—' },
    {
      title: 'Isolation',
      render: row => (row.isolationEnabled ? 'isolated' : 'open'),
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
    ...(showHub
      ? [{ title: 'Hub', field: 'hub' } as TableColumn<SliceSummary>]
      : []),
  ];
}

/** The hub column only helps when there is more than one hub. */
export function SlicesTable({
  slices,
  showHub,
}: {
  slices: SliceSummary[];
  showHub: boolean;
}) {
  const links = useSliceLinks();
  return (
    <Table<SliceSummary>
      title={`Slices (${slices.length})`}
      options={{
        paging: slices.length > 20,
        pageSize: 20,
        search: true,
        padding: 'dense',
      }}
      columns={columnsFor(showHub, row => links.slice(row))}
      data={slices}
      emptyContent={
        <div style={{ padding: 16 }}>
          No slices yet. Create a SliceConfig on a hub to see it here.
        </div>
      }
    />
  );
}
