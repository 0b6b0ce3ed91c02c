import type { ResourceType } from '../api/resources';
import { clone, type KubeObject } from '../api/types';
import { admitSchema } from '../server/rest';
import type { VirtualCluster } from '../server/VirtualCluster';

/**
 * How the emulated controllers write: every object goes through its CRD's
 * structural schema (defaults, pruning), so what they generate is exactly
 * what the API server would have stored; with `admission`, the cluster's
 * webhooks judge it too (a worker writing to the hub through its token).
 */

export interface ApplyResult {
  object: KubeObject;
  created: boolean;
  /** Created, or an update that changed something. */
  changed: boolean;
}

export class ClusterWriter {
  constructor(readonly vc: VirtualCluster) {}

  type(plural: string, group = ''): ResourceType {
    return this.vc.resourceType(plural, group);
  }

  get(
    plural: string,
    ns: string | undefined,
    name: string,
    group = '',
  ): KubeObject | undefined {
    return this.vc.store.get(this.type(plural, group), ns, name);
  }

  list(plural: string, ns?: string, group = ''): readonly KubeObject[] {
    return this.vc.store.listShared(this.type(plural, group), ns);
  }

  /**
   * Creates the object, or brings the stored one's spec-level fields,
   * labels and annotations in line with it (other metadata and the status
   * are kept; `withStatus` also replaces the status).
   */
  apply(
    desired: KubeObject,
    options: { admission?: boolean; withStatus?: boolean } = {},
  ): ApplyResult {
    const rt = this.vc.typeOf(desired);
    const ns = rt.namespaced ? desired.metadata.namespace : undefined;
    const existing = this.vc.store.get(rt, ns, desired.metadata.name!);
    if (!existing) {
      let obj = admitSchema(rt, clone(desired));
      if (options.admission)
        obj = this.vc.admit('CREATE', rt, obj, undefined, false);
      return {
        object: this.vc.store.create(rt, obj),
        created: true,
        changed: true,
      };
    }
    const { metadata, status, ...body } = clone(desired);
    // Keep the stored key order (a no-op write must serialise identically).
    const next: KubeObject = { ...existing };
    for (const k of Object.keys(next))
      if (
        !['apiVersion', 'kind', 'metadata', 'status'].includes(k) &&
        !(k in body)
      )
        delete (next as any)[k];
    Object.assign(next, body);
    next.metadata = {
      ...existing.metadata,
      ...(metadata.labels
        ? { labels: { ...existing.metadata.labels, ...metadata.labels } }
        : {}),
      ...(metadata.annotations
        ? {
            annotations: {
              ...existing.metadata.annotations,
              ...metadata.annotations,
            },
          }
        : {}),
      ...(metadata.finalizers ? { finalizers: metadata.finalizers } : {}),
    };
    if (options.withStatus && status !== undefined) next.status = status;
    let obj = admitSchema(rt, next);
    if (options.admission)
      obj = this.vc.admit('UPDATE', rt, obj, existing, false);
    const before = existing.metadata.resourceVersion;
    const updated = this.vc.store.update(rt, obj);
    return {
      object: updated,
      created: false,
      changed: updated.metadata.resourceVersion !== before,
    };
  }

  /** Read-modify-write of an object's status (what a `/status` write does). */
  updateStatus(
    plural: string,
    ns: string | undefined,
    name: string,
    group: string,
    fn: (status: Record<string, any>, obj: KubeObject) => void,
  ): KubeObject | undefined {
    const rt = this.type(plural, group);
    return this.vc.store.mutate(rt, ns, name, obj => {
      obj.status ??= {};
      fn(obj.status, obj);
      const admitted = admitSchema(rt, obj);
      obj.status = admitted.status;
    });
  }

  /** Deletes the object if it exists; true when it did. */
  remove(
    plural: string,
    ns: string | undefined,
    name: string,
    group = '',
  ): boolean {
    const rt = this.type(plural, group);
    if (!this.vc.store.get(rt, ns, name)) return false;
    this.vc.store.delete(rt, ns, name);
    return true;
  }
}
