import {
  buildNamespaceGrid,
  conflictsOf,
  expandClusters,
  type NamespaceGridInput,
} from './namespaceGrid';

const member = (cluster: string, onboardedNamespaces: string[] = []) => ({
  cluster,
  onboardedNamespaces,
  health: { state: 'ok' as const, reasons: [] },
});

const payments: NamespaceGridInput['slice'] = {
  hub: 'demo',
  name: 'payments',
  members: [
    member('aws-eu', ['payments', 'ledger']),
    member('gcp-asia', ['payments', 'old']),
    member('azure-us', []),
  ],
  namespaceStates: [],
  sliceConfig: {
    spec: {
      clusters: ['aws-eu', 'gcp-asia', 'azure-us'],
      namespaceIsolationProfile: {
        applicationNamespaces: [
          { namespace: 'payments', clusters: ['*'] },
          { namespace: 'ledger', clusters: ['aws-eu', 'azure-us'] },
        ],
      },
    },
  },
};

const grid = (extra: Partial<NamespaceGridInput> = {}) =>
  buildNamespaceGrid({ slice: payments, ...extra });
const cell = (g: ReturnType<typeof grid>, ns: string, cluster: string) =>
  g.rows.find(r => r.namespace === ns)!.cells.find(c => c.cluster === cluster)!
    .binding;

describe('buildNamespaceGrid', () => {
  it('has a column per member, in member order, and the slice’s namespaces first', () => {
    const g = grid({ extraNamespaces: ['aaa'] });
    expect(g.clusters).toEqual(['aws-eu', 'gcp-asia', 'azure-us']);
    expect(g.rows.map(r => r.namespace)).toEqual([
      'ledger',
      'payments',
      'aaa',
      'old',
    ]);
    expect(g.rows.find(r => r.namespace === 'payments')!.current).toBe('*');
    expect(g.rows.find(r => r.namespace === 'ledger')!.current).toEqual([
      'aws-eu',
      'azure-us',
    ]);
  });

  it('marks `*` bindings, onboarded or still pending per cluster', () => {
    const g = grid();
    expect(cell(g, 'payments', 'azure-us')).toEqual({
      kind: 'thisSlice',
      viaStar: true,
      onboarded: false,
    });
    expect(cell(g, 'payments', 'aws-eu')).toEqual({
      kind: 'thisSlice',
      viaStar: true,
      onboarded: true,
    });
    expect(cell(g, 'ledger', 'aws-eu')).toEqual({
      kind: 'thisSlice',
      viaStar: false,
      onboarded: true,
    });
    expect(cell(g, 'ledger', 'gcp-asia')).toEqual({
      kind: 'free',
      exists: false,
    });
  });

  it('shows a namespace the worker still has onboarded but the slice no longer lists as leaving', () => {
    expect(cell(grid(), 'old', 'gcp-asia')).toEqual({ kind: 'leaving' });
  });

  it('explains conflicts: the worker’s report names the slice, and wins over the fleet’s', () => {
    const g = grid({
      clusters: [
        {
          name: 'gcp-asia',
          namespaces: [
            { name: 'ledger', slice: 'analytics' },
            { name: 'web' },
            { name: 'kube-system' },
          ],
        },
      ],
      otherSlices: [
        {
          hub: 'demo',
          name: 'reports',
          members: [
            member('gcp-asia', ['ledger']),
            member('azure-us', ['web']),
          ],
        },
        { hub: 'other', name: 'far', members: [member('aws-eu', ['web'])] },
        { hub: 'demo', name: 'payments', members: [member('aws-eu', ['x'])] },
      ],
    });
    expect(cell(g, 'ledger', 'gcp-asia')).toEqual({
      kind: 'otherSlice',
      slice: 'analytics',
      source: 'cluster',
    });
    expect(cell(g, 'web', 'azure-us')).toEqual({
      kind: 'otherSlice',
      slice: 'reports',
      source: 'slice',
    });
    // another hub's cluster of the same name is another cluster
    expect(cell(g, 'web', 'aws-eu')).toEqual({ kind: 'free', exists: false });
    expect(cell(g, 'web', 'gcp-asia')).toEqual({ kind: 'free', exists: true });
    // system namespaces reported by a worker are not offered as rows
    expect(g.rows.some(r => r.namespace === 'kube-system')).toBe(false);
    expect(g.rows.some(r => r.namespace === 'x')).toBe(false);
  });

  it('lists a system namespace only when asked for, marked reserved', () => {
    const g = grid({ extraNamespaces: ['kube-system'] });
    expect(g.rows.find(r => r.namespace === 'kube-system')!.reserved).toBe(
      true,
    );
  });

  it('has no rows for a slice without namespaces', () => {
    const g = buildNamespaceGrid({
      slice: { ...payments, members: [member('a')], sliceConfig: {} },
    });
    expect(g.rows).toEqual([]);
  });
});

describe('conflictsOf', () => {
  const g = grid({
    clusters: [{ name: 'azure-us', namespaces: [{ name: 'web', slice: 'x' }] }],
    extraNamespaces: ['web'],
  });
  const row = g.rows.find(r => r.namespace === 'web')!;
  it('finds the chosen clusters bound elsewhere, `*` meaning every member', () => {
    expect(conflictsOf(row, '*', g.clusters).map(c => c.cluster)).toEqual([
      'azure-us',
    ]);
    expect(conflictsOf(row, ['aws-eu'], g.clusters)).toEqual([]);
    expect(conflictsOf(row, undefined, g.clusters)).toEqual([]);
  });
});

describe('expandClusters', () => {
  it('keeps member order and drops non-members', () => {
    expect(expandClusters(['c', 'x', 'a'], ['a', 'b', 'c'])).toEqual([
      'a',
      'c',
    ]);
    expect(expandClusters('*', ['a', 'b'])).toEqual(['a', 'b']);
  });
});
