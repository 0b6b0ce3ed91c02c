import { ApiError } from '../api/errors';
import { clone } from '../api/types';

/** JSON Merge Patch (RFC 7386): `null` deletes a key, objects merge, everything else replaces. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch))
    return clone(patch);
  const result: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}

export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: unknown;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/'))
    throw ApiError.invalidPatch(`invalid JSON pointer "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function resolveParent(
  doc: any,
  tokens: string[],
  pointer: string,
): { parent: any; key: string } {
  let cur = doc;
  for (const t of tokens.slice(0, -1)) {
    cur = Array.isArray(cur) ? cur[Number(t)] : cur?.[t];
    if (cur === undefined || cur === null || typeof cur !== 'object') {
      throw ApiError.invalidPatch(`doc is missing path: "${pointer}"`);
    }
  }
  return { parent: cur, key: tokens[tokens.length - 1] };
}

function arrayIndex(
  arr: unknown[],
  key: string,
  pointer: string,
  allowEnd: boolean,
): number {
  if (key === '-' && allowEnd) return arr.length;
  const index = Number(key);
  if (
    !/^\d+$/.test(key) ||
    index > arr.length ||
    (!allowEnd && index === arr.length)
  ) {
    throw ApiError.invalidPatch(`index out of range in path "${pointer}"`);
  }
  return index;
}

function getAt(doc: unknown, pointer: string): unknown {
  let cur: any = doc;
  for (const t of parsePointer(pointer)) {
    cur = Array.isArray(cur) ? cur[Number(t)] : cur?.[t];
    if (cur === undefined)
      throw ApiError.invalidPatch(`doc is missing path: "${pointer}"`);
  }
  return cur;
}

function add(doc: unknown, pointer: string, value: unknown): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return clone(value);
  const { parent, key } = resolveParent(doc, tokens, pointer);
  if (Array.isArray(parent))
    parent.splice(arrayIndex(parent, key, pointer, true), 0, clone(value));
  else parent[key] = clone(value);
  return doc;
}

function remove(doc: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer);
  const { parent, key } = resolveParent(doc, tokens, pointer);
  if (Array.isArray(parent))
    parent.splice(arrayIndex(parent, key, pointer, false), 1);
  else {
    if (!(key in parent))
      throw ApiError.invalidPatch(`doc is missing path: "${pointer}"`);
    delete parent[key];
  }
  return doc;
}

/** JSON Patch (RFC 6902). Operates on a copy; throws 422 on a failed `test` or a bad path. */
export function applyJsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations))
    throw ApiError.badRequest('json patch must be an array of operations');
  let doc = clone(target);
  for (const op of operations as JsonPatchOperation[]) {
    switch (op?.op) {
      case 'add':
        doc = add(doc, op.path, op.value);
        break;
      case 'remove':
        doc = remove(doc, op.path);
        break;
      case 'replace':
        getAt(doc, op.path);
        doc = add(remove(doc, op.path), op.path, op.value);
        break;
      case 'move': {
        const value = getAt(doc, op.from ?? '');
        doc = add(remove(doc, op.from ?? ''), op.path, value);
        break;
      }
      case 'copy':
        doc = add(doc, op.path, getAt(doc, op.from ?? ''));
        break;
      case 'test':
        if (JSON.stringify(getAt(doc, op.path)) !== JSON.stringify(op.value)) {
          throw ApiError.invalidPatch(`testing value ${op.path} failed`);
        }
        break;
      default:
        throw ApiError.badRequest(
          `unsupported json patch operation "${(op as any)?.op}"`,
        );
    }
  }
  return doc;
}
