import type { LatencySeriesResponse } from '@slice-portal/plugin-slice-common';
import { useSliceColors } from '../../theme/sliceColors';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { sliceTranslationRef } from '../../translation';
import { formatMs, niceMax } from './scale';
import { gapThresholdMs } from './window';

const W = 900;
const H = 280;
const PAD = { left: 56, right: 16, top: 12, bottom: 28 };

function timeLabel(ms: number, spanMs: number): string {
  const d = new Date(ms);
  if (spanMs > 2 * 86400_000) {
    return d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  }
  return d.toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
  });
}

/**
 * Latency per cluster pair over time: one line per pair (gaps where no sample was taken),
 * red ticks under the axis where a tunnel was reported DOWN.
 */
export function LatencyChart({
  data,
  pairs,
  range,
}: {
  data: LatencySeriesResponse;
  /** `a|b` keys of the pairs to draw, in legend order. */
  pairs: string[];
  /** The time axis (ms since epoch); the answer's range by default. */
  range?: { from: number; to: number };
}) {
  const colors = useSliceColors();
  // Not `t`: the chart's code names times `t`.
  const { t: translate } = useTranslationRef(sliceTranslationRef);
  const from = range?.from ?? Date.parse(data.from);
  const to = range?.to ?? Date.parse(data.to);
  const span = Math.max(1, to - from);
  const stepMs = data.stepSeconds * 1000;
  const shown = pairs
    .map(key => data.series.find(s => s.clusters.join('|') === key))
    .filter((s): s is NonNullable<typeof s> => Boolean(s));
  let max = 0;
  for (const s of shown) {
    for (const p of s.points) {
      max = Math.max(max, p.latencyMs ?? 0);
    }
  }
  const yMax = niceMax(max * 1.1);
  const x = (t: number) =>
    PAD.left + ((t - from) / span) * (W - PAD.left - PAD.right);
  const y = (v: number) =>
    H - PAD.bottom - (v / yMax) * (H - PAD.top - PAD.bottom);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map(f => f * yMax);
  const xticks = [0, 0.25, 0.5, 0.75, 1].map(f => from + f * span);

  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      style={{ width: '100%', maxHeight: 320 }}
      role="img"
      aria-label={translate('latency.chart.aria')}
      data-testid="latency-chart"
    >
      {ticks.map(t => (
        <g key={t}>
          <line
            x1={PAD.left}
            x2={W - PAD.right}
            y1={y(t)}
            y2={y(t)}
            stroke={colors.grid}
          />
          <text
            x={PAD.left - 6}
            y={y(t) + 4}
            fontSize={11}
            textAnchor="end"
            fill={colors.textSecondary}
          >
            {formatMs(t)}
          </text>
        </g>
      ))}
      {xticks.map(t => (
        <text
          key={t}
          x={x(t)}
          y={H - 8}
          fontSize={11}
          textAnchor="middle"
          fill={colors.textSecondary}
        >
          {timeLabel(t, span)}
        </text>
      ))}
      <line
        x1={PAD.left}
        x2={W - PAD.right}
        y1={H - PAD.bottom}
        y2={H - PAD.bottom}
        stroke={colors.axis}
      />
      {shown.map(series => {
        const color =
          colors.series[
            pairs.indexOf(series.clusters.join('|')) % colors.series.length
          ];
        const gapMs = gapThresholdMs(
          series.points.map(p => Date.parse(p.t)),
          stepMs,
        );
        // Break the line where a step has no sample or no latency (all DOWN).
        const segments: string[] = [];
        let current: string[] = [];
        let last: number | undefined;
        for (const p of series.points) {
          const t = Date.parse(p.t);
          if (
            p.latencyMs === null ||
            (last !== undefined && t - last > gapMs)
          ) {
            if (current.length) segments.push(current.join(' '));
            current = [];
          }
          if (p.latencyMs !== null) {
            current.push(
              `${x(t + stepMs / 2).toFixed(1)},${y(p.latencyMs).toFixed(1)}`,
            );
          }
          last = t;
        }
        if (current.length) segments.push(current.join(' '));
        const key = series.clusters.join('|');
        return (
          <g key={key} data-testid={`series-${key}`}>
            {segments.map((points, i) =>
              points.includes(' ') ? (
                <polyline
                  key={i}
                  points={points}
                  fill="none"
                  stroke={color}
                  strokeWidth={1.8}
                />
              ) : (
                <circle
                  key={i}
                  cx={Number(points.split(',')[0])}
                  cy={Number(points.split(',')[1])}
                  r={2}
                  fill={color}
                />
              ),
            )}
            {series.points
              .filter(p => p.downSamples > 0)
              .map(p => (
                <rect
                  key={p.t}
                  x={x(Date.parse(p.t))}
                  y={H - PAD.bottom + 1}
                  width={Math.max(
                    1.5,
                    x(Date.parse(p.t) + stepMs) - x(Date.parse(p.t)),
                  )}
                  height={4}
                  fill={colors.error}
                >
                  <title>{`${key.replace('|', ' ↔ ')}: ${p.downSamples}/${
                    p.samples
                  } samples DOWN`}</title>
                </rect>
              ))}
          </g>
        );
      })}
    </svg>
  );
}
