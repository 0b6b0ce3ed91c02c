import { EmptyState, InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import type {
  LatencyMatrixResponse,
  SliceDetail,
} from '@slice-portal/plugin-slice-common';
import { useState } from 'react';
import type { SliceRef } from '../../api/SliceApi';
import { useLatencyMatrix, useLatencySeries } from '../../hooks/useSliceData';
import { Loaded } from '../common/Loaded';
import { LatencyChart } from '../Latency/LatencyChart';
import { LatencyMatrix, type MatrixMetric } from '../Latency/LatencyMatrix';
import {
  formatMs,
  formatPercent,
  latencyColor,
  seriesColor,
} from '../Latency/scale';

const WINDOWS: { label: string; value: string; seconds: number }[] = [
  { label: '15 min', value: '15m', seconds: 900 },
  { label: '1 h', value: '1h', seconds: 3600 },
  { label: '6 h', value: '6h', seconds: 6 * 3600 },
  { label: '24 h', value: '24h', seconds: 86400 },
  { label: '7 d', value: '7d', seconds: 7 * 86400 },
];

/** Pairs drawn by default: the worst ones, at most this many. */
const DEFAULT_PAIRS = 6;

function WorstPairs({ matrix }: { matrix: LatencyMatrixResponse }) {
  if (matrix.worstPairs.length === 0) return null;
  return (
    <Table size="small" data-testid="worst-pairs">
      <TableHead>
        <TableRow>
          <TableCell>Pair</TableCell>
          <TableCell align="right">p95</TableCell>
          <TableCell align="right">p50</TableCell>
          <TableCell align="right">Latest</TableCell>
          <TableCell align="right">Loss p95</TableCell>
          <TableCell align="right">DOWN samples</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {matrix.worstPairs.map(c => (
          <TableRow key={c.clusters.join('|')}>
            <TableCell>{c.clusters.join(' ↔ ')}</TableCell>
            <TableCell
              align="right"
              style={{ background: latencyColor(c.latencyMs.p95) }}
            >
              {formatMs(c.latencyMs.p95)}
            </TableCell>
            <TableCell align="right">{formatMs(c.latencyMs.p50)}</TableCell>
            <TableCell align="right">{formatMs(c.latest?.latencyMs)}</TableCell>
            <TableCell align="right">
              {formatPercent(c.packetLossPercent.p95)}
            </TableCell>
            <TableCell align="right">
              {c.downSamples}/{c.samples}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Latency history per pair, the cluster × cluster matrix and the worst pairs. */
export function LatencyTab({
  slice,
  sliceRef,
}: {
  slice: SliceDetail;
  sliceRef: SliceRef;
}) {
  const [window, setWindow] = useState('1h');
  const [metric, setMetric] = useState<MatrixMetric>('p95');
  const [chosen, setChosen] = useState<string[] | undefined>();
  const seconds = WINDOWS.find(w => w.value === window)?.seconds ?? 3600;
  const series = useLatencySeries(sliceRef, seconds);
  const matrix = useLatencyMatrix({
    hub: sliceRef.hub,
    project: sliceRef.project,
    slice: sliceRef.name,
    window,
  });

  if (slice.members.length < 2) {
    return (
      <EmptyState
        missing="content"
        title="No tunnels to measure"
        description="Latency is measured between the gateways of two member clusters; add a second cluster to the slice."
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
          value={window}
          onChange={(_e, v) => v && setWindow(v)}
          aria-label="time window"
        >
          {WINDOWS.map(w => (
            <ToggleButton key={w.value} value={w.value} aria-label={w.label}>
              {w.label}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="Round-trip latency per cluster pair"
          subheader="Gateway to gateway, mean per step; red ticks mark steps with the tunnel DOWN"
        >
          <Loaded state={series} what="latency history">
            {data =>
              data.series.length === 0 ? (
                <EmptyState
                  missing="data"
                  title="No latency samples in this window"
                  description="The backend samples gateway status periodically; widen the window, or check that the portal can read the workers (their tunnels show UNKNOWN otherwise)."
                />
              ) : (
                <>
                  <LatencyChart data={data} pairs={pairs} />
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
                              ? `6px solid ${seriesColor(pairs.indexOf(key))}`
                              : undefined,
                          }}
                        />
                      );
                    })}
                  </div>
                  <Typography variant="caption" color="textSecondary">
                    {data.resolution === 'raw'
                      ? 'Every sample as recorded'
                      : 'Older steps come from rollups'}{' '}
                    · step {data.stepSeconds} s · click a pair to show or hide
                    it
                  </Typography>
                </>
              )
            }
          </Loaded>
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={6}>
        <InfoCard
          title="Cluster × cluster"
          subheader="Click a cell to add its pair to the chart"
        >
          <div style={{ marginBottom: 8 }}>
            <ToggleButtonGroup
              size="small"
              exclusive
              value={metric}
              onChange={(_e, v) => v && setMetric(v)}
              aria-label="matrix statistic"
            >
              <ToggleButton value="latest">latest</ToggleButton>
              <ToggleButton value="p50">p50</ToggleButton>
              <ToggleButton value="p95">p95</ToggleButton>
            </ToggleButtonGroup>
          </div>
          <Loaded state={matrix} what="latency matrix">
            {data =>
              data.cells.length === 0 ? (
                <Typography variant="body2" style={{ marginTop: 8 }}>
                  No samples in this window yet.
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
                      Approximate: part of the window comes from rollups.
                    </Typography>
                  )}
                </>
              )
            }
          </Loaded>
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={6}>
        <InfoCard title="Worst pairs" subheader="By p95 latency, then loss">
          <Loaded state={matrix} what="latency matrix">
            {data =>
              data.worstPairs.length === 0 ? (
                <Typography variant="body2">No samples yet.</Typography>
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
