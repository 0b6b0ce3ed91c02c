import { apiVersionOf } from '../api/resources';
import type { KubeObject } from '../api/types';
import { isDryRun, timestamp } from './fieldValidation';
import {
  baseForRequest,
  encode,
  keepExisting,
  trackUpdate,
  type ManagedFieldsEntry,
  type ManagedSet,
} from './managedFields';
import type { ManagedFieldsFor, ResourceRequest } from './rest';

/**
 * What the REST verbs do with managed fields: a non-apply write makes its
 * manager (`fieldManager`, else the user agent's product name) own what it
 * changed; the result is saved beside the store unless it is a dry run.
 */

/** `fieldManager`, else the user agent's product name; no manager (in-process writes): nothing is tracked. */
function managerOf(req: ResourceRequest): string | undefined {
  const name =
    req.query.get('fieldManager') ||
    (req.userAgent ?? '').split('/')[0].replace(/[^\x20-\x7e]/g, '');
  return name ? name.slice(0, 128) : undefined;
}

/** Managed fields after a non-apply write: the request's manager owns what it changed. */
export function updateTracking(
  req: ResourceRequest,
  before: KubeObject | undefined,
  requested?: unknown,
): ManagedFieldsFor {
  return (written, stored) => {
    // A subresource write cannot set managedFields; the request's count only on the main resource.
    const base = baseForRequest(
      stored,
      req.subresource ? undefined : requested,
    );
    const manager = managerOf(req);
    if (!manager) return keepExisting(base, written);
    return trackUpdate({
      sets: base,
      before,
      after: written,
      manager,
      apiVersion: apiVersionOf(req.rt),
      subresource: req.subresource,
      time: timestamp(req.now),
    });
  };
}

export function saveManaged(
  req: ResourceRequest,
  written: KubeObject,
  sets: ManagedSet[],
): ManagedFieldsEntry[] {
  const entries = encode(keepExisting(sets, written));
  if (!isDryRun(req.query))
    req.cluster.managedFields.set(req.rt, written, entries);
  return entries;
}
