import { ApiError } from '../api/errors';
import { apiVersionOf } from '../api/resources';
import type { KubeObject } from '../api/types';
import { compileFilter, matchesFilter } from '../store/selectors';
import { isDryRun, validateWriteOptions } from './fieldValidation';
import { encodeContinue, listStart } from './listResume';
import { withTypeMeta, type JsonResponse, type ResourceRequest } from './rest';
import { toTable, wantsTable, type IncludeObject } from './table';

/**
 * list and deletecollection. Lists are assembled from the store's cached
 * per-object JSON; `metadata.managedFields` is not in them (see managedFields.ts).
 */

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

export function deleteCollection(req: ResourceRequest): JsonResponse {
  if (!req.rt.verbs.includes('deletecollection'))
    throw ApiError.methodNotAllowed(
      'DELETE',
      `the collection ${req.rt.plural}`,
    );
  validateWriteOptions(req.query, 'DeleteOptions');
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
