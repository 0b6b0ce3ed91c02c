import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { LatencyMatrixResponse } from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import { useSliceColors } from '../../theme/sliceColors';
import { formatMs, formatPercent, latencyColor } from './scale';

/** The pairs with the highest p95 latency (then loss), as the matrix answer ranks them. */
export function WorstPairs({ matrix }: { matrix: LatencyMatrixResponse }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const colors = useSliceColors();
  if (matrix.worstPairs.length === 0) return null;
  return (
    <Table size="small" data-testid="worst-pairs">
      <TableHead>
        <TableRow>
          <TableCell>{t('latency.worst.pair')}</TableCell>
          <TableCell align="right">p95</TableCell>
          <TableCell align="right">p50</TableCell>
          <TableCell align="right">{t('latency.worst.latest')}</TableCell>
          <TableCell align="right">{t('latency.worst.lossP95')}</TableCell>
          <TableCell align="right">{t('latency.worst.downSamples')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {matrix.worstPairs.map(c => {
          const background = latencyColor(c.latencyMs.p95, colors.none);
          return (
            <TableRow key={c.clusters.join('|')}>
              <TableCell>{c.clusters.join(' ↔ ')}</TableCell>
              <TableCell
                align="right"
                style={{
                  background,
                  color: colors.contrastText(background),
                }}
              >
                {formatMs(c.latencyMs.p95)}
              </TableCell>
              <TableCell align="right">{formatMs(c.latencyMs.p50)}</TableCell>
              <TableCell align="right">
                {formatMs(c.latest?.latencyMs)}
              </TableCell>
              <TableCell align="right">
                {formatPercent(c.packetLossPercent.p95)}
              </TableCell>
              <TableCell align="right">
                {c.downSamples}/{c.samples}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
