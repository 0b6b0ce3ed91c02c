import { preflightSliceConfig } from './preflight';
import type { PreflightSliceConfig } from './types';
import { NS, errors, fleet, slice, warnings } from './__testUtils__/fleet';

const create = (s: PreflightSliceConfig, f = fleet()) =>
  preflightSliceConfig({ operation: 'create', proposed: s, fleet: f });
const apps = (applicationNamespaces: any[], allowedNamespaces?: any[]) =>
  slice({
    namespaceIsolationProfile: { applicationNamespaces, allowedNamespaces },
  });
const APPS = 'spec.namespaceIsolationProfile.applicationNamespaces';

describe('application and allowed namespaces', () => {
  it('accepts well-formed entries, "*" for all members', () => {
    expect(
      create(
        apps(
          [
            { namespace: 'shop', clusters: ['*'] },
            { namespace: 'db', clusters: ['c1'] },
          ],
          [{ namespace: 'monitoring', clusters: ['*'] }],
        ),
      ),
    ).toEqual([]);
  });

  it.each([
    [[{ namespace: 'shop' }], `${APPS}[0]`, 'namespace.incomplete'],
    [
      [{ namespace: 'shop', clusters: [] }],
      `${APPS}[0]`,
      'namespace.incomplete',
    ],
    [[{ clusters: ['c1'] }], `${APPS}[0]`, 'namespace.incomplete'],
    [
      [{ namespace: 'shop_1', clusters: ['c1'] }],
      `${APPS}[0].namespace`,
      'namespace.invalidName',
    ],
    [
      [{ namespace: 'shop', clusters: ['*', 'c1'] }],
      `${APPS}[0].clusters`,
      'namespace.starNotAlone',
    ],
    [
      [{ namespace: 'shop', clusters: ['c1', 'c1'] }],
      `${APPS}[0].clusters[1]`,
      'namespace.clusterDuplicate',
    ],
    [
      [{ namespace: 'shop', clusters: ['c3'] }],
      `${APPS}[0].clusters[0]`,
      'namespace.clusterNotMember',
    ],
    [
      [
        { namespace: 'shop', clusters: ['c1'] },
        { namespace: 'shop', clusters: ['c2'] },
      ],
      `${APPS}[1].namespace`,
      'namespace.duplicate',
    ],
  ])('refuses %j at %s: %s', (entries, path, code) => {
    const results = create(apps(entries));
    expect(results.map(r => [r.path, r.code, r.severity])).toEqual([
      [path, code, 'error'],
    ]);
  });

  it('applies the same shape rules to allowed namespaces', () => {
    const results = create(
      apps(
        [],
        [
          { namespace: 'mon', clusters: ['c3'] },
          { namespace: 'x y', clusters: ['*'] },
        ],
      ),
    );
    expect(results.map(r => [r.path, r.code])).toEqual([
      [
        'spec.namespaceIsolationProfile.allowedNamespaces[0].clusters[0]',
        'namespace.clusterNotMember',
      ],
      [
        'spec.namespaceIsolationProfile.allowedNamespaces[1].namespace',
        'namespace.invalidName',
      ],
    ]);
  });

  it('refuses a namespace another slice owns on a member (worker report), "*" included', () => {
    for (const clusters of [['c2'], ['*']]) {
      const results = create(apps([{ namespace: 'taken', clusters }]));
      expect(results.map(r => [r.path, r.code])).toEqual([
        [`${APPS}[0].namespace`, 'namespace.boundToOtherSlice'],
      ]);
      expect(results[0].message).toContain('owner');
    }
    // Not where it is free, not its own slice, and allowed namespaces are not owned.
    expect(create(apps([{ namespace: 'taken', clusters: ['c1'] }]))).toEqual(
      [],
    );
    expect(
      create({
        ...apps([{ namespace: 'taken', clusters: ['c2'] }]),
        metadata: { name: 'owner', namespace: NS },
      }),
    ).toEqual([]);
    expect(
      create(apps([], [{ namespace: 'taken', clusters: ['c2'] }])),
    ).toEqual([]);
  });

  it('warns when another SliceConfig claims the namespace on a shared cluster but the worker has not reported it', () => {
    const other = slice(
      {
        sliceSubnet: '10.9.0.0/16',
        clusters: ['c2', 'c3'],
        namespaceIsolationProfile: {
          applicationNamespaces: [{ namespace: 'shop', clusters: ['*'] }],
        },
      },
      'other',
    );
    const f = fleet({ sliceConfigs: [other] });
    const results = create(apps([{ namespace: 'shop', clusters: ['*'] }]), f);
    expect(results.map(r => [r.code, r.severity])).toEqual([
      ['namespace.claimedByOtherSlice', 'warning'],
    ]);
    expect(results[0].message).toContain('c2');
    expect(create(apps([{ namespace: 'shop', clusters: ['c1'] }]), f)).toEqual(
      [],
    );
  });

  it('refuses "*" in the project default slice, in both lists', () => {
    const s = (profile: object) => ({
      ...slice({ namespaceIsolationProfile: profile }),
      metadata: { name: 'demo-default-slice', namespace: NS },
    });
    expect(
      errors(
        create(
          s({ applicationNamespaces: [{ namespace: 'a', clusters: ['*'] }] }),
        ),
      ),
    ).toEqual(['namespace.starInDefaultSlice']);
    expect(
      errors(
        create(s({ allowedNamespaces: [{ namespace: 'a', clusters: ['*'] }] })),
      ),
    ).toEqual(['namespace.starInDefaultSlice']);
    expect(
      errors(
        create(
          s({ applicationNamespaces: [{ namespace: 'a', clusters: ['c1'] }] }),
        ),
      ),
    ).toEqual([]);
  });

  it('warns about names the hub accepts but Kubernetes does not, and about system namespaces', () => {
    expect(
      warnings(create(apps([{ namespace: 'Shop', clusters: ['c1'] }]))),
    ).toEqual(['namespace.notDnsLabel']);
    expect(
      warnings(create(apps([{ namespace: '-shop', clusters: ['c1'] }]))),
    ).toEqual(['namespace.notDnsLabel']);
    expect(
      warnings(create(apps([{ namespace: 'kube-system', clusters: ['c1'] }]))),
    ).toEqual(['namespace.reserved']);
    expect(
      create(apps([], [{ namespace: 'istio-system', clusters: ['c1'] }])),
    ).toEqual([]);
  });
});
