import { diffObjects } from './diff';

const slice = (spec: object, metadata: object = {}) => ({
  apiVersion: 'controller.kubeslice.io/v1alpha1',
  kind: 'SliceConfig',
  metadata: {
    name: 's',
    namespace: 'kubeslice-a',
    resourceVersion: '7',
    uid: 'u',
    managedFields: [{}],
    ...metadata,
  },
  spec,
  status: { anything: true },
});

describe('diffObjects', () => {
  it('lists what joins and leaves a list of names, and matches list entries by their key', () => {
    const before = slice({
      clusters: ['a', 'b'],
      namespaceIsolationProfile: {
        applicationNamespaces: [
          { namespace: 'x', clusters: ['*'] },
          { namespace: 'y', clusters: ['a'] },
        ],
      },
    });
    const after = slice({
      clusters: ['a', 'c'],
      namespaceIsolationProfile: {
        applicationNamespaces: [{ namespace: 'y', clusters: ['a', 'c'] }],
      },
    });
    expect(diffObjects(before, after).changes).toEqual([
      { path: 'spec.clusters', op: 'add', after: 'c' },
      { path: 'spec.clusters', op: 'remove', before: 'b' },
      {
        path: 'spec.namespaceIsolationProfile.applicationNamespaces[namespace=x]',
        op: 'remove',
        before: { namespace: 'x', clusters: ['*'] },
      },
      {
        path: 'spec.namespaceIsolationProfile.applicationNamespaces[namespace=y].clusters',
        op: 'add',
        after: 'c',
      },
    ]);
  });

  it('ignores status and server-maintained metadata, and reports replaced values', () => {
    const before = slice({ maxClusters: 4 }, { resourceVersion: '1' });
    const after = slice(
      { maxClusters: 8 },
      { resourceVersion: '2', generation: 3 },
    );
    const diff = diffObjects(before, after);
    expect(diff.changes).toEqual([
      { path: 'spec.maxClusters', op: 'replace', before: 4, after: 8 },
    ]);
    expect(diff.text).toBe(
      [
        '--- current',
        '+++ proposed',
        '@@ -4,4 +4,4 @@',
        '   name: s',
        '   namespace: kubeslice-a',
        ' spec:',
        '-  maxClusters: 4',
        '+  maxClusters: 8',
      ].join('\n'),
    );
  });

  it('is empty for equal objects, one add for a create and one remove for a delete', () => {
    const s = slice({ clusters: ['a'] });
    expect(diffObjects(s, structuredClone(s))).toEqual({
      changes: [],
      text: '',
    });
    const created = diffObjects(undefined, s);
    expect(created.changes).toEqual([
      {
        path: '',
        op: 'add',
        after: expect.objectContaining({ kind: 'SliceConfig' }),
      },
    ]);
    expect(
      created.text
        .split('\n')
        .slice(2)
        .every(l => l.startsWith('+') || l.startsWith('@@')),
    ).toBe(true);
    expect(created.changes[0].after).not.toHaveProperty('status');
    expect(diffObjects(s, undefined).changes).toEqual([
      { path: '', op: 'remove', before: expect.any(Object) },
    ]);
  });

  it('falls back to positions for lists without a unique key', () => {
    const before = slice({ list: [{ v: 1 }, { v: 2 }] });
    const after = slice({ list: [{ v: 1 }, { v: 3 }] });
    expect(diffObjects(before, after).changes).toEqual([
      { path: 'spec.list[1].v', op: 'replace', before: 2, after: 3 },
    ]);
  });
});
