import { InfoCard } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { Tunnel } from '@slice-portal/plugin-slice-common';
import { HealthStatus } from '../HealthStatus/HealthStatus';
import { tunnelColor } from './layout';
import { useSliceColors } from '../../theme/sliceColors';

function num(v: number | undefined, unit: string) {
  return v === undefined ? '—' : `${v} ${unit}`;
}

/** A tunnel's gateway pods on both sides, with their state, latency, loss and rates. */
export function TunnelPanel({ tunnel }: { tunnel: Tunnel }) {
  const colors = useSliceColors();
  return (
    <InfoCard
      title={`${tunnel.a} ↔ ${tunnel.b}`}
      subheader={`server gateway on ${tunnel.server ?? 'unknown'}`}
    >
      <div data-testid="tunnel-panel">
        <Typography
          variant="body2"
          style={{ color: tunnelColor(tunnel.state, colors) }}
        >
          <strong>{tunnel.state}</strong> · {num(tunnel.latencyMs, 'ms')} ·{' '}
          {num(tunnel.packetLossPercent, '% loss')}
        </Typography>
        <HealthStatus health={tunnel.health} />
        <Table size="small" style={{ marginTop: 8 }}>
          <TableHead>
            {/* Headers and names on one line; the pod names wrap instead. */}
            <TableRow style={{ whiteSpace: 'nowrap' }}>
              <TableCell>Cluster</TableCell>
              <TableCell>Gateway pod</TableCell>
              <TableCell>Peer pod</TableCell>
              <TableCell>State</TableCell>
              <TableCell align="right">Latency</TableCell>
              <TableCell align="right">Loss</TableCell>
              <TableCell align="right">Tx / Rx kbit/s</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {tunnel.pods.length === 0 && (
              <TableRow>
                <TableCell colSpan={7}>
                  No gateway pod reported this tunnel. The workers of {tunnel.a}{' '}
                  and {tunnel.b} may not be readable by the portal.
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
                  {p.peerPod ?? '—'}
                </TableCell>
                <TableCell style={{ color: tunnelColor(p.state, colors) }}>
                  {p.state}
                </TableCell>
                <TableCell align="right">{num(p.latencyMs, 'ms')}</TableCell>
                <TableCell align="right">
                  {num(p.packetLossPercent, '%')}
                </TableCell>
                <TableCell align="right">
                  {p.txRateKbps ?? '—'} / {p.rxRateKbps ?? '—'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </InfoCard>
  );
}
