import { ApiError } from '../api/errors';
import { clone, type KubeObject } from '../api/types';
import {
  deleteAt,
  jsonEqual,
  leafPaths,
  managedPart,
  overlaps,
  pathString,
  setAt,
  valueAt,
  type FieldPath,
} from './fieldSets';
import { sameOwner, type ManagedSet } from './managedFields';

/**
 * Server-side apply (`PATCH` with `application/apply-patch+yaml`): the
 * applied configuration is merged into the live object field by field; the
 * applier owns exactly the fields it applied (fields it applied before and
 * no longer does are removed unless someone else owns them too); setting a
 * field another manager owns to a different value is a 409 conflict unless
 * `force=true`, which takes the field over. Objects and maps merge per key,
 * lists are atomic.
 */

export interface ApplyInput {
  live: KubeObject | undefined;
  applied: KubeObject;
  sets: ManagedSet[];
  manager: string;
  force: boolean;
  apiVersion: string;
  /** `status` for an apply to the status subresource. */
  subresource?: string;
  /** The kind has a status subresource: applying the main resource leaves status alone. */
  statusSubresource: boolean;
  time: string;
}

export interface ApplyResult {
  object: KubeObject;
  sets: ManagedSet[];
}

interface Conflict {
  owner: ManagedSet;
  path: FieldPath;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmptyObject = (v: unknown) => isObject(v) && !Object.keys(v).length;

function printManager(s: ManagedSet): string {
  let out = `"${s.manager}"`;
  if (s.subresource) out += ` with subresource "${s.subresource}"`;
  if (s.operation === 'Update') out += ` using ${s.apiVersion} at ${s.time}`;
  return out;
}

/** 409 worded like kube-apiserver's `Apply failed with N conflict(s)`. */
function conflictError(conflicts: Conflict[]): ApiError {
  let message: string;
  if (conflicts.length === 1) {
    const [c] = conflicts;
    message = `Apply failed with 1 conflict: conflict with ${printManager(
      c.owner,
    )}: ${pathString(c.path)}`;
  } else {
    const byManager = new Map<string, Conflict[]>();
    for (const c of conflicts) {
      const key = printManager(c.owner);
      byManager.set(key, [...(byManager.get(key) ?? []), c]);
    }
    const lines = [...byManager.keys()]
      .sort()
      .flatMap(m => [
        `conflicts with ${m}:`,
        ...byManager.get(m)!.map(c => `- ${pathString(c.path)}`),
      ]);
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join(
      '\n',
    )}`;
  }
  return new ApiError(409, 'Conflict', message, {
    causes: conflicts.map(c => ({
      reason: 'FieldManagerConflict',
      message: `conflict with ${printManager(c.owner)}`,
      field: pathString(c.path),
    })),
  });
}

/** The fields an apply sets: status only on `/status`, never on the main resource of a kind with a status subresource. */
function appliedFields(input: ApplyInput): FieldPath[] {
  const part = managedPart(input.applied);
  if (input.subresource === 'status')
    return leafPaths(part.status === undefined ? {} : { status: part.status });
  if (input.statusSubresource) delete part.status;
  return leafPaths(part);
}

export function mergeApplied(input: ApplyInput): ApplyResult {
  const paths = appliedFields(input);
  const isMine = (s: ManagedSet) =>
    sameOwner(s, input.manager, 'Apply', input.subresource);
  const others = input.sets.filter(s => !isMine(s));
  const previous = input.sets.find(isMine);

  // An empty object merges into a live object without changing it.
  const mergesNothing = (p: FieldPath) => {
    const v = valueAt(input.applied, p).value;
    const live = input.live && valueAt(input.live, p).value;
    return isEmptyObject(v) && isObject(live);
  };
  const conflicts: Conflict[] = [];
  if (input.live)
    for (const p of paths) {
      const live = valueAt(input.live, p);
      if (live.found && jsonEqual(live.value, valueAt(input.applied, p).value))
        continue;
      if (mergesNothing(p)) continue;
      for (const owner of others)
        if (owner.paths.some(q => overlaps(p, q)))
          conflicts.push({ owner, path: p });
    }
  if (conflicts.length && !input.force) throw conflictError(conflicts);

  const object = clone(input.live ?? input.applied);
  if (input.live) {
    for (const p of paths)
      if (!mergesNothing(p))
        setAt(object, p, clone(valueAt(input.applied, p).value));
    // What this manager applied before and no longer does goes, unless co-owned.
    for (const q of previous?.paths ?? []) {
      if (paths.some(p => !mergesNothing(p) && overlaps(p, q))) continue;
      if (others.some(s => s.paths.some(o => overlaps(o, q)))) continue;
      deleteAt(object, q);
    }
  }
  // Forced: the conflicting fields change hands.
  const taken = (q: FieldPath) => conflicts.some(c => overlaps(c.path, q));
  const sets = others
    .map(s => ({ ...s, paths: s.paths.filter(q => !taken(q)) }))
    .filter(s => s.paths.length);
  if (paths.length)
    sets.push({
      manager: input.manager,
      operation: 'Apply',
      apiVersion: input.apiVersion,
      time: input.time,
      ...(input.subresource ? { subresource: input.subresource } : {}),
      paths,
    });
  return { object, sets };
}
