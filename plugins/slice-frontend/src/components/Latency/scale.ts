/** Colour of a latency in ms: green near 0, yellow around 60 ms, red from 250 ms. */
export function latencyColor(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '#e0e0e0';
  const t = Math.min(
    1,
    Math.max(0, Math.log10(Math.max(ms, 1)) / Math.log10(200)),
  );
  const hue = 120 * (1 - t);
  return `hsl(${Math.round(hue)}, 65%, ${Math.round(52 - 8 * t)}%)`;
}

/** "12.3 ms", "—" for nothing. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

export function formatPercent(p: number | null | undefined): string {
  if (p === null || p === undefined) return '—';
  return `${p < 10 ? p.toFixed(1) : Math.round(p)} %`;
}

/** Round up to a readable axis maximum (1, 2, 5 × 10^n). */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const exp = Math.pow(10, Math.floor(Math.log10(value)));
  for (const m of [1, 2, 5, 10]) {
    if (value <= m * exp) return m * exp;
  }
  return 10 * exp;
}

const PALETTE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length];
}
