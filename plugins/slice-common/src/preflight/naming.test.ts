import { preflightSliceConfig } from './preflight';
import { PREFLIGHT_CODES } from './types';
import { NS, errors, fleet, slice, warnings } from './__testUtils__/fleet';

const create = (s = slice(), f = fleet()) =>
  preflightSliceConfig({ operation: 'create', proposed: s, fleet: f });

describe('SliceConfig naming', () => {
  it('accepts the baseline slice with no findings at all', () => {
    expect(create()).toEqual([]);
  });

  it.each(['Web', 'web_1', '-web', 'web-', 'a'.repeat(254), 'web..x'])(
    'refuses the name %p (not an RFC 1123 subdomain)',
    name => {
      const results = create({ ...slice(), metadata: { name, namespace: NS } });
      expect(errors(results)).toEqual(['name.invalid']);
      expect(results[0].path).toBe('metadata.name');
    },
  );

  it('requires a name', () => {
    expect(errors(create({ ...slice(), metadata: { namespace: NS } }))).toEqual(
      ['name.required'],
    );
  });

  it('warns above 15 characters (docs: service export breaks) but does not refuse', () => {
    const results = create(slice({}, 'a-sixteen-chars1'));
    expect(errors(results)).toEqual([]);
    expect(warnings(results)).toEqual(['name.tooLong']);
    expect(create(slice({}, 'fifteen-chars-1'))).toEqual([]);
  });

  it('refuses a namespace that is not a project namespace when the fleet lists them', () => {
    const s = {
      ...slice(),
      metadata: { name: 'web', namespace: 'kubeslice-controller' },
    };
    expect(errors(create(s))).toContain('namespace.notProject');
    // Unknown project namespaces: not judged (the caller may not be allowed to list them).
    expect(
      errors(create(s, { ...fleet(), projectNamespaces: undefined })),
    ).not.toContain('namespace.notProject');
  });

  it('only judges names on create: an update keeps the stored name', () => {
    const current = slice({}, 'a-very-long-slice-name');
    const results = preflightSliceConfig({
      operation: 'update',
      current,
      proposed: current,
      fleet: fleet(),
    });
    expect(results).toEqual([]);
  });

  it('every result code is a listed code, with a sentence for a message', () => {
    const results = [
      ...create(
        slice({
          sliceSubnet: '8.8.8.0/24',
          clusters: ['c1', 'c1', 'ghost', 'pending', 'sick'],
          maxClusters: 2,
        }),
      ),
      ...create({ ...slice(), metadata: { name: 'Bad', namespace: 'nope' } }),
    ];
    expect(results.length).toBeGreaterThan(5);
    for (const r of results) {
      expect(PREFLIGHT_CODES).toContain(r.code);
      expect(r.message).toMatch(/^\S.*[.)]$/);
      expect(['error', 'warning']).toContain(r.severity);
    }
  });
});
