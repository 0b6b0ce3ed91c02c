import { preflightSliceConfig } from './preflight';
import type { PreflightSliceConfig } from './types';
import { errors, fleet, slice, warnings } from './__testUtils__/fleet';

const create = (s: PreflightSliceConfig, f = fleet()) =>
  preflightSliceConfig({ operation: 'create', proposed: s, fleet: f });
const update = (
  current: PreflightSliceConfig,
  proposed: PreflightSliceConfig,
  f = fleet(),
) => preflightSliceConfig({ operation: 'update', current, proposed, fleet: f });

describe('slice members on create', () => {
  it.each([
    ['ghost', ['cluster.notFound']],
    ['elsewhere', ['cluster.notFound']], // a Cluster of another project does not count
    ['pending', ['cluster.notRegistered']],
    ['sick', ['cluster.unhealthy']],
    ['noips', ['cluster.noNodeIPs']],
    ['nonet', ['cluster.noNetwork', 'cluster.noCniSubnet']],
  ])('refuses %s: %p', (name, expected) => {
    const results = create(slice({ clusters: ['c1', name] }));
    expect(errors(results)).toEqual(expected);
    expect(results[0].path).toBe('spec.clusters[1]');
  });

  it('names the failing components of an unhealthy cluster', () => {
    const [r] = create(slice({ clusters: ['sick'] }));
    expect(r.message).toContain('forwarder Error');
  });

  it('needs no NSM or CNI subnets for a no-network slice, but still registration, health and node IPs', () => {
    const noNet = (clusters: string[]) =>
      create(
        slice({
          overlayNetworkDeploymentMode: 'no-network',
          sliceSubnet: undefined,
          sliceGatewayProvider: undefined,
          standardQosProfileName: undefined,
          clusters,
        }),
      );
    expect(noNet(['c1', 'nonet'])).toEqual([]);
    expect(errors(noNet(['pending', 'sick', 'noips']))).toEqual([
      'cluster.notRegistered',
      'cluster.unhealthy',
      'cluster.noNodeIPs',
    ]);
  });

  it('refuses a slice subnet overlapping a member CNI subnet', () => {
    const results = create(
      slice({ sliceSubnet: '10.100.0.0/16', clusters: ['c1', 'c3'] }),
    );
    expect(results.map(r => [r.path, r.code, r.severity])).toEqual([
      ['spec.sliceSubnet', 'subnet.overlapsCni', 'error'],
    ]);
    expect(results[0].message).toContain('10.96.0.0/12');
  });

  it('refuses duplicates, pointing at the repeated entry', () => {
    const results = create(slice({ clusters: ['c1', 'c2', 'c1'] }));
    expect(results.map(r => [r.path, r.code])).toEqual([
      ['spec.clusters[2]', 'cluster.duplicate'],
    ]);
  });

  it('warns about a cluster being deregistered', () => {
    const f = fleet();
    (f.clusters as any[]).push({
      metadata: { name: 'leaving', namespace: 'kubeslice-demo' },
      status: { ...f.clusters![0].status, isDeregisterInProgress: true },
    });
    expect(warnings(create(slice({ clusters: ['c1', 'leaving'] }), f))).toEqual(
      ['cluster.deregistering'],
    );
  });
});

describe('maxClusters', () => {
  it.each([
    [1, ['maxClusters.outOfRange']],
    [33, ['maxClusters.outOfRange']],
    [2, []],
    [32, []],
    [2.5, ['schema.type']],
  ])('%p → %p', (max, expected) => {
    expect(
      errors(create(slice({ maxClusters: max, clusters: ['c1'] }))),
    ).toEqual(expected);
  });

  it('refuses fewer maxClusters than members', () => {
    const results = create(
      slice({ maxClusters: 2, clusters: ['c1', 'c2', 'c3'] }),
    );
    expect(results.map(r => [r.path, r.code])).toEqual([
      ['spec.maxClusters', 'maxClusters.belowMembers'],
    ]);
  });

  it('defaults to 16 when left out, as the schema does', () => {
    expect(create(slice({ maxClusters: undefined }))).toEqual([]);
  });
});

describe('slice members on update', () => {
  const current = slice({ clusters: ['c1', 'sick'] });

  it('re-checks only newly added clusters; trouble of existing members is a warning', () => {
    expect(errors(update(current, current))).toEqual([]);
    expect(warnings(update(current, current))).toEqual(['cluster.unhealthy']);
    const added = update(current, {
      ...current,
      spec: { ...current.spec, clusters: ['c1', 'sick', 'pending'] },
    });
    expect(added.map(r => [r.path, r.code, r.severity])).toEqual([
      ['spec.clusters[1]', 'cluster.unhealthy', 'warning'],
      ['spec.clusters[2]', 'cluster.notRegistered', 'error'],
    ]);
  });

  it('a member whose CNI now overlaps the subnet is a warning, a new one an error', () => {
    const stored = slice({
      sliceSubnet: '10.100.0.0/16',
      clusters: ['c1', 'c3'],
    });
    expect(update(stored, stored).map(r => [r.code, r.severity])).toEqual([
      ['subnet.overlapsCni', 'warning'],
    ]);
    const fresh = slice({ sliceSubnet: '10.100.0.0/16', clusters: ['c1'] });
    expect(
      update(fresh, {
        ...fresh,
        spec: { ...fresh.spec, clusters: ['c1', 'c3'] },
      }).map(r => [r.code, r.severity]),
    ).toEqual([['subnet.overlapsCni', 'error']]);
  });

  it('checks every member when a slice leaves no-network (its network is new)', () => {
    const stored = slice({
      overlayNetworkDeploymentMode: 'no-network',
      sliceSubnet: undefined,
      sliceGatewayProvider: undefined,
      standardQosProfileName: undefined,
      clusters: ['c1', 'nonet'],
    });
    const toNet = slice({ clusters: ['c1', 'nonet'] });
    expect(errors(update(stored, toNet))).toEqual([
      'cluster.noNetwork',
      'cluster.noCniSubnet',
    ]);
  });

  it('refuses growing beyond the (immutable) maxClusters', () => {
    const stored = slice({ maxClusters: 2, clusters: ['c1', 'c2'] });
    const results = update(stored, {
      ...stored,
      spec: { ...stored.spec, clusters: ['c1', 'c2', 'c3'] },
    });
    expect(errors(results)).toEqual(['maxClusters.belowMembers']);
    expect(results[0].message).toContain('cannot change');
  });
});
