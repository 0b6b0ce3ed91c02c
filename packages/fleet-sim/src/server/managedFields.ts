import { resourceKey, type ResourceType } from '../api/resources';
import type { KubeObject } from '../api/types';
import type { ObjectStore } from '../store/ObjectStore';
import {
  fromFieldsV1,
  jsonEqual,
  leafPaths,
  managedPart,
  overlaps,
  toFieldsV1,
  valueAt,
  type FieldPath,
} from './fieldSets';

/**
 * `metadata.managedFields`: who set which field. Kept beside the store (not
 * in the stored objects), so lists and watch events stay as they were; the
 * single-object answers of the REST verbs carry them. Entries are keyed by
 * manager, operation (Apply/Update) and subresource, like the API server's.
 */

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, any>;
  subresource?: string;
}

/** An entry with its fields decoded. */
export interface ManagedSet {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  subresource?: string;
  paths: FieldPath[];
}

export function decode(entries: ManagedFieldsEntry[]): ManagedSet[] {
  return entries.map(e => ({
    manager: e.manager,
    operation: e.operation,
    apiVersion: e.apiVersion,
    time: e.time,
    ...(e.subresource ? { subresource: e.subresource } : {}),
    paths: fromFieldsV1(e.fieldsV1),
  }));
}

export function encode(sets: ManagedSet[]): ManagedFieldsEntry[] {
  return sets
    .filter(s => s.paths.length)
    .map(s => ({
      manager: s.manager,
      operation: s.operation,
      apiVersion: s.apiVersion,
      time: s.time,
      fieldsType: 'FieldsV1' as const,
      fieldsV1: toFieldsV1(s.paths),
      ...(s.subresource ? { subresource: s.subresource } : {}),
    }));
}

export const sameOwner = (
  s: Pick<ManagedSet, 'manager' | 'operation' | 'subresource'>,
  manager: string,
  operation: 'Apply' | 'Update',
  subresource?: string,
) =>
  s.manager === manager &&
  s.operation === operation &&
  (s.subresource ?? '') === (subresource ?? '');

/** Drops owned paths the object no longer has. */
export function keepExisting(
  sets: ManagedSet[],
  obj: KubeObject,
): ManagedSet[] {
  return sets
    .map(s => ({ ...s, paths: s.paths.filter(p => valueAt(obj, p).found) }))
    .filter(s => s.paths.length);
}

export interface UpdateTracking {
  sets: ManagedSet[];
  before: KubeObject | undefined;
  after: KubeObject;
  manager: string;
  apiVersion: string;
  subresource?: string;
  time: string;
}

/**
 * A non-apply write (create, update, patch): the manager now owns every
 * field it changed or added, which other managers lose.
 */
export function trackUpdate(t: UpdateTracking): ManagedSet[] {
  const changed = leafPaths(managedPart(t.after)).filter(p => {
    const old = t.before ? valueAt(t.before, p) : { found: false };
    return !old.found || !jsonEqual(old.value, valueAt(t.after, p).value);
  });
  let sets = t.sets.map(s => ({
    ...s,
    paths: s.paths.filter(p => !changed.some(c => overlaps(c, p))),
  }));
  if (changed.length) {
    const own = t.sets.find(s =>
      sameOwner(s, t.manager, 'Update', t.subresource),
    );
    sets = sets.filter(s => !sameOwner(s, t.manager, 'Update', t.subresource));
    sets.push({
      manager: t.manager,
      operation: 'Update',
      apiVersion: t.apiVersion,
      time: t.time,
      ...(t.subresource ? { subresource: t.subresource } : {}),
      paths: [
        ...(own?.paths ?? []).filter(p => !changed.some(c => overlaps(c, p))),
        ...changed,
      ],
    });
  }
  return keepExisting(sets, t.after);
}

/**
 * The managed fields an update starts from: the request's own
 * `metadata.managedFields` when it sets some (`[]` or `[{}]` resets them),
 * otherwise the stored ones — as the API server decides it.
 */
export function baseForRequest(
  stored: ManagedFieldsEntry[],
  requested: unknown,
): ManagedSet[] {
  if (Array.isArray(requested)) {
    if (
      requested.length === 0 ||
      (requested.length === 1 && jsonEqual(requested[0], {}))
    )
      return [];
    const valid = requested.every(
      e =>
        e &&
        typeof e.manager === 'string' &&
        (e.operation === 'Apply' || e.operation === 'Update'),
    );
    if (valid) return decode(requested as ManagedFieldsEntry[]);
  }
  return decode(stored);
}

/** Per-object managed fields of one virtual cluster; entries of deleted objects go with them. */
export class ManagedFieldsTable {
  private readonly entries = new Map<
    string,
    { uid?: string; entries: ManagedFieldsEntry[] }
  >();

  constructor(store: ObjectStore) {
    store.subscribe(event => {
      if (event.type === 'DELETED')
        this.entries.delete(this.key(event.resource, event.object));
    });
  }

  private key(resource: string, obj: KubeObject): string {
    return `${resource}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
  }

  get(rt: ResourceType, obj: KubeObject | undefined): ManagedFieldsEntry[] {
    if (!obj) return [];
    const e = this.entries.get(this.key(resourceKey(rt), obj));
    return e && e.uid === obj.metadata.uid ? e.entries : [];
  }

  set(rt: ResourceType, obj: KubeObject, entries: ManagedFieldsEntry[]): void {
    const key = this.key(resourceKey(rt), obj);
    if (entries.length)
      this.entries.set(key, { uid: obj.metadata.uid, entries });
    else this.entries.delete(key);
  }
}
