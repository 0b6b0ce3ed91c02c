import {
  isSliceAvailable,
  parseServiceAnnotation,
  parseSliceAnnotation,
} from './annotations';

describe('slice annotations', () => {
  it('parses slice lists with optional hub and project', () => {
    expect(
      parseSliceAnnotation('pacman, arcade/leaderboard,demo/acme/payments'),
    ).toEqual([
      { name: 'pacman' },
      { project: 'arcade', name: 'leaderboard' },
      { hub: 'demo', project: 'acme', name: 'payments' },
    ]);
    expect(parseSliceAnnotation(undefined)).toEqual([]);
  });

  it('parses namespace/name services and rejects anything else', () => {
    expect(parseServiceAnnotation('mongodb/mongo')).toEqual({
      namespace: 'mongodb',
      name: 'mongo',
    });
    expect(parseServiceAnnotation('mongo')).toBeUndefined();
  });

  it('filters entities on either annotation', () => {
    const e = (annotations?: Record<string, string>) => ({
      apiVersion: 'v1',
      kind: 'Component',
      metadata: { name: 'x', annotations },
    });
    expect(isSliceAvailable(e({ 'kubeslice.io/slice': 'pacman' }))).toBe(true);
    expect(isSliceAvailable(e({ 'kubeslice.io/service': 'a/b' }))).toBe(true);
    expect(isSliceAvailable(e({}))).toBe(false);
    expect(isSliceAvailable(e())).toBe(false);
  });
});
