/**
 * Colour of a latency in ms on a heat scale: green near 0, yellow around 60 ms, red from
 * 250 ms (mid-lightness, so it reads on light and dark surfaces); `none` when there is no
 * value (the theme's, see `sliceColors`).
 */
export function latencyColor(
  ms: number | null | undefined,
  none: string,
): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return none;
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
