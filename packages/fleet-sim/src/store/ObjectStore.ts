import { randomUUID } from 'node:crypto';
import { ApiError } from '../api/errors';
import { apiVersionOf, resourceKey, type ResourceType } from '../api/resources';
import { clone, type KubeObject } from '../api/types';
import { RevisionClock } from './RevisionClock';

export { RevisionClock };

/**
 * The generic object store behind one virtual cluster: an in-memory etcd.
 *
 * It knows nothing about HTTP or KubeSlice. It owns the invariants every
 * client relies on: unique names, a monotonically increasing
 * `resourceVersion` (optimistic concurrency), `uid`, `generation`,
 * `creationTimestamp`, and an ordered event history that watches replay from.
 */

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: WatchEventType;
  /** Resource key (`sliceconfigs.controller.kubeslice.io`). */
  resource: string;
  object: KubeObject;
  /** The object before the change (MODIFIED/DELETED): watches need it to notice selector transitions. */
  previous?: KubeObject;
  resourceVersion: number;
}

export interface ObjectStoreOptions {
  clock?: RevisionClock;
  /** How many events are kept for watch resumption; older versions get 410 Gone. */
  historyLimit?: number;
  now?: () => Date;
}

export interface WriteOptions {
  /** Validate and compute the result, but store nothing (`?dryRun=All`). */
  dryRun?: boolean;
  /**
   * Keep the input's `creationTimestamp` (seeding a scenario whose objects
   * were "created" days ago). Clients can never do this over HTTP.
   */
  keepCreationTimestamp?: boolean;
}

type Listener = (event: StoreEvent) => void;

const NAME_RE = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/** Metadata and status never count as a spec change (what `generation` tracks). */
function specChanged(a: KubeObject, b: KubeObject): boolean {
  const strip = ({ metadata: _m, status: _s, ...rest }: KubeObject) => rest;
  return JSON.stringify(strip(a)) !== JSON.stringify(strip(b));
}

function randomSuffix(): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let s = '';
  for (let i = 0; i < 5; i++)
    s += alphabet[Math.floor(Math.random() * alphabet.length)];
  return s;
}

export class ObjectStore {
  readonly clock: RevisionClock;
  private readonly historyLimit: number;
  private readonly now: () => Date;
  private readonly buckets = new Map<string, Map<string, KubeObject>>();
  private readonly history: StoreEvent[] = [];
  /** Highest revision that has been dropped from history; resuming from below it is impossible. */
  private compactedRevision: number;
  private readonly listeners = new Set<Listener>();
  /** Each bucket's objects in key order, rebuilt lazily after a write to it. */
  private readonly sorted = new Map<string, KubeObject[]>();
  /** JSON of stored objects. Stored objects are never mutated (writes replace them), so identity is the cache key. */
  private readonly json = new WeakMap<KubeObject, string>();

  constructor(options: ObjectStoreOptions = {}) {
    this.clock = options.clock ?? new RevisionClock();
    this.historyLimit = options.historyLimit ?? 5000;
    this.now = options.now ?? (() => new Date());
    // A new store has missed no events, whatever the shared clock says.
    this.compactedRevision = 0;
  }

  /** Current revision (what list responses report as `metadata.resourceVersion`). */
  resourceVersion(): number {
    return this.clock.current();
  }

  /** The oldest revision a watch may resume from. */
  oldestResumableVersion(): number {
    return this.compactedRevision;
  }

  /**
   * Drops the whole event history now, as an etcd compaction at the current
   * revision: resuming from any older version gets 410 Gone. Returns that revision.
   */
  compact(): number {
    this.history.length = 0;
    this.compactedRevision = this.clock.current();
    return this.compactedRevision;
  }

  private bucket(rt: ResourceType): Map<string, KubeObject> {
    const key = resourceKey(rt);
    let b = this.buckets.get(key);
    if (!b) {
      b = new Map();
      this.buckets.set(key, b);
    }
    return b;
  }

  get(
    rt: ResourceType,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    const obj = this.bucket(rt).get(
      objectKey(rt.namespaced ? namespace : undefined, name),
    );
    return obj ? clone(obj) : undefined;
  }

  /** Like `get`, but a missing object is a 404 `ApiError`. */
  mustGet(
    rt: ResourceType,
    namespace: string | undefined,
    name: string,
  ): KubeObject {
    const obj = this.get(rt, namespace, name);
    if (!obj) throw ApiError.notFound(rt, name);
    return obj;
  }

  /** All objects of a type (optionally in one namespace), sorted by namespace then name like etcd keys. */
  list(rt: ResourceType, namespace?: string): KubeObject[] {
    return this.listShared(rt, namespace).map(clone);
  }

  /**
   * Like `list`, but returns the stored objects themselves: the read path of
   * large lists, which must not pay for a deep copy. Callers must not modify them.
   */
  listShared(rt: ResourceType, namespace?: string): readonly KubeObject[] {
    const key = resourceKey(rt);
    let all = this.sorted.get(key);
    if (!all) {
      // Byte order of `<namespace>/<name>`, as etcd orders keys.
      all = [...this.bucket(rt).entries()]
        .sort(([a], [b]) => (a < b ? -1 : Number(a > b)))
        .map(([, o]) => o);
      this.sorted.set(key, all);
    }
    return namespace === undefined
      ? all
      : all.filter(o => o.metadata.namespace === namespace);
  }

  /** The JSON of a stored object (from `listShared`), serialised once per version. */
  serialized(obj: KubeObject): string {
    let text = this.json.get(obj);
    if (text === undefined) {
      text = JSON.stringify(obj);
      this.json.set(obj, text);
    }
    return text;
  }

  create(
    rt: ResourceType,
    input: KubeObject,
    options: WriteOptions = {},
  ): KubeObject {
    const obj = clone(input);
    obj.apiVersion = apiVersionOf(rt);
    obj.kind = rt.kind;
    obj.metadata = { ...(obj.metadata ?? {}) };
    const meta = obj.metadata;
    if (!meta.name && meta.generateName)
      meta.name = `${meta.generateName}${randomSuffix()}`;
    if (!meta.name) {
      throw ApiError.invalid(rt, '', [
        {
          field: 'metadata.name',
          message: 'Required value: name or generateName is required',
        },
      ]);
    }
    if (!NAME_RE.test(meta.name) || meta.name.length > 253) {
      throw ApiError.invalid(rt, meta.name, [
        {
          field: 'metadata.name',
          message: `Invalid value: "${meta.name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
        },
      ]);
    }
    if (rt.namespaced && !meta.namespace) {
      throw ApiError.invalid(rt, meta.name, [
        { field: 'metadata.namespace', message: 'Required value' },
      ]);
    }
    if (!rt.namespaced) delete meta.namespace;
    const bucket = this.bucket(rt);
    const key = objectKey(meta.namespace, meta.name);
    if (bucket.has(key)) throw ApiError.alreadyExists(rt, meta.name);

    meta.uid = randomUUID();
    meta.generation = 1;
    // Seeded objects may carry a creation time in the past; clients cannot set it, the server does.
    if (
      !(
        options.keepCreationTimestamp &&
        typeof meta.creationTimestamp === 'string'
      )
    ) {
      meta.creationTimestamp = this.now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z');
    }
    delete meta.deletionTimestamp;
    if (options.dryRun) {
      meta.resourceVersion = '';
      return obj;
    }
    const rv = this.clock.next();
    meta.resourceVersion = String(rv);
    bucket.set(key, obj);
    this.sorted.delete(resourceKey(rt));
    this.emit({
      type: 'ADDED',
      resource: resourceKey(rt),
      object: obj,
      resourceVersion: rv,
    });
    return clone(obj);
  }

  /**
   * Replaces an object. When `metadata.resourceVersion` is set it must equal
   * the stored one (optimistic concurrency, 409 otherwise). Server-owned
   * metadata (uid, creationTimestamp, generation) is carried over.
   */
  update(
    rt: ResourceType,
    input: KubeObject,
    options: WriteOptions = {},
  ): KubeObject {
    const name = input.metadata?.name;
    if (!name)
      throw ApiError.invalid(rt, '', [
        { field: 'metadata.name', message: 'Required value: name is required' },
      ]);
    const namespace = rt.namespaced ? input.metadata.namespace : undefined;
    const bucket = this.bucket(rt);
    const key = objectKey(namespace, name);
    const existing = bucket.get(key);
    if (!existing) throw ApiError.notFound(rt, name);
    const expected = input.metadata.resourceVersion;
    if (expected && expected !== existing.metadata.resourceVersion)
      throw ApiError.conflict(rt, name);

    const obj = clone(input);
    obj.apiVersion = apiVersionOf(rt);
    obj.kind = rt.kind;
    obj.metadata = {
      ...obj.metadata,
      uid: existing.metadata.uid,
      creationTimestamp: existing.metadata.creationTimestamp,
      generation:
        (existing.metadata.generation ?? 1) +
        (specChanged(existing, obj) ? 1 : 0),
    };
    if (!rt.namespaced) delete obj.metadata.namespace;
    if (
      JSON.stringify({
        ...obj,
        metadata: { ...obj.metadata, resourceVersion: '' },
      }) ===
      JSON.stringify({
        ...existing,
        metadata: { ...existing.metadata, resourceVersion: '' },
      })
    ) {
      // A no-op write does not bump the revision or notify watchers, as on a real server.
      return clone(existing);
    }
    if (options.dryRun)
      return {
        ...obj,
        metadata: {
          ...obj.metadata,
          resourceVersion: existing.metadata.resourceVersion,
        },
      };
    const rv = this.clock.next();
    obj.metadata.resourceVersion = String(rv);
    bucket.set(key, obj);
    this.sorted.delete(resourceKey(rt));
    this.emit({
      type: 'MODIFIED',
      resource: resourceKey(rt),
      object: obj,
      previous: existing,
      resourceVersion: rv,
    });
    return clone(obj);
  }

  /**
   * Read-modify-write for the simulator's own controllers (health refresh,
   * tunnel sampling). No concurrency check: there is no other writer in between.
   */
  mutate(
    rt: ResourceType,
    namespace: string | undefined,
    name: string,
    fn: (obj: KubeObject) => void,
  ): KubeObject | undefined {
    const current = this.get(rt, namespace, name);
    if (!current) return undefined;
    fn(current);
    current.metadata.resourceVersion = undefined;
    return this.update(rt, current);
  }

  delete(
    rt: ResourceType,
    namespace: string | undefined,
    name: string,
    preconditions: { resourceVersion?: string; uid?: string } = {},
    options: WriteOptions = {},
  ): KubeObject {
    const bucket = this.bucket(rt);
    const key = objectKey(rt.namespaced ? namespace : undefined, name);
    const existing = bucket.get(key);
    if (!existing) throw ApiError.notFound(rt, name);
    if (preconditions.uid && preconditions.uid !== existing.metadata.uid) {
      throw ApiError.conflict(
        rt,
        name,
        `Precondition failed: UID in precondition: ${preconditions.uid}, UID in object meta: ${existing.metadata.uid}`,
      );
    }
    if (
      preconditions.resourceVersion &&
      preconditions.resourceVersion !== existing.metadata.resourceVersion
    ) {
      throw ApiError.conflict(
        rt,
        name,
        `Precondition failed: ResourceVersion in precondition: ${preconditions.resourceVersion}, ResourceVersion in object meta: ${existing.metadata.resourceVersion}`,
      );
    }
    if (options.dryRun) return clone(existing);
    bucket.delete(key);
    this.sorted.delete(resourceKey(rt));
    // The DELETED event carries the revision of the deletion itself, like etcd.
    const rv = this.clock.next();
    const deleted = clone(existing);
    deleted.metadata.resourceVersion = String(rv);
    this.emit({
      type: 'DELETED',
      resource: resourceKey(rt),
      object: deleted,
      previous: existing,
      resourceVersion: rv,
    });
    return clone(deleted);
  }

  /**
   * Subscribes to changes. With `sinceVersion`, first replays every retained
   * event newer than it (synchronously, so nothing can slip in between), then
   * delivers live events. Throws 410 Gone if that history was compacted.
   */
  subscribe(listener: Listener, sinceVersion?: number): () => void {
    if (sinceVersion !== undefined) {
      if (sinceVersion < this.compactedRevision)
        throw ApiError.gone(sinceVersion, this.compactedRevision);
      for (const event of this.history) {
        if (event.resourceVersion > sinceVersion) listener(event);
      }
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: StoreEvent): void {
    this.history.push(event);
    while (this.history.length > this.historyLimit) {
      const dropped = this.history.shift()!;
      this.compactedRevision = dropped.resourceVersion;
    }
    for (const l of [...this.listeners]) l(event);
  }
}
