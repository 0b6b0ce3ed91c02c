import { EmptyState, InfoCard } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import type { SliceDetail } from '@slice-portal/plugin-slice-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { SliceRef } from '../../api/SliceApi';
import { useTopology } from '../../hooks/useSliceData';
import { Loaded } from '../common/Loaded';
import { TopologyGraph } from '../Topology/TopologyGraph';
import { TunnelPanel } from '../Topology/TunnelPanel';
import { tunnelColor } from '../Topology/layout';
import { useSliceColors } from '../../theme/sliceColors';
import { sliceTranslationRef } from '../../translation';

/** Labels on every tunnel only while they stay readable. */
const LABEL_ALL_UP_TO = 10;

function Legend() {
  const { t } = useTranslationRef(sliceTranslationRef);
  const colors = useSliceColors();
  return (
    <Typography variant="caption" color="textSecondary" component="div">
      {(['UP', 'DEGRADED', 'DOWN', 'UNKNOWN'] as const).map(s => (
        <span key={s} style={{ marginRight: 16 }}>
          <span
            style={{
              display: 'inline-block',
              width: 18,
              height: 3,
              background: tunnelColor(s, colors),
              verticalAlign: 'middle',
              marginRight: 4,
            }}
          />
          {t(`topology.states.${s}`)}
        </span>
      ))}
      {t('topology.legend')}
    </Typography>
  );
}

/**
 * Clusters as nodes, tunnels as edges. What is expanded, focused and selected lives in the
 * URL, so a view can be bookmarked and shared.
 */
export function TopologyTab({
  slice,
  sliceRef,
}: {
  slice: SliceDetail;
  sliceRef: SliceRef;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const state = useTopology(sliceRef);
  const [params, setParams] = useSearchParams();
  const expandParam = params.get('expand') ?? '';
  const expanded = useMemo(
    () =>
      new Set(
        expandParam
          .split(',')
          .filter(Boolean)
          .map(c => `cluster:${c}`),
      ),
    [expandParam],
  );
  const tunnelParam = params.get('tunnel') ?? undefined;
  const focusParam = params.get('focus') ?? '';
  const labelsParam = params.get('labels');

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, val] of Object.entries(changes)) {
      if (val) next.set(k, val);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const setExpanded = (ids: string[]) =>
    update({
      expand: ids.map(id => id.replace(/^cluster:/, '')).join(',') || undefined,
    });

  const tunnel = tunnelParam
    ? slice.tunnels.find(x => `${x.a}|${x.b}` === tunnelParam)
    : undefined;
  const members = slice.members.map(m => m.cluster);

  return (
    <Loaded state={state} what={t('topology.what')} rows={10}>
      {topology => {
        const clusterIds = topology.nodes
          .filter(n => n.kind === 'cluster')
          .map(n => n.id);
        if (clusterIds.length === 0) {
          return (
            <EmptyState
              missing="content"
              title={t('topology.noMembers.title')}
              description={t('topology.noMembers.description')}
            />
          );
        }
        const showAllLabels =
          labelsParam === 'all' ||
          (labelsParam !== 'some' && clusterIds.length <= LABEL_ALL_UP_TO);
        return (
          <Grid container spacing={2}>
            <Grid item xs={12}>
              <Grid container spacing={2} alignItems="center">
                <Grid item>
                  <Button
                    size="small"
                    variant="outlined"
                    onClick={() => setExpanded(clusterIds)}
                  >
                    {t('topology.expandAll')}
                  </Button>{' '}
                  <Button
                    size="small"
                    variant="outlined"
                    onClick={() => setExpanded([])}
                  >
                    {t('topology.collapseAll')}
                  </Button>
                </Grid>
                <Grid item>
                  <FormControl style={{ minWidth: 180 }} size="small">
                    <InputLabel shrink id="topology-focus">
                      {t('topology.focus')}
                    </InputLabel>
                    <Select
                      labelId="topology-focus"
                      value={focusParam}
                      displayEmpty
                      onChange={e =>
                        update({ focus: String(e.target.value) || undefined })
                      }
                    >
                      <MenuItem value="">{t('topology.allClusters')}</MenuItem>
                      {members.map(m => (
                        <MenuItem key={m} value={m}>
                          {m}
                        </MenuItem>
                      ))}
                    </Select>
                  </FormControl>
                </Grid>
                <Grid item>
                  <FormControlLabel
                    control={
                      <Checkbox
                        color="primary"
                        checked={showAllLabels}
                        onChange={e =>
                          update({ labels: e.target.checked ? 'all' : 'some' })
                        }
                      />
                    }
                    label={t('topology.allLabels')}
                  />
                </Grid>
              </Grid>
              <Legend />
            </Grid>
            <Grid item xs={12}>
              <TopologyGraph
                topology={topology}
                expanded={expanded}
                selectedEdge={
                  tunnel ? `tunnel:${tunnel.a}|${tunnel.b}` : undefined
                }
                focus={focusParam ? `cluster:${focusParam}` : undefined}
                showAllLabels={showAllLabels}
                onNodeClick={id => {
                  if (!id.startsWith('cluster:')) return;
                  const next = new Set(expanded);
                  if (next.has(id)) next.delete(id);
                  else next.add(id);
                  setExpanded([...next]);
                }}
                onEdgeClick={id => {
                  const pair = id.replace(/^tunnel:/, '');
                  update({ tunnel: pair === tunnelParam ? undefined : pair });
                }}
              />
            </Grid>
            {tunnel && (
              <Grid item xs={12}>
                <TunnelPanel tunnel={tunnel} />
              </Grid>
            )}
            {!tunnel && slice.tunnels.length === 0 && (
              <Grid item xs={12}>
                <InfoCard title={t('topology.noTunnels.title')}>
                  <Typography variant="body2">
                    {t('topology.noTunnels.description')}
                  </Typography>
                </InfoCard>
              </Grid>
            )}
          </Grid>
        );
      }}
    </Loaded>
  );
}
