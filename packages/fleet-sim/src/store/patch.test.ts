import { applyJsonPatch, applyMergePatch } from './patch';

describe('JSON merge patch', () => {
  it('merges objects, replaces arrays and deletes on null', () => {
    const target = { spec: { a: 1, b: { c: 2 }, list: [1, 2] }, keep: true };
    expect(
      applyMergePatch(target, {
        spec: { a: 5, b: { c: null, d: 3 }, list: [9] },
      }),
    ).toEqual({ spec: { a: 5, b: { d: 3 }, list: [9] }, keep: true });
    expect(target.spec.a).toBe(1);
  });
});

describe('JSON patch', () => {
  const doc = {
    metadata: { labels: { a: 'x' } },
    spec: { clusters: ['c1', 'c2'] },
  };

  it('applies add, replace, remove, move, copy and test', () => {
    const out = applyJsonPatch(doc, [
      { op: 'test', path: '/spec/clusters/0', value: 'c1' },
      { op: 'add', path: '/spec/clusters/-', value: 'c3' },
      { op: 'replace', path: '/metadata/labels/a', value: 'y' },
      {
        op: 'add',
        path: '/metadata/labels/kubeslice.io~1slice',
        value: 'pacman',
      },
      { op: 'remove', path: '/spec/clusters/0' },
      { op: 'copy', from: '/spec/clusters/0', path: '/spec/first' },
      { op: 'move', from: '/spec/first', path: '/spec/primary' },
    ]);
    expect(out).toEqual({
      metadata: { labels: { a: 'y', 'kubeslice.io/slice': 'pacman' } },
      spec: { clusters: ['c2', 'c3'], primary: 'c2' },
    });
    expect(doc.spec.clusters).toEqual(['c1', 'c2']);
  });

  it('fails with 422 on a failed test or a missing path', () => {
    expect(() =>
      applyJsonPatch(doc, [
        { op: 'test', path: '/spec/clusters/0', value: 'zz' },
      ]),
    ).toThrow(expect.objectContaining({ code: 422 }));
    expect(() =>
      applyJsonPatch(doc, [{ op: 'replace', path: '/spec/nothing', value: 1 }]),
    ).toThrow(expect.objectContaining({ code: 422 }));
    expect(() => applyJsonPatch(doc, { op: 'add' })).toThrow(
      expect.objectContaining({ code: 400 }),
    );
  });
});
