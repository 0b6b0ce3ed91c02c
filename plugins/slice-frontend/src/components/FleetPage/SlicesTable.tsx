import { Link, Table, type TableColumn } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import type { SliceSummary } from '@slice-portal/plugin-slice-common';
import { useSliceLinks } from '../../routes';
import { HealthIcon, HealthStatus } from '../HealthStatus/HealthStatus';
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
  sliceLink: (s: SliceSummary) => string,
): TableColumn<SliceSummary>[] {
  return [
    {
      title: t('fleetPage.columns.slice'),
      field: 'name',
      highlight: true,
      cellStyle: nowrap,
      render: row => <Link to={sliceLink(row)}>{row.name}</Link>,
    },
    { title: t('fleetPage.columns.project'), field: 'project' },
    {
      title: t('fleetPage.columns.members'),
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
      title: t('fleetPage.columns.namespaces'),
      customFilterAndSearch: (query, row) =>
        row.namespaces.join(' ').includes(String(query)),
      render: row => row.namespaces.join(', ') || '—',
    },
    { title: t('fleetPage.columns.mode'), field: 'mode', cellStyle: nowrap },
    {
      title: t('fleetPage.columns.subnet'),
      field: 'subnet',
      render: row => row.subnet ?? '—',
    },
    {
      title: t('fleetPage.columns.isolation'),
      render: row =>
        row.isolationEnabled
          ? t('fleetPage.slices.isolated')
          : t('fleetPage.slices.open'),
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
    ...(showHub
      ? [
          {
            title: t('fleetPage.columns.hub'),
            field: 'hub',
          } as TableColumn<SliceSummary>,
        ]
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
  const { t } = useTranslationRef(sliceTranslationRef);
  const links = useSliceLinks();
  return (
    <Table<SliceSummary>
      title={t('fleetPage.slices.title', {
        total: String(slices.length),
      })}
      options={{
        paging: slices.length > 20,
        pageSize: 20,
        search: true,
        padding: 'dense',
      }}
      columns={columnsFor(t, showHub, row => links.slice(row))}
      data={slices}
      emptyContent={
        <div style={{ padding: 16 }}>{t('fleetPage.slices.empty')}</div>
      }
    />
  );
}
