import { health, healthOk, worstHealth } from './health';

describe('worstHealth', () => {
  it('is ok with no parts', () => {
    expect(worstHealth([])).toEqual(healthOk());
  });

  it('ranks error > warning > unknown > ok and lists the worst reasons first', () => {
    const result = worstHealth([
      health('unknown', 'stale'),
      health('warning', 'forwarder'),
      health('error', 'tunnel down'),
      healthOk(),
    ]);
    expect(result.state).toBe('error');
    expect(result.reasons).toEqual(['tunnel down', 'forwarder', 'stale']);
  });

  it('treats unknown as worse than ok but better than warning', () => {
    expect(worstHealth([healthOk(), health('unknown', 'x')]).state).toBe(
      'unknown',
    );
    expect(
      worstHealth([health('warning', 'w'), health('unknown', 'x')]).state,
    ).toBe('warning');
  });

  it('deduplicates reasons', () => {
    expect(
      worstHealth([health('warning', 'a'), health('warning', 'a')]).reasons,
    ).toEqual(['a']);
  });
});
