import { InfoCard } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { Tunnel } from '@slice-portal/plugin-slice-common';
import {
  useTranslationRef,
  type TranslationFunction,
} from '@backstage/frontend-plugin-api';
import { HealthStatus } from '../HealthStatus/HealthStatus';
import { tunnelColor } from './layout';
import { useSliceColors } from '../../theme/sliceColors';
import { sliceTranslationRef } from '../../translation';

type SliceT = TranslationFunction<typeof sliceTranslationRef.T>;

function num(
  t: SliceT,
  v: number | undefined,
  unit: 'ms' | 'loss' | 'percent',
) {
  return v === undefined
    ? t('sliceTabs.none')
    : t(`topology.tunnel.${unit}`, { value: String(v) });
}

/** A tunnel's gateway pods on both sides, with their state, latency, loss and rates. */
export function TunnelPanel({ tunnel }: { tunnel: Tunnel }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const colors = useSliceColors();
  return (
    <InfoCard
      title={t('topology.tunnel.title', { a: tunnel.a, b: tunnel.b })}
      subheader={t('topology.tunnel.server', {
        cluster: tunnel.server ?? t('topology.tunnel.unknownServer'),
      })}
    >
      <div data-testid="tunnel-panel">
        <Typography
          variant="body2"
          style={{ color: tunnelColor(tunnel.state, colors) }}
        >
          <strong>{t(`topology.states.${tunnel.state}`)}</strong> ·{' '}
          {num(t, tunnel.latencyMs, 'ms')} ·{' '}
          {num(t, tunnel.packetLossPercent, 'loss')}
        </Typography>
        <HealthStatus health={tunnel.health} />
        <Table size="small" style={{ marginTop: 8 }}>
          <TableHead>
            {/* Headers and names on one line; the pod names wrap instead. */}
            <TableRow style={{ whiteSpace: 'nowrap' }}>
              <TableCell>{t('topology.tunnel.columns.cluster')}</TableCell>
              <TableCell>{t('topology.tunnel.columns.gateway')}</TableCell>
              <TableCell>{t('topology.tunnel.columns.peer')}</TableCell>
              <TableCell>{t('topology.tunnel.columns.state')}</TableCell>
              <TableCell align="right">
                {t('topology.tunnel.columns.latency')}
              </TableCell>
              <TableCell align="right">
                {t('topology.tunnel.columns.loss')}
              </TableCell>
              <TableCell align="right">
                {t('topology.tunnel.columns.rates')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {tunnel.pods.length === 0 && (
              <TableRow>
                <TableCell colSpan={7}>
                  {t('topology.tunnel.noPods', { a: tunnel.a, b: tunnel.b })}
                </TableCell>
              </TableRow>
            )}
            {tunnel.pods.map(p => (
              <TableRow key={`${p.cluster}/${p.pod}`}>
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  {p.cluster}
                </TableCell>
                <TableCell style={{ fontFamily: 'monospace' }}>
                  {p.pod}
                </TableCell>
                <TableCell style={{ fontFamily: 'monospace' }}>
                  {p.peerPod ?? t('sliceTabs.none')}
                </TableCell>
                <TableCell style={{ color: tunnelColor(p.state, colors) }}>
                  {t(`topology.states.${p.state}`)}
                </TableCell>
                <TableCell align="right">{num(t, p.latencyMs, 'ms')}</TableCell>
                <TableCell align="right">
                  {num(t, p.packetLossPercent, 'percent')}
                </TableCell>
                <TableCell align="right">
                  {p.txRateKbps ?? t('sliceTabs.none')} /{' '}
                  {p.rxRateKbps ?? t('sliceTabs.none')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </InfoCard>
  );
}
