import {
  durationToMs,
  formatShortDuration,
  parseIsoDateTime,
  parseShortDuration,
} from './durations';

describe('parseIsoDateTime', () => {
  it('accepts date-times with an offset', () => {
    expect(parseIsoDateTime('2025-01-01T10:00:00Z')).toBe(
      Date.UTC(2025, 0, 1, 10),
    );
    expect(parseIsoDateTime('2025-01-01T11:00:00.250+01:00')).toBe(
      Date.UTC(2025, 0, 1, 10, 0, 0, 250),
    );
    expect(parseIsoDateTime('2024-02-29T00:00Z')).toBe(Date.UTC(2024, 1, 29));
  });

  it.each([
    'yesterday',
    '2025-01-01',
    '2025-01-01T10:00:00',
    '2025-02-30T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '2025-13-01T00:00:00Z',
    '2025-01-01T24:00:00Z',
    '2025-01-01T10:00:00+25:00',
    '1735725600',
    '',
  ])('rejects %p', text => {
    expect(parseIsoDateTime(text)).toBeUndefined();
  });
});

describe('short durations', () => {
  it('parses units', () => {
    expect(parseShortDuration('30s')).toBe(30);
    expect(parseShortDuration('15m')).toBe(900);
    expect(parseShortDuration('24h')).toBe(86400);
    expect(parseShortDuration('7d')).toBe(604800);
  });

  it('rejects other forms and units not allowed', () => {
    expect(parseShortDuration('15')).toBeUndefined();
    expect(parseShortDuration('1.5h')).toBeUndefined();
    expect(parseShortDuration('1w')).toBeUndefined();
    expect(parseShortDuration('-5m')).toBeUndefined();
    expect(parseShortDuration('30s', 'mhd')).toBeUndefined();
  });

  it('formats the largest exact unit', () => {
    expect(formatShortDuration(90)).toBe('90s');
    expect(formatShortDuration(3600)).toBe('1h');
    expect(formatShortDuration(86400 * 30)).toBe('30d');
  });

  it('converts human durations', () => {
    expect(durationToMs({ seconds: 30 })).toBe(30_000);
    expect(durationToMs({ hours: 1, minutes: 30 })).toBe(5_400_000);
    expect(durationToMs({ days: 30 })).toBe(2_592_000_000);
  });
});
