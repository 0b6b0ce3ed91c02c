import { ApiError } from '../api/errors';
import { isDryRun, timestamp, validateWriteOptions } from './fieldValidation';
import { respondObject, type JsonResponse, type ResourceRequest } from './rest';

/**
 * DELETE of one object: admission, finalizers (only a deletionTimestamp
 * until the last one is removed), preconditions, namespace cascade.
 */

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
  validateWriteOptions(req.query, 'DeleteOptions');
  const dryRun = isDryRun(req.query);
  const existing = req.cluster.store.mustGet(req.rt, req.namespace, req.name!);
  req.cluster.admitDelete(req.rt, existing, dryRun);
  if (existing.metadata.finalizers?.length) {
    // Finalizers hold the object: it only gets a deletionTimestamp, and
    // whoever owns a finalizer removes it when done (then it is deleted).
    if (existing.metadata.deletionTimestamp)
      return respondObject(req, 200, existing);
    const marked = {
      ...existing,
      metadata: {
        ...existing.metadata,
        deletionTimestamp: timestamp(req.now),
      },
    };
    // A dry run answers with what the object would become.
    if (dryRun) return respondObject(req, 200, marked);
    return respondObject(
      req,
      200,
      req.cluster.store.update(req.rt, marked, {}),
    );
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
