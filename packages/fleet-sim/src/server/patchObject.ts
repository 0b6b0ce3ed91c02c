import { ApiError } from '../api/errors';
import { apiVersionOf } from '../api/resources';
import type { KubeObject } from '../api/types';
import { applyJsonPatch, applyMergePatch } from '../store/patch';
import { APPLY_PATCH, mediaType } from './body';
import {
  checkUnknownFields,
  rejectUndeclaredApplyFields,
  timestamp,
  validateWriteOptions,
} from './fieldValidation';
import { decode } from './managedFields';
import { updateTracking } from './managedWrites';
import {
  bodyObject,
  checkSubresource,
  storeNew,
  writeUpdate,
  type JsonResponse,
  type ResourceRequest,
} from './rest';
import { mergeApplied } from './serverSideApply';

/**
 * PATCH: JSON merge patch, JSON patch, strategic merge patch (built-in kinds
 * only, approximated by a merge patch without the `$` directives) and
 * server-side apply (serverSideApply.ts), which may also create the object.
 */

export const PATCH_TYPES = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: APPLY_PATCH,
};

/** Strategic-merge directives (`$patch`, `$setElementOrder/…`, `$retainKeys`) have no merge-patch meaning: drop them. */
function withoutDirectives(patch: unknown): unknown {
  if (Array.isArray(patch)) return patch.map(withoutDirectives);
  if (!patch || typeof patch !== 'object') return patch;
  return Object.fromEntries(
    Object.entries(patch)
      .filter(([k]) => !k.startsWith('$'))
      .map(([k, v]) => [k, withoutDirectives(v)]),
  );
}

function patchOptions(req: ResourceRequest, apply: boolean): void {
  const extra = [];
  if (apply && !req.query.get('fieldManager'))
    extra.push({
      field: 'fieldManager',
      reason: 'FieldValueRequired',
      message: 'Required value: is required for apply patch',
    });
  if (!apply && req.query.has('force'))
    extra.push({
      field: 'force',
      reason: 'FieldValueForbidden',
      message: 'Forbidden: may not be specified for non-apply patch',
    });
  validateWriteOptions(req.query, 'PatchOptions', extra);
}

function serverSideApply(req: ResourceRequest): JsonResponse {
  const applied = bodyObject(req);
  if (applied.metadata.name && applied.metadata.name !== req.name)
    throw ApiError.badRequest(
      `the name of the object (${applied.metadata.name}) does not match the name on the URL (${req.name})`,
    );
  applied.metadata.name = req.name;
  if (applied.metadata.managedFields !== undefined)
    throw ApiError.badRequest('metadata.managedFields must be nil');
  rejectUndeclaredApplyFields(req.rt, applied);
  const live = req.cluster.store.get(req.rt, req.namespace, req.name!);
  if (!live && req.subresource) throw ApiError.notFound(req.rt, req.name!);
  const precondition = applied.metadata.resourceVersion;
  if (live && precondition && precondition !== live.metadata.resourceVersion)
    throw ApiError.conflict(req.rt, req.name!);
  const { object, sets } = mergeApplied({
    live,
    applied,
    sets: decode(req.cluster.managedFields.get(req.rt, live)),
    manager: req.query.get('fieldManager')!,
    force: req.query.get('force') === 'true',
    apiVersion: apiVersionOf(req.rt),
    subresource: req.subresource,
    statusSubresource: req.rt.statusSubresource,
    time: timestamp(req.now),
  });
  if (!live) return storeNew(req, object, () => sets);
  return writeUpdate(req, live, object, () => sets);
}

export function patchObject(req: ResourceRequest): JsonResponse {
  checkSubresource(req);
  const contentType = mediaType(req.contentType);
  patchOptions(req, contentType === PATCH_TYPES.apply);
  if (contentType === PATCH_TYPES.apply) return serverSideApply(req);
  const existing = req.cluster.store.mustGet(req.rt, req.namespace, req.name!);
  // Patches see the object with its managed fields, as stored on a real server
  // (kubectl's client-side → server-side apply migration replaces them by JSON patch).
  const managed = req.cluster.managedFields.get(req.rt, existing);
  const current = managed.length
    ? {
        ...existing,
        metadata: { ...existing.metadata, managedFields: managed },
      }
    : existing;
  let patched: unknown;
  if (contentType === PATCH_TYPES.merge) {
    patched = applyMergePatch(current, req.body);
  } else if (contentType === PATCH_TYPES.json) {
    patched = applyJsonPatch(current, req.body);
  } else if (contentType === PATCH_TYPES.strategic && req.rt.group === '') {
    // Strategic merge needs per-field merge keys from Go structs; for the few
    // built-in kinds served here a JSON merge patch is a close approximation.
    patched = applyMergePatch(current, withoutDirectives(req.body));
  } else if (contentType === PATCH_TYPES.strategic) {
    throw new ApiError(
      415,
      'UnsupportedMediaType',
      'strategic merge patch is not supported for custom resources; use application/merge-patch+json or application/json-patch+json',
    );
  } else {
    throw ApiError.unsupportedMediaType(contentType);
  }
  if (!patched || typeof patched !== 'object' || Array.isArray(patched))
    throw ApiError.badRequest('the patch must produce a JSON object');
  let obj = patched as KubeObject;
  if (obj.metadata?.name !== existing.metadata.name)
    throw ApiError.badRequest('a patch cannot change metadata.name');
  obj = checkUnknownFields(
    {
      rt: req.rt,
      query: req.query,
      warnings: req.warnings,
      operation: 'patch',
    },
    obj,
  );
  // A resourceVersion in the patch is a precondition; the stored one is not.
  const patchedRv = obj.metadata.resourceVersion;
  obj.metadata.resourceVersion =
    patchedRv !== existing.metadata.resourceVersion ? patchedRv : undefined;
  return writeUpdate(
    req,
    existing,
    obj,
    updateTracking(req, existing, obj.metadata.managedFields),
  );
}
