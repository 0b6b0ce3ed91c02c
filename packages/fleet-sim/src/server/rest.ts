import { ApiError } from '../api/errors';
import { NAMESPACES } from '../api/coreTypes';
import { apiVersionOf, type ResourceType } from '../api/resources';
import { clone, type KubeObject } from '../api/types';
import { applyJsonPatch, applyMergePatch } from '../store/patch';
import { compileFilter, matchesFilter } from '../store/selectors';
import { encodeContinue, listStart } from './listResume';
import { toTable, wantsTable, type IncludeObject } from './table';
import { admitCustomResource, type JsonSchema } from '../schema/structural';
import type { VirtualCluster } from './VirtualCluster';

/**
 * The REST verbs on a resource (everything except watch, see watch.ts).
 * Each function maps one request to a JSON response or throws an ApiError;
 * the HTTP plumbing lives in ApiServer.
 */

export interface ResourceRequest {
  cluster: VirtualCluster;
  rt: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
  query: URLSearchParams;
  accept?: string;
  contentType?: string;
  body?: unknown;
  now: Date;
}

export interface JsonResponse {
  status: number;
  body: unknown;
  /** Pre-serialised JSON of `body` (large lists are assembled from cached object JSON). */
  raw?: string;
}

function withTypeMeta(rt: ResourceType, obj: KubeObject): KubeObject {
  return { ...obj, apiVersion: apiVersionOf(rt), kind: rt.kind };
}

function isDryRun(query: URLSearchParams): boolean {
  return query.getAll('dryRun').includes('All');
}

function respondObject(
  req: ResourceRequest,
  status: number,
  obj: KubeObject,
): JsonResponse {
  if (wantsTable(req.accept)) {
    return {
      status,
      body: toTable(req.rt, [obj], {
        now: req.now,
        resourceVersion: obj.metadata.resourceVersion,
        includeObject: req.query.get('includeObject') as IncludeObject,
      }),
    };
  }
  return { status, body: withTypeMeta(req.rt, obj) };
}

function checkSubresource(req: ResourceRequest): void {
  if (req.subresource === undefined) return;
  if (req.subresource !== 'status' || !req.rt.statusSubresource)
    throw ApiError.pathNotFound();
}

/** The body must be a JSON object of this resource's kind; missing type meta is filled in. */
function bodyObject(req: ResourceRequest): KubeObject {
  const body = req.body;
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw ApiError.badRequest('the request body must be a JSON object');
  const obj = clone(body) as KubeObject;
  const apiVersion = apiVersionOf(req.rt);
  if (obj.apiVersion && obj.apiVersion !== apiVersion) {
    throw ApiError.badRequest(
      `the API version in the data (${obj.apiVersion}) does not match the expected API version (${apiVersion})`,
    );
  }
  if (obj.kind && obj.kind !== req.rt.kind) {
    throw ApiError.badRequest(
      `the kind in the data (${obj.kind}) does not match the expected kind (${req.rt.kind})`,
    );
  }
  obj.apiVersion = apiVersion;
  obj.kind = req.rt.kind;
  obj.metadata =
    obj.metadata && typeof obj.metadata === 'object' ? obj.metadata : {};
  if (req.rt.namespaced) {
    if (obj.metadata.namespace && obj.metadata.namespace !== req.namespace) {
      throw ApiError.badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    obj.metadata.namespace = req.namespace;
  }
  return obj;
}

/**
 * Custom resources go through their CRD's structural schema before anything
 * is stored: unknown fields pruned, defaults applied, violations → 422.
 */
export function admitSchema(rt: ResourceType, obj: KubeObject): KubeObject {
  if (!rt.schema) return obj;
  const { object, causes } = admitCustomResource(
    rt.schema as JsonSchema,
    obj as Record<string, any>,
  );
  if (causes.length)
    throw ApiError.invalidFields(rt, obj.metadata?.name ?? '', causes);
  return object as KubeObject;
}

function requireNamespace(req: ResourceRequest): void {
  if (!req.rt.namespaced || req.namespace === undefined) return;
  const nsType = req.cluster.registry.lookup('', 'v1', 'namespaces');
  if (nsType && !req.cluster.store.get(nsType, undefined, req.namespace))
    throw ApiError.notFound(NAMESPACES, req.namespace);
}

export function getObject(req: ResourceRequest): JsonResponse {
  checkSubresource(req);
  return respondObject(
    req,
    200,
    req.cluster.store.mustGet(req.rt, req.namespace, req.name!),
  );
}

export function listObjects(req: ResourceRequest): JsonResponse {
  const { store } = req.cluster;
  const filter = compileFilter({
    labelSelector: req.query.get('labelSelector') ?? undefined,
    fieldSelector: req.query.get('fieldSelector') ?? undefined,
    selectableFields: req.rt.selectableFields,
  });
  const start = listStart(store, req.query);
  const resourceVersion = String(store.resourceVersion());
  // Shared (uncopied) objects: nothing below modifies them.
  let items = store
    .listShared(req.rt, req.rt.namespaced ? req.namespace : undefined)
    .filter(o => matchesFilter(filter, o));
  const keyOf = (o: KubeObject) =>
    `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  if (start.after !== undefined) {
    const after = start.after;
    items = items.filter(o => keyOf(o) > after);
  }
  const limit = Number(req.query.get('limit') ?? '0');
  let continueToken: string | undefined;
  let remaining: number | undefined;
  if (Number.isInteger(limit) && limit > 0 && items.length > limit) {
    remaining = items.length - limit;
    items = items.slice(0, limit);
    continueToken = encodeContinue({
      after: keyOf(items[items.length - 1]),
      rv: start.rv,
    });
  }
  if (wantsTable(req.accept)) {
    return {
      status: 200,
      body: toTable(req.rt, items, {
        now: req.now,
        resourceVersion,
        continueToken,
        includeObject: req.query.get('includeObject') as IncludeObject,
      }),
    };
  }
  const head = {
    kind: req.rt.listKind,
    apiVersion: apiVersionOf(req.rt),
    metadata: {
      resourceVersion,
      ...(continueToken
        ? { continue: continueToken, remainingItemCount: remaining }
        : {}),
    },
  };
  // Stored objects already carry their apiVersion and kind (the store sets them).
  const raw = `${JSON.stringify(head).slice(0, -1)},"items":[${items
    .map(o => store.serialized(o))
    .join(',')}]}`;
  return {
    status: 200,
    get body() {
      return JSON.parse(raw);
    },
    raw,
  };
}

export function createObject(req: ResourceRequest): JsonResponse {
  if (req.name !== undefined || req.subresource !== undefined)
    throw ApiError.methodNotAllowed('POST', 'a named resource');
  const obj = bodyObject(req);
  requireNamespace(req);
  // Status is server-owned for types with a status subresource: clients cannot set it on create.
  if (req.rt.statusSubresource) delete obj.status;
  if (req.rt.group === '' && req.rt.plural === 'namespaces') {
    // The API server labels every namespace with its own name (used by NetworkPolicy selectors).
    obj.metadata.labels = {
      ...obj.metadata.labels,
      'kubernetes.io/metadata.name': obj.metadata.name ?? '',
    };
    obj.status = { phase: 'Active' };
  }
  delete obj.metadata.resourceVersion;
  const admitted = req.cluster.admit(
    'CREATE',
    req.rt,
    admitSchema(req.rt, obj),
    undefined,
    isDryRun(req.query),
  );
  const created = req.cluster.store.create(req.rt, admitted, {
    dryRun: isDryRun(req.query),
  });
  return respondObject(req, 201, created);
}

/**
 * Shared tail of PUT and PATCH: applies status-subresource rules, then
 * writes with the optimistic-concurrency check.
 */
function writeUpdate(
  req: ResourceRequest,
  existing: KubeObject,
  desired: KubeObject,
): JsonResponse {
  let next = desired;
  if (req.rt.statusSubresource) {
    if (req.subresource === 'status') {
      // /status writes change only status; everything else stays as stored.
      next = {
        ...existing,
        status: desired.status,
        metadata: {
          ...existing.metadata,
          resourceVersion: desired.metadata.resourceVersion,
        },
      };
    } else {
      next = { ...desired, status: existing.status };
      if (existing.status === undefined) delete next.status;
    }
  }
  next.metadata = {
    ...next.metadata,
    namespace: req.rt.namespaced ? req.namespace : undefined,
  };
  next = req.cluster.admit(
    'UPDATE',
    req.rt,
    admitSchema(req.rt, next),
    existing,
    isDryRun(req.query),
    req.subresource,
  );
  const updated = req.cluster.store.update(req.rt, next, {
    dryRun: isDryRun(req.query),
  });
  // The last finalizer of an object being deleted is gone: now it is deleted.
  if (
    updated.metadata.deletionTimestamp &&
    !updated.metadata.finalizers?.length &&
    !isDryRun(req.query)
  ) {
    const gone = req.cluster.store.delete(
      req.rt,
      req.namespace,
      updated.metadata.name!,
    );
    return respondObject(req, 200, gone);
  }
  return respondObject(req, 200, updated);
}

export function updateObject(req: ResourceRequest): JsonResponse {
  checkSubresource(req);
  const obj = bodyObject(req);
  if (obj.metadata.name !== req.name) {
    throw ApiError.badRequest(
      `the name of the object (${
        obj.metadata.name ?? ''
      }) does not match the name on the URL (${req.name})`,
    );
  }
  const existing = req.cluster.store.mustGet(req.rt, req.namespace, req.name!);
  // Custom resources require optimistic concurrency on PUT, as on the real server.
  if (req.rt.group !== '' && !obj.metadata.resourceVersion) {
    throw ApiError.invalid(req.rt, req.name!, [
      {
        field: 'metadata.resourceVersion',
        message: 'Invalid value: 0x0: must be specified for an update',
      },
    ]);
  }
  return writeUpdate(req, existing, obj);
}

export const PATCH_TYPES = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

export function patchObject(req: ResourceRequest): JsonResponse {
  checkSubresource(req);
  const contentType = (req.contentType ?? '').split(';')[0].trim();
  const existing = req.cluster.store.mustGet(req.rt, req.namespace, req.name!);
  let patched: unknown;
  if (contentType === PATCH_TYPES.merge) {
    patched = applyMergePatch(existing, req.body);
  } else if (contentType === PATCH_TYPES.json) {
    patched = applyJsonPatch(existing, req.body);
  } else if (contentType === PATCH_TYPES.strategic && req.rt.group === '') {
    // Strategic merge needs per-field merge keys from Go structs; for the few
    // built-in kinds served here a JSON merge patch is a close approximation.
    patched = applyMergePatch(existing, req.body);
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
  const obj = patched as KubeObject;
  if (obj.metadata?.name !== existing.metadata.name)
    throw ApiError.badRequest('a patch cannot change metadata.name');
  // A resourceVersion in the patch is a precondition; the stored one is not.
  const patchedRv = obj.metadata.resourceVersion;
  obj.metadata.resourceVersion =
    patchedRv !== existing.metadata.resourceVersion ? patchedRv : undefined;
  return writeUpdate(req, existing, obj);
}

function deletePreconditions(body: unknown): {
  resourceVersion?: string;
  uid?: string;
} {
  const pre = (body as any)?.preconditions;
  return pre && typeof pre === 'object'
    ? { resourceVersion: pre.resourceVersion, uid: pre.uid }
    : {};
}

/** Deleting a namespace deletes everything in it (no Terminating phase in v0). */
function cascadeNamespace(req: ResourceRequest, namespace: string): void {
  for (const rt of req.cluster.registry.all().filter(t => t.namespaced)) {
    for (const obj of req.cluster.store.list(rt, namespace))
      req.cluster.store.delete(rt, namespace, obj.metadata.name!);
  }
}

export function deleteObject(req: ResourceRequest): JsonResponse {
  if (req.subresource !== undefined)
    throw ApiError.methodNotAllowed('DELETE', 'a subresource');
  const dryRun = isDryRun(req.query);
  const existing = req.cluster.store.mustGet(req.rt, req.namespace, req.name!);
  req.cluster.admitDelete(req.rt, existing, dryRun);
  if (existing.metadata.finalizers?.length) {
    // Finalizers hold the object: it only gets a deletionTimestamp, and
    // whoever owns a finalizer removes it when done (then it is deleted).
    if (existing.metadata.deletionTimestamp || dryRun)
      return respondObject(req, 200, existing);
    const marked = req.cluster.store.update(
      req.rt,
      {
        ...existing,
        metadata: {
          ...existing.metadata,
          deletionTimestamp: req.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        },
      },
      {},
    );
    return respondObject(req, 200, marked);
  }
  const deleted = req.cluster.store.delete(
    req.rt,
    req.namespace,
    req.name!,
    deletePreconditions(req.body),
    { dryRun },
  );
  if (req.rt.group === '' && req.rt.plural === 'namespaces' && !dryRun)
    cascadeNamespace(req, req.name!);
  return respondObject(req, 200, deleted);
}

export function deleteCollection(req: ResourceRequest): JsonResponse {
  if (!req.rt.verbs.includes('deletecollection'))
    throw ApiError.methodNotAllowed(
      'DELETE',
      `the collection ${req.rt.plural}`,
    );
  const listed = listObjects({
    ...req,
    accept: undefined,
    query: new URLSearchParams(
      [...req.query.entries()].filter(
        ([k]) => k !== 'limit' && k !== 'continue',
      ),
    ),
  });
  const items = JSON.parse(listed.raw!).items as KubeObject[];
  const dryRun = isDryRun(req.query);
  const deleted = items.map(o =>
    req.cluster.store.delete(
      req.rt,
      o.metadata.namespace,
      o.metadata.name!,
      {},
      { dryRun },
    ),
  );
  return {
    status: 200,
    body: {
      kind: req.rt.listKind,
      apiVersion: apiVersionOf(req.rt),
      metadata: {
        resourceVersion: String(req.cluster.store.resourceVersion()),
      },
      items: deleted.map(o => withTypeMeta(req.rt, o)),
    },
  };
}
