/**
 * Field sets of managed fields: the leaf paths of an object, with objects
 * (and maps) granular and lists atomic — the structured-merge-diff defaults
 * for CRDs, whose lists carry no `x-kubernetes-list-type` here. Encoded as
 * `fieldsV1` (`{"f:spec":{"f:priority":{}}}`) in `metadata.managedFields`.
 */

export type FieldPath = string[];

/** Server-owned or identifying fields no manager owns. */
const UNMANAGED_METADATA = [
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The object without `apiVersion`, `kind` and server-owned metadata. */
export function managedPart(obj: Record<string, any>): Record<string, any> {
  const { apiVersion: _a, kind: _k, metadata, ...rest } = obj;
  const meta = isObject(metadata) ? { ...metadata } : {};
  for (const k of UNMANAGED_METADATA) delete meta[k];
  return Object.keys(meta).length ? { metadata: meta, ...rest } : rest;
}

/** Every leaf path: scalars, lists and empty objects. */
export function leafPaths(value: unknown, prefix: FieldPath = []): FieldPath[] {
  if (!isObject(value) || (prefix.length && !Object.keys(value).length))
    return prefix.length ? [prefix] : [];
  return Object.entries(value).flatMap(([k, v]) =>
    leafPaths(v, [...prefix, k]),
  );
}

export function valueAt(
  obj: unknown,
  path: FieldPath,
): { found: boolean; value?: unknown } {
  let cur: unknown = obj;
  for (const key of path) {
    if (!isObject(cur) || !(key in cur)) return { found: false };
    cur = cur[key];
  }
  return { found: true, value: cur };
}

export function setAt(
  obj: Record<string, any>,
  path: FieldPath,
  value: unknown,
): void {
  let cur = obj;
  for (const key of path.slice(0, -1)) {
    if (!isObject(cur[key])) cur[key] = {};
    cur = cur[key];
  }
  cur[path[path.length - 1]] = value;
}

/** Deletes the field, then parents it leaves empty. */
export function deleteAt(obj: Record<string, any>, path: FieldPath): void {
  const parents: Array<[Record<string, any>, string]> = [];
  let cur: any = obj;
  for (const key of path.slice(0, -1)) {
    if (!isObject(cur[key])) return;
    parents.push([cur, key]);
    cur = cur[key];
  }
  delete cur[path[path.length - 1]];
  for (const [parent, key] of parents.reverse()) {
    if (Object.keys(parent[key]).length) break;
    delete parent[key];
  }
}

/** Key-order-insensitive deep equality of JSON values. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length)
      return false;
    return a.every((v, i) => jsonEqual(v, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every(k => k in b && jsonEqual(a[k], b[k]));
}

/** One path is a prefix of the other (the same field, or one contains the other). */
export function overlaps(a: FieldPath, b: FieldPath): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

export const pathKey = (p: FieldPath) => JSON.stringify(p);

/** `.spec.priority`, as structured-merge-diff prints a path. */
export const pathString = (p: FieldPath) => p.map(k => `.${k}`).join('');

export function toFieldsV1(paths: FieldPath[]): Record<string, any> {
  const root: Record<string, any> = {};
  for (const p of paths) {
    let cur = root;
    for (const key of p) cur = cur[`f:${key}`] ??= {};
  }
  return root;
}

/** The leaf paths of a `fieldsV1` trie (`.` entries and non-field keys are skipped). */
export function fromFieldsV1(
  fields: unknown,
  prefix: FieldPath = [],
): FieldPath[] {
  if (!isObject(fields)) return [];
  const children = Object.entries(fields).filter(([k]) => k.startsWith('f:'));
  if (!children.length) return prefix.length ? [prefix] : [];
  return children.flatMap(([k, v]) => fromFieldsV1(v, [...prefix, k.slice(2)]));
}
