import { EmptyState, InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { SliceDetail } from '@slice-portal/plugin-slice-common';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { SliceRef } from '../../api/SliceApi';
import { useLatencyMatrix, useLatencySeries } from '../../hooks/useSliceData';
import { Loaded } from '../common/Loaded';
import { LatencyChart } from '../Latency/LatencyChart';
import { LatencyMatrix, type MatrixMetric } from '../Latency/LatencyMatrix';
import { WorstPairs } from '../Latency/WorstPairs';
import {
  DEFAULT_LATENCY_WINDOW,
  LATENCY_WINDOWS,
  chartRange,
  latencyWindow,
} from '../Latency/window';
import { sliceTranslationRef } from '../../translation';
import { useSliceColors } from '../../theme/sliceColors';

/** Pairs drawn by default: the worst ones, at most this many. */
const DEFAULT_PAIRS = 6;

/** Latency history per pair, the cluster × cluster matrix and the worst pairs. */
export function LatencyTab({
  slice,
  sliceRef,
}: {
  slice: SliceDetail;
  sliceRef: SliceRef;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const colors = useSliceColors();
  // The window is kept in the URL: a reload or a shared link keeps the user's choice.
  const [params, setParams] = useSearchParams();
  const window = latencyWindow(params.get('window'));
  const setWindow = (value: string) => {
    const next = new URLSearchParams(params);
    if (value === DEFAULT_LATENCY_WINDOW) next.delete('window');
    else next.set('window', value);
    setParams(next, { replace: true });
  };
  const [metric, setMetric] = useState<MatrixMetric>('p95');
  const [chosen, setChosen] = useState<string[] | undefined>();
  const series = useLatencySeries(sliceRef, window.seconds);
  const matrix = useLatencyMatrix({
    hub: sliceRef.hub,
    project: sliceRef.project,
    slice: sliceRef.name,
    window: window.matrixWindow,
  });

  if (slice.members.length < 2) {
    return (
      <EmptyState
        missing="content"
        title={t('latency.noTunnels.title')}
        description={t('latency.noTunnels.description')}
      />
    );
  }

  const allPairs = series.value?.series.map(s => s.clusters.join('|')) ?? [];
  const worst = matrix.value?.worstPairs.map(c => c.clusters.join('|')) ?? [];
  const pairs =
    chosen ?? (worst.length ? worst : allPairs).slice(0, DEFAULT_PAIRS);
  const toggle = (key: string) =>
    setChosen(
      pairs.includes(key) ? pairs.filter(p => p !== key) : [...pairs, key],
    );

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={window.value}
          onChange={(_e, v) => v && setWindow(v)}
          aria-label={t('latency.windowAria')}
        >
          {LATENCY_WINDOWS.map(w => (
            <ToggleButton
              key={w.value}
              value={w.value}
              aria-label={t(`latency.windows.${w.value}`)}
            >
              {t(`latency.windows.${w.value}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title={t('latency.chart.title')}
          subheader={t('latency.chart.subheader')}
        >
          <Loaded state={series} what={t('latency.chart.what')}>
            {data => {
              if (data.series.length === 0) {
                return (
                  <EmptyState
                    missing="data"
                    title={t('latency.chart.emptyTitle')}
                    description={t('latency.chart.emptyDescription')}
                  />
                );
              }
              const range = chartRange(data, window.value === 'auto');
              return (
                <>
                  <LatencyChart data={data} pairs={pairs} range={range} />
                  <div data-testid="pair-legend">
                    {allPairs.map(key => {
                      const on = pairs.includes(key);
                      return (
                        <Chip
                          key={key}
                          size="small"
                          clickable
                          onClick={() => toggle(key)}
                          variant={on ? 'default' : 'outlined'}
                          label={key.replace('|', ' ↔ ')}
                          style={{
                            margin: 2,
                            borderLeft: on
                              ? `6px solid ${
                                  colors.series[
                                    pairs.indexOf(key) % colors.series.length
                                  ]
                                }`
                              : undefined,
                          }}
                        />
                      );
                    })}
                  </div>
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    data-testid="latency-caption"
                  >
                    {range.fitted &&
                      `${t('latency.chart.fitted', {
                        since: new Date(range.from).toLocaleTimeString(
                          undefined,
                          { hour: '2-digit', minute: '2-digit' },
                        ),
                      })} · `}
                    {data.resolution === 'raw'
                      ? t('latency.chart.raw')
                      : t('latency.chart.rollups')}{' '}
                    ·{' '}
                    {t('latency.chart.step', {
                      seconds: String(data.stepSeconds),
                    })}{' '}
                    · {t('latency.chart.toggleHint')}
                  </Typography>
                </>
              );
            }}
          </Loaded>
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={6}>
        <InfoCard
          title={t('latency.matrix.title')}
          subheader={t('latency.matrix.subheader')}
        >
          <div style={{ marginBottom: 8 }}>
            <ToggleButtonGroup
              size="small"
              exclusive
              value={metric}
              onChange={(_e, v) => v && setMetric(v)}
              aria-label={t('latency.matrix.statisticAria')}
            >
              <ToggleButton value="latest">
                {t('latency.matrix.latest')}
              </ToggleButton>
              <ToggleButton value="p50">p50</ToggleButton>
              <ToggleButton value="p95">p95</ToggleButton>
            </ToggleButtonGroup>
          </div>
          <Loaded state={matrix} what={t('latency.matrix.what')}>
            {data =>
              data.cells.length === 0 ? (
                <Typography variant="body2" style={{ marginTop: 8 }}>
                  {t('latency.matrix.empty')}
                </Typography>
              ) : (
                <>
                  <LatencyMatrix
                    data={data}
                    metric={metric}
                    onSelect={key => !pairs.includes(key) && toggle(key)}
                  />
                  {data.approximate && (
                    <Typography variant="caption" color="textSecondary">
                      {t('latency.matrix.approximate')}
                    </Typography>
                  )}
                </>
              )
            }
          </Loaded>
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={6}>
        <InfoCard
          title={t('latency.worst.title')}
          subheader={t('latency.worst.subheader')}
        >
          <Loaded state={matrix} what={t('latency.matrix.what')}>
            {data =>
              data.worstPairs.length === 0 ? (
                <Typography variant="body2">
                  {t('latency.worst.empty')}
                </Typography>
              ) : (
                <WorstPairs matrix={data} />
              )
            }
          </Loaded>
        </InfoCard>
      </Grid>
    </Grid>
  );
}
