import { InfoCard, Table, type TableColumn } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type {
  NamespaceOnCluster,
  SliceDetail,
} from '@slice-portal/plugin-slice-common';
import { useSliceColors, type SliceColors } from '../../theme/sliceColors';
import { OnboardButton } from '../OnboardWizard/OnboardButton';

const STATE_STYLE: Record<
  NamespaceOnCluster['state'],
  { label: string; color: (c: SliceColors) => string }
> = {
  onboarded: { label: 'onboarded', color: c => c.okBackground },
  pending: {
    label: 'requested, not onboarded',
    color: c => c.warningBackground,
  },
  unrequested: {
    label: 'onboarded, no longer requested',
    color: c => c.errorBackground,
  },
  allowed: { label: 'allowed', color: c => c.infoBackground },
};

function StateChip({ state }: { state: NamespaceOnCluster['state'] }) {
  const s = STATE_STYLE[state];
  const colors = useSliceColors();
  return (
    <Chip
      size="small"
      label={s.label}
      style={{ backgroundColor: s.color(colors), color: colors.text }}
    />
  );
}

const columnsFor = (slice: SliceDetail): TableColumn<NamespaceOnCluster>[] => [
  { title: 'Namespace', field: 'namespace', highlight: true },
  { title: 'Role', field: 'role' },
  {
    title: 'Requested',
    render: n => (n.requested ? 'yes' : 'no'),
  },
  {
    title: 'Onboarded',
    render: n => {
      if (n.role === 'allowed') return '—';
      return n.onboarded ? 'yes' : 'no';
    },
  },
  { title: 'State', render: n => <StateChip state={n.state} /> },
  {
    title: '',
    align: 'right',
    render: n =>
      n.role === 'application' && n.requested ? (
        <OnboardButton slice={slice} namespace={n.namespace} mode="offboard" />
      ) : null,
  },
];

/** Per member cluster: the namespaces asked for and what the worker onboarded. */
export function NamespacesTab({ slice }: { slice: SliceDetail }) {
  const clusters = slice.members.map(m => m.cluster);
  const pending = slice.namespaceStates.filter(n => n.state === 'pending');
  const columns = columnsFor(slice);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard title="Isolation" action={<OnboardButton slice={slice} />}>
          <Typography variant="body2">
            {slice.isolationEnabled
              ? `Isolation is enabled: pods in the slice's namespaces only accept traffic from the slice and from the allowed namespaces (${
                  slice.allowedNamespaces.join(', ') || 'none'
                }).`
              : 'Isolation is disabled: the slice namespaces accept traffic from any namespace of their cluster.'}
          </Typography>
          {pending.length > 0 && (
            <Typography variant="body2" color="error" data-testid="pending">
              {pending.length} namespace(s) requested but not onboarded yet:{' '}
              {pending.map(p => `${p.namespace} on ${p.cluster}`).join(', ')}.
              The worker onboards a namespace once it exists on the cluster;
              create it there if it is missing.
            </Typography>
          )}
        </InfoCard>
      </Grid>
      {clusters.map(cluster => {
        const rows = slice.namespaceStates.filter(n => n.cluster === cluster);
        return (
          <Grid item xs={12} xl={6} key={cluster}>
            <Table<NamespaceOnCluster>
              title={cluster}
              options={{ paging: false, search: false, padding: 'dense' }}
              columns={columns}
              data={rows}
              emptyContent={
                <div style={{ padding: 16 }}>
                  No namespaces requested on this cluster. Onboard namespaces
                  puts them on it.
                </div>
              }
            />
          </Grid>
        );
      })}
    </Grid>
  );
}
