import { ApiError } from '../api/errors';
import { NAMESPACES } from '../api/coreTypes';
import { apiVersionOf, type ResourceType } from '../api/resources';
import { clone, type KubeObject } from '../api/types';
import { toTable, wantsTable, type IncludeObject } from './table';
import { admitCustomResource, type JsonSchema } from '../schema/structural';
import {
  checkUnknownFields,
  isDryRun,
  validateWriteOptions,
} from './fieldValidation';
import type { ManagedFieldsEntry, ManagedSet } from './managedFields';
import { saveManaged, updateTracking } from './managedWrites';
import type { VirtualCluster } from './VirtualCluster';

/**
 * The REST verbs on a single object (list and deletecollection are in
 * list.ts, patch and server-side apply in patchObject.ts, delete in
 * deleteObject.ts, watch in watch.ts). Each function maps one request to a JSON response or throws an
 * ApiError; the HTTP plumbing lives in ApiServer.
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
  /** Names the field manager of writes without `fieldManager` (its part before the first `/`). */
  userAgent?: string;
  /** Collects the texts of `Warning` headers (field validation Warn). */
  warnings?: string[];
}

export interface JsonResponse {
  status: number;
  body: unknown;
  /** Pre-serialised JSON of `body` (large lists are assembled from cached object JSON). */
  raw?: string;
}

/** What the managed fields of a written object become, given the stored object and its current entries. */
export type ManagedFieldsFor = (
  written: KubeObject,
  stored: ManagedFieldsEntry[],
) => ManagedSet[];

export function withTypeMeta(rt: ResourceType, obj: KubeObject): KubeObject {
  return { ...obj, apiVersion: apiVersionOf(rt), kind: rt.kind };
}

export function respondObject(
  req: ResourceRequest,
  status: number,
  obj: KubeObject,
  managed: ManagedFieldsEntry[] = [],
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
  const body = withTypeMeta(req.rt, obj);
  if (managed.length)
    body.metadata = { ...body.metadata, managedFields: managed };
  return { status, body };
}

export function checkSubresource(req: ResourceRequest): void {
  if (req.subresource === undefined) return;
  if (req.subresource !== 'status' || !req.rt.statusSubresource)
    throw ApiError.pathNotFound();
}

/** The body must be a JSON object of this resource's kind; missing type meta is filled in. */
export function bodyObject(req: ResourceRequest, input = req.body): KubeObject {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw ApiError.badRequest('the request body must be a JSON object');
  const obj = clone(input) as KubeObject;
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

export function requireNamespace(req: ResourceRequest): void {
  if (!req.rt.namespaced || req.namespace === undefined) return;
  const nsType = req.cluster.registry.lookup('', 'v1', 'namespaces');
  if (nsType && !req.cluster.store.get(nsType, undefined, req.namespace))
    throw ApiError.notFound(NAMESPACES, req.namespace);
}

export function getObject(req: ResourceRequest): JsonResponse {
  checkSubresource(req);
  const obj = req.cluster.store.mustGet(req.rt, req.namespace, req.name!);
  return respondObject(
    req,
    200,
    obj,
    req.cluster.managedFields.get(req.rt, obj),
  );
}

/** The create pipeline after decoding: namespace, server-set fields, schema, webhooks, store. */
export function storeNew(
  req: ResourceRequest,
  obj: KubeObject,
  managedFor: ManagedFieldsFor,
): JsonResponse {
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
  delete obj.metadata.managedFields;
  const dryRun = isDryRun(req.query);
  const admitted = req.cluster.admit(
    'CREATE',
    req.rt,
    admitSchema(req.rt, obj),
    undefined,
    dryRun,
  );
  const created = req.cluster.store.create(req.rt, admitted, { dryRun });
  return respondObject(
    req,
    201,
    created,
    saveManaged(req, created, managedFor(created, [])),
  );
}

export function createObject(req: ResourceRequest): JsonResponse {
  if (req.name !== undefined || req.subresource !== undefined)
    throw ApiError.methodNotAllowed('POST', 'a named resource');
  validateWriteOptions(req.query, 'CreateOptions');
  const obj = checkUnknownFields(
    {
      rt: req.rt,
      query: req.query,
      warnings: req.warnings,
      operation: 'create',
    },
    bodyObject(req),
  );
  return storeNew(req, obj, updateTracking(req, undefined));
}

/**
 * Shared tail of PUT, PATCH and apply: applies status-subresource rules,
 * then writes with the optimistic-concurrency check.
 */
export function writeUpdate(
  req: ResourceRequest,
  existing: KubeObject,
  desired: KubeObject,
  managedFor: ManagedFieldsFor,
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
  delete next.metadata.managedFields;
  const dryRun = isDryRun(req.query);
  next = req.cluster.admit(
    'UPDATE',
    req.rt,
    admitSchema(req.rt, next),
    existing,
    dryRun,
    req.subresource,
  );
  const updated = req.cluster.store.update(req.rt, next, { dryRun });
  // The last finalizer of an object being deleted is gone: now it is deleted.
  if (
    updated.metadata.deletionTimestamp &&
    !updated.metadata.finalizers?.length &&
    !dryRun
  ) {
    const gone = req.cluster.store.delete(
      req.rt,
      req.namespace,
      updated.metadata.name!,
    );
    return respondObject(req, 200, gone);
  }
  const stored = req.cluster.managedFields.get(req.rt, existing);
  return respondObject(
    req,
    200,
    updated,
    saveManaged(req, updated, managedFor(updated, stored)),
  );
}

export function updateObject(req: ResourceRequest): JsonResponse {
  checkSubresource(req);
  validateWriteOptions(req.query, 'UpdateOptions');
  const obj = checkUnknownFields(
    {
      rt: req.rt,
      query: req.query,
      warnings: req.warnings,
      operation: 'update',
    },
    bodyObject(req),
  );
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
  return writeUpdate(
    req,
    existing,
    obj,
    updateTracking(req, existing, obj.metadata.managedFields),
  );
}
