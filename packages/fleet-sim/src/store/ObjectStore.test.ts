import { ApiError } from '../api/errors';
import { kubesliceResourceTypes } from '../api/crds';
import { NAMESPACES } from '../api/coreTypes';
import type { KubeObject } from '../api/types';
import { ObjectStore, RevisionClock, type StoreEvent } from './ObjectStore';

const SLICECONFIGS = kubesliceResourceTypes().find(
  t => t.plural === 'sliceconfigs',
)!;

function slice(
  name: string,
  spec: Record<string, unknown> = { maxClusters: 4 },
): KubeObject {
  return {
    apiVersion: 'controller.kubeslice.io/v1alpha1',
    kind: 'SliceConfig',
    metadata: { name, namespace: 'kubeslice-arcade' },
    spec,
  };
}

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

describe('ObjectStore', () => {
  it('assigns uid, generation, creationTimestamp and increasing string resourceVersions', () => {
    const store = new ObjectStore();
    const a = store.create(SLICECONFIGS, slice('a'));
    const b = store.create(SLICECONFIGS, slice('b'));
    expect(a.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.metadata.generation).toBe(1);
    expect(a.metadata.creationTimestamp).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );
    expect(typeof a.metadata.resourceVersion).toBe('string');
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(
      Number(a.metadata.resourceVersion),
    );
    expect(store.resourceVersion()).toBe(Number(b.metadata.resourceVersion));
  });

  it('rejects duplicates with AlreadyExists and invalid names with Invalid', () => {
    const store = new ObjectStore();
    store.create(SLICECONFIGS, slice('a'));
    const dup = apiError(() => store.create(SLICECONFIGS, slice('a')));
    expect([dup.code, dup.reason]).toEqual([409, 'AlreadyExists']);
    expect(dup.message).toBe(
      'sliceconfigs.controller.kubeslice.io "a" already exists',
    );
    expect(
      apiError(() => store.create(SLICECONFIGS, slice('Bad_Name'))).code,
    ).toBe(422);
  });

  it('detects stale resourceVersions on update (409 Conflict) and bumps generation only on spec change', () => {
    const store = new ObjectStore();
    const created = store.create(SLICECONFIGS, slice('a'));
    const labelled = store.update(SLICECONFIGS, {
      ...created,
      metadata: { ...created.metadata, labels: { x: 'y' } },
    });
    expect(labelled.metadata.generation).toBe(1);
    const stale = apiError(() =>
      store.update(SLICECONFIGS, { ...created, spec: { maxClusters: 8 } }),
    );
    expect([stale.code, stale.reason]).toEqual([409, 'Conflict']);
    expect(stale.message).toMatch(/the object has been modified/);
    const updated = store.update(SLICECONFIGS, {
      ...labelled,
      spec: { maxClusters: 8 },
    });
    expect(updated.metadata.generation).toBe(2);
    expect(updated.metadata.uid).toBe(created.metadata.uid);
    expect(updated.metadata.creationTimestamp).toBe(
      created.metadata.creationTimestamp,
    );
  });

  it('does not bump the revision for a no-op update', () => {
    const store = new ObjectStore();
    const created = store.create(SLICECONFIGS, slice('a'));
    const same = store.update(SLICECONFIGS, created);
    expect(same.metadata.resourceVersion).toBe(
      created.metadata.resourceVersion,
    );
  });

  it('404s on missing objects and honours delete preconditions', () => {
    const store = new ObjectStore();
    expect(
      apiError(() => store.mustGet(SLICECONFIGS, 'kubeslice-arcade', 'nope'))
        .code,
    ).toBe(404);
    const created = store.create(SLICECONFIGS, slice('a'));
    expect(
      apiError(() =>
        store.delete(SLICECONFIGS, 'kubeslice-arcade', 'a', {
          resourceVersion: '999',
        }),
      ).code,
    ).toBe(409);
    const deleted = store.delete(SLICECONFIGS, 'kubeslice-arcade', 'a', {
      uid: created.metadata.uid,
    });
    expect(Number(deleted.metadata.resourceVersion)).toBeGreaterThan(
      Number(created.metadata.resourceVersion),
    );
    expect(store.get(SLICECONFIGS, 'kubeslice-arcade', 'a')).toBeUndefined();
  });

  it('keeps cluster-scoped objects without a namespace', () => {
    const store = new ObjectStore();
    const ns = store.create(NAMESPACES, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'x', namespace: 'ignored' },
    });
    expect(ns.metadata.namespace).toBeUndefined();
    expect(store.get(NAMESPACES, undefined, 'x')).toBeDefined();
  });

  it('replays history after a version, then delivers live events', () => {
    const store = new ObjectStore();
    const a = store.create(SLICECONFIGS, slice('a'));
    store.create(SLICECONFIGS, slice('b'));
    const seen: StoreEvent[] = [];
    const stop = store.subscribe(
      e => seen.push(e),
      Number(a.metadata.resourceVersion),
    );
    expect(seen.map(e => [e.type, e.object.metadata.name])).toEqual([
      ['ADDED', 'b'],
    ]);
    store.delete(SLICECONFIGS, 'kubeslice-arcade', 'a');
    expect(seen.map(e => [e.type, e.object.metadata.name])).toEqual([
      ['ADDED', 'b'],
      ['DELETED', 'a'],
    ]);
    stop();
    store.create(SLICECONFIGS, slice('c'));
    expect(seen).toHaveLength(2);
  });

  it('throws 410 Expired for versions older than the retained history', () => {
    const store = new ObjectStore({ historyLimit: 3 });
    const first = store.create(SLICECONFIGS, slice('a'));
    for (const n of ['b', 'c', 'd', 'e']) store.create(SLICECONFIGS, slice(n));
    const gone = apiError(() =>
      store.subscribe(() => undefined, Number(first.metadata.resourceVersion)),
    );
    expect([gone.code, gone.reason]).toEqual([410, 'Expired']);
    expect(() =>
      store.subscribe(() => undefined, store.oldestResumableVersion()),
    ).not.toThrow();
  });

  it('shares one revision clock between stores', () => {
    const clock = new RevisionClock();
    const s1 = new ObjectStore({ clock });
    const s2 = new ObjectStore({ clock });
    const a = s1.create(SLICECONFIGS, slice('a'));
    const b = s2.create(SLICECONFIGS, slice('a'));
    expect(Number(b.metadata.resourceVersion)).toBe(
      Number(a.metadata.resourceVersion) + 1,
    );
    // A store created late has missed nothing: resuming from 0 is fine.
    expect(() => s2.subscribe(() => undefined, 0)).not.toThrow();
  });
});
