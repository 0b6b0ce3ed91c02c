import { InfoCard, Table, type TableColumn } from '@backstage/core-components';
import {
  useTranslationRef,
  type TranslationFunction,
} from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type {
  NamespaceOnCluster,
  SliceDetail,
} from '@slice-portal/plugin-slice-common';
import { useSliceColors, type SliceColors } from '../../theme/sliceColors';
import { OnboardButton } from '../OnboardWizard/OnboardButton';
import { sliceTranslationRef } from '../../translation';

type SliceT = TranslationFunction<typeof sliceTranslationRef.T>;

/** The chip colour of a state; its label is `sliceTabs.namespaces.states.<state>`. */
const STATE_COLOR: Record<
  NamespaceOnCluster['state'],
  (c: SliceColors) => string
> = {
  onboarded: c => c.okBackground,
  pending: c => c.warningBackground,
  unrequested: c => c.errorBackground,
  allowed: c => c.infoBackground,
};

function StateChip({ state }: { state: NamespaceOnCluster['state'] }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const colors = useSliceColors();
  return (
    <Chip
      size="small"
      label={t(`sliceTabs.namespaces.states.${state}`)}
      style={{
        backgroundColor: STATE_COLOR[state](colors),
        color: colors.text,
      }}
    />
  );
}

const columnsFor = (
  slice: SliceDetail,
  t: SliceT,
): TableColumn<NamespaceOnCluster>[] => [
  {
    title: t('sliceTabs.namespaces.columns.namespace'),
    field: 'namespace',
    highlight: true,
  },
  { title: t('sliceTabs.namespaces.columns.role'), field: 'role' },
  {
    title: t('sliceTabs.namespaces.columns.requested'),
    render: n =>
      n.requested
        ? t('sliceTabs.namespaces.yes')
        : t('sliceTabs.namespaces.no'),
  },
  {
    title: t('sliceTabs.namespaces.columns.onboarded'),
    render: n => {
      if (n.role === 'allowed') return t('sliceTabs.none');
      return n.onboarded
        ? t('sliceTabs.namespaces.yes')
        : t('sliceTabs.namespaces.no');
    },
  },
  {
    title: t('sliceTabs.namespaces.columns.state'),
    render: n => <StateChip state={n.state} />,
  },
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
  const { t } = useTranslationRef(sliceTranslationRef);
  const columns = columnsFor(slice, t);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title={t('sliceTabs.namespaces.isolation')}
          action={<OnboardButton slice={slice} />}
        >
          <Typography variant="body2">
            {slice.isolationEnabled
              ? t('sliceTabs.namespaces.isolationEnabled', {
                  allowed:
                    slice.allowedNamespaces.join(', ') ||
                    t('sliceTabs.namespaces.noneAllowed'),
                })
              : t('sliceTabs.namespaces.isolationDisabled')}
          </Typography>
          {pending.length > 0 && (
            <Typography variant="body2" color="error" data-testid="pending">
              {t('sliceTabs.namespaces.pending', {
                n: String(pending.length),
                list: pending
                  .map(p =>
                    t('sliceTabs.namespaces.pendingItem', {
                      namespace: p.namespace,
                      cluster: p.cluster,
                    }),
                  )
                  .join(', '),
              })}
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
                  {t('sliceTabs.namespaces.empty')}
                </div>
              }
            />
          </Grid>
        );
      })}
    </Grid>
  );
}
