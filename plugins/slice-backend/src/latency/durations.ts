/** The shape of `HumanDuration` from `@backstage/types`, as `readDurationFromConfig` returns it. */
export type HumanDuration = Partial<
  Record<
    | 'years'
    | 'months'
    | 'weeks'
    | 'days'
    | 'hours'
    | 'minutes'
    | 'seconds'
    | 'milliseconds',
    number
  >
>;

/** Milliseconds per unit of a {@link HumanDuration} (months and years as 30 and 365 days). */
const MS_PER: Record<keyof HumanDuration, number> = {
  milliseconds: 1,
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 7 * 86_400_000,
  months: 30 * 86_400_000,
  years: 365 * 86_400_000,
};

/** Converts a {@link HumanDuration} (as read by `readDurationFromConfig`) to milliseconds. */
export function durationToMs(duration: HumanDuration): number {
  let ms = 0;
  for (const [unit, value] of Object.entries(duration)) {
    const factor = MS_PER[unit as keyof HumanDuration];
    if (factor !== undefined && typeof value === 'number') {
      ms += value * factor;
    }
  }
  return ms;
}

const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
};

/**
 * Parses a short duration as used in query parameters: `<integer><unit>` with unit
 * `s`, `m`, `h` or `d` (`30s`, `15m`, `1h`, `24h`, `7d`), restricted to `units`.
 * Returns seconds, or undefined if the text does not have that form.
 */
export function parseShortDuration(
  text: string,
  units: string = 'smhd',
): number | undefined {
  const match = /^(\d{1,9})([smhd])$/.exec(text);
  if (!match || !units.includes(match[2])) {
    return undefined;
  }
  return Number(match[1]) * UNIT_SECONDS[match[2]];
}

/** Formats seconds as the largest exact short duration (`90` → `90s`, `3600` → `1h`). */
export function formatShortDuration(seconds: number): string {
  for (const unit of ['d', 'h', 'm'] as const) {
    const size = UNIT_SECONDS[unit];
    if (seconds >= size && seconds % size === 0) {
      return `${seconds / size}${unit}`;
    }
  }
  return `${seconds}s`;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Parses an ISO 8601 date-time with an explicit offset (`2025-01-01T10:00:00Z`,
 * `2025-01-01T11:00:00.250+01:00`). Rejects date-only strings, missing offsets and
 * impossible dates (`2025-02-30`), which `Date.parse` would accept or roll over.
 * Returns epoch milliseconds, or undefined.
 */
export function parseIsoDateTime(text: string): number | undefined {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) {
    return undefined;
  }
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(
    Number,
  );
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  if (m[7] !== 'Z' && (Number(m[8]) > 23 || Number(m[9]) > 59)) {
    return undefined;
  }
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}
