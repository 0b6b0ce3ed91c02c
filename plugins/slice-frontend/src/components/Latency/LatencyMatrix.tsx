import type {
  LatencyMatrixCell,
  LatencyMatrixResponse,
} from '@slice-portal/plugin-slice-common';
import { useSliceColors } from '../../theme/sliceColors';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { sliceTranslationRef } from '../../translation';
import { formatMs, formatPercent, latencyColor } from './scale';

export type MatrixMetric = 'latest' | 'p50' | 'p95';

export function cellValue(
  cell: LatencyMatrixCell | undefined,
  metric: MatrixMetric,
): number | null {
  if (!cell) return null;
  if (metric === 'latest') return cell.latest?.latencyMs ?? null;
  return cell.latencyMs[metric];
}

function cellText(allDown: boolean, value: number | null): string {
  if (allDown) return 'DOWN';
  return value === null ? '·' : String(Math.round(value));
}

/** Every pair of the slice as a heat map cell (symmetric), coloured by the chosen latency. */
export function LatencyMatrix({
  data,
  metric,
  onSelect,
}: {
  data: LatencyMatrixResponse;
  metric: MatrixMetric;
  onSelect?: (pair: string) => void;
}) {
  const colors = useSliceColors();
  const { t } = useTranslationRef(sliceTranslationRef);
  const names = data.clusters;
  const n = names.length;
  const cell = n > 16 ? 18 : 44;
  const label = Math.min(140, 8 + 7 * Math.max(0, ...names.map(c => c.length)));
  const size = label + n * cell + 40;
  const cells = new Map(data.cells.map(c => [c.clusters.join('|'), c]));
  const small = n > 16;

  return (
    <svg
      viewBox={`0 0 ${size} ${size}`}
      style={{
        width: '100%',
        maxWidth: size,
        maxHeight: 820,
        display: 'block',
      }}
      role="img"
      aria-label={t('latency.matrix.aria', { n: String(n) })}
      data-testid="latency-matrix"
    >
      {names.map((name, i) => (
        <g key={name}>
          <text
            x={label - 6}
            y={label + i * cell + cell / 2 + 4}
            fontSize={small ? 10 : 12}
            textAnchor="end"
            fill={colors.text}
          >
            {name}
          </text>
          <text
            transform={`translate(${label + i * cell + cell / 2 + 4},${
              label - 6
            }) rotate(-60)`}
            fontSize={small ? 10 : 12}
            fill={colors.text}
          >
            {name}
          </text>
        </g>
      ))}
      {names.map((row, i) =>
        names.map((col, j) => {
          if (i === j) {
            return (
              <rect
                key={`${row}|${col}`}
                x={label + j * cell}
                y={label + i * cell}
                width={cell - 1}
                height={cell - 1}
                fill={colors.none}
              />
            );
          }
          const key = [row, col].sort().join('|');
          const c = cells.get(key);
          const value = cellValue(c, metric);
          const allDown =
            c !== undefined && c.samples > 0 && c.downSamples === c.samples;
          const fill = allDown
            ? colors.error
            : latencyColor(value, colors.none);
          return (
            <g
              key={`${row}|${col}`}
              data-testid={`cell-${row}|${col}`}
              onClick={() => onSelect?.(key)}
              style={{ cursor: onSelect ? 'pointer' : 'default' }}
            >
              <title>
                {`${row} ↔ ${col}: ${metric} ${formatMs(value)}; p50 ${formatMs(
                  c?.latencyMs.p50,
                )}, p95 ${formatMs(c?.latencyMs.p95)}, loss p95 ${formatPercent(
                  c?.packetLossPercent.p95,
                )}${
                  c
                    ? `, ${c.downSamples}/${c.samples} samples DOWN`
                    : ', no samples'
                }`}
              </title>
              <rect
                x={label + j * cell}
                y={label + i * cell}
                width={cell - 1}
                height={cell - 1}
                fill={fill}
              />
              {!small && (
                <text
                  x={label + j * cell + cell / 2}
                  y={label + i * cell + cell / 2 + 4}
                  fontSize={11}
                  textAnchor="middle"
                  fill={colors.contrastText(fill)}
                >
                  {cellText(allDown, value)}
                </text>
              )}
            </g>
          );
        }),
      )}
    </svg>
  );
}
