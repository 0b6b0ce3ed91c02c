import {
  emptyNamespaceEdits,
  namespacePlanBase,
  planNamespaceChanges,
  projectProfile,
  setClusters,
  toggleCell,
  type NamespaceEdits,
} from './namespacePlan';

const sliceConfig = {
  spec: {
    clusters: ['a', 'b', 'c'],
    namespaceIsolationProfile: {
      isolationEnabled: false,
      applicationNamespaces: [
        { namespace: 'web', clusters: ['*'] },
        { namespace: 'db', clusters: ['a'] },
      ],
      allowedNamespaces: [{ namespace: 'monitoring', clusters: ['*'] }],
    },
  },
};
const base = namespacePlanBase({
  members: ['a', 'b', 'c'].map(cluster => ({ cluster })),
  sliceConfig,
});
const edits = (namespaces: NamespaceEdits['namespaces']): NamespaceEdits => ({
  ...emptyNamespaceEdits(),
  namespaces,
});

describe('namespacePlanBase', () => {
  it('reads members, namespaces, isolation and allowed namespaces', () => {
    expect(base.members).toEqual(['a', 'b', 'c']);
    expect([...base.current]).toEqual([
      ['web', '*'],
      ['db', ['a']],
    ]);
    expect(base.isolationEnabled).toBe(false);
    expect(base.allowed).toEqual(['monitoring']);
  });
});

describe('toggleCell and setClusters', () => {
  it('switching a cluster off a `*` namespace lists the other members', () => {
    const e = toggleCell(base, emptyNamespaceEdits(), 'web', 'b');
    expect(e.namespaces).toEqual({ web: ['a', 'c'] });
  });
  it('switching on adds in member order; back to today drops the edit', () => {
    let e = toggleCell(base, emptyNamespaceEdits(), 'db', 'c');
    expect(e.namespaces).toEqual({ db: ['a', 'c'] });
    e = toggleCell(base, e, 'db', 'c');
    expect(e.namespaces).toEqual({});
  });
  it('a new namespace, then `*`, then off', () => {
    let e = toggleCell(base, emptyNamespaceEdits(), 'api', 'b');
    expect(e.namespaces).toEqual({ api: ['b'] });
    e = setClusters(base, e, 'api', '*');
    expect(e.namespaces).toEqual({ api: '*' });
    e = setClusters(base, e, 'api', []);
    expect(e.namespaces).toEqual({});
    expect(setClusters(base, e, 'web', '*').namespaces).toEqual({});
  });
});

describe('planNamespaceChanges', () => {
  it('is empty without edits', () => {
    expect(planNamespaceChanges(base, emptyNamespaceEdits()).requests).toEqual(
      [],
    );
  });

  it('onboards a new namespace on chosen clusters, or on every member with `*`', () => {
    expect(
      planNamespaceChanges(base, edits({ api: ['c', 'a'] })).requests,
    ).toEqual([{ kind: 'onboard', namespace: 'api', clusters: ['a', 'c'] }]);
    const star = planNamespaceChanges(base, edits({ db: '*' }));
    expect(star.requests).toEqual([
      { kind: 'onboard', namespace: 'db', clusters: ['*'] },
    ]);
    expect(star.changes).toEqual([
      { namespace: 'db', before: ['a'], after: '*', added: '*', removed: [] },
    ]);
  });

  it('offboards first: from some clusters of `*`, or from the slice', () => {
    const plan = planNamespaceChanges(
      base,
      edits({ web: ['a'], db: [], api: ['b'] }),
    );
    expect(plan.requests).toEqual([
      { kind: 'offboard', namespace: 'db' },
      { kind: 'offboard', namespace: 'web', clusters: ['b', 'c'] },
      { kind: 'onboard', namespace: 'api', clusters: ['b'] },
    ]);
    expect(plan.changes.map(c => [c.namespace, c.after])).toEqual([
      ['api', ['b']],
      ['db', undefined],
      ['web', ['a']],
    ]);
  });

  it('moves a namespace between clusters with one offboarding and one onboarding', () => {
    expect(planNamespaceChanges(base, edits({ db: ['b'] })).requests).toEqual([
      { kind: 'offboard', namespace: 'db', clusters: ['a'] },
      { kind: 'onboard', namespace: 'db', clusters: ['b'] },
    ]);
  });

  it('leaves namespaces it did not touch alone (a concurrent change survives a re-plan)', () => {
    const e = edits({ api: ['a'] });
    const reloaded = {
      ...base,
      current: new Map([...base.current, ['other', ['b']] as const]),
    };
    expect(planNamespaceChanges(reloaded, e).requests).toEqual([
      { kind: 'onboard', namespace: 'api', clusters: ['a'] },
    ]);
    // and once its own onboarding is stored, nothing is left to do
    const done = {
      ...reloaded,
      current: new Map([...reloaded.current, ['api', ['a']] as const]),
    };
    expect(planNamespaceChanges(done, e).requests).toEqual([]);
  });

  it('changes isolation and allowed namespaces in one update, only when they differ', () => {
    const plan = planNamespaceChanges(base, {
      namespaces: {},
      isolationEnabled: true,
      addAllowed: ['ops', 'monitoring', 'ops'],
      removeAllowed: ['monitoring', 'nothere'],
    });
    expect(plan.isolation).toEqual({ before: false, after: true });
    expect(plan.requests).toEqual([
      {
        kind: 'update',
        body: {
          isolationEnabled: true,
          addAllowedNamespaces: [{ namespace: 'ops', clusters: ['*'] }],
          removeAllowedNamespaces: ['monitoring'],
        },
      },
    ]);
    expect(
      planNamespaceChanges(base, {
        ...emptyNamespaceEdits(),
        isolationEnabled: false,
      }).requests,
    ).toEqual([]);
  });
});

describe('projectProfile', () => {
  const profile = sliceConfig.spec.namespaceIsolationProfile;
  it('applies the plan by the write API’s rules', () => {
    const plan = planNamespaceChanges(base, {
      namespaces: { web: ['a'], db: '*', api: ['b'] },
      isolationEnabled: true,
      addAllowed: ['ops'],
      removeAllowed: ['monitoring'],
    });
    expect(projectProfile(profile, plan.requests, base.members)).toEqual({
      isolationEnabled: true,
      applicationNamespaces: [
        { namespace: 'web', clusters: ['a'] },
        { namespace: 'db', clusters: ['*'] },
        { namespace: 'api', clusters: ['b'] },
      ],
      allowedNamespaces: [{ namespace: 'ops', clusters: ['*'] }],
    });
  });
  it('drops an entry offboarded from all its clusters, and does not touch the input', () => {
    const out = projectProfile(
      profile,
      [{ kind: 'offboard', namespace: 'db', clusters: ['a'] }],
      base.members,
    );
    expect(out.applicationNamespaces!.map(e => e.namespace)).toEqual(['web']);
    expect(profile.applicationNamespaces).toHaveLength(2);
    expect(projectProfile({}, [], [])).toEqual({ applicationNamespaces: [] });
  });
});
