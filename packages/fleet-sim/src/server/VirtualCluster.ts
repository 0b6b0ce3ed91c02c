import { ResourceRegistry, type ResourceType } from '../api/resources';
import type { KubeObject } from '../api/types';
import { ObjectStore, type RevisionClock } from '../store/ObjectStore';
import { TokenRegistry } from './auth';
import { ManagedFieldsTable } from './managedFields';

export type AdmissionOperation = 'CREATE' | 'UPDATE' | 'DELETE';

export interface AdmissionRequest {
  operation: AdmissionOperation;
  cluster: VirtualCluster;
  rt: ResourceType;
  /** The object to be stored (absent on DELETE). */
  object?: KubeObject;
  /** The stored object (UPDATE, DELETE). */
  oldObject?: KubeObject;
  subresource?: string;
  dryRun: boolean;
}

/**
 * An admission webhook: returns a replacement object to mutate, nothing to
 * admit unchanged, or throws an ApiError to deny (with the webhook's message).
 */
export type AdmissionPlugin = (req: AdmissionRequest) => KubeObject | void;

export interface VirtualClusterOptions {
  name: string;
  resourceTypes: ResourceType[];
  clock?: RevisionClock;
  historyLimit?: number;
  now?: () => Date;
}

/**
 * One simulated Kubernetes cluster: the kinds it serves, its object store and
 * the tokens only it accepts (e.g. a worker's dashboard token). Many of these
 * share one HTTP server under `/clusters/<name>`.
 */
export class VirtualCluster {
  readonly name: string;
  readonly registry: ResourceRegistry;
  readonly store: ObjectStore;
  readonly tokens = new TokenRegistry();
  /** Admission webhooks, in order (KubeSlice's controller webhooks on the hub). */
  readonly admission: AdmissionPlugin[] = [];
  /** `metadata.managedFields` of the objects written through the API. */
  readonly managedFields: ManagedFieldsTable;

  constructor(options: VirtualClusterOptions) {
    this.name = options.name;
    this.registry = new ResourceRegistry(options.resourceTypes);
    this.store = new ObjectStore({
      clock: options.clock,
      historyLimit: options.historyLimit,
      now: options.now,
    });
    this.managedFields = new ManagedFieldsTable(this.store);
  }

  /** The served type with this plural in this group (first served version). */
  resourceType(plural: string, group = ''): ResourceType {
    const rt = this.registry
      .all()
      .find(t => t.plural === plural && t.group === group);
    if (!rt)
      throw new Error(
        `cluster ${this.name} does not serve ${
          group ? `${plural}.${group}` : plural
        }`,
      );
    return rt;
  }

  typeOf(obj: Pick<KubeObject, 'apiVersion' | 'kind'>): ResourceType {
    const rt = this.registry.lookupKind(obj.apiVersion, obj.kind);
    if (!rt)
      throw new Error(
        `cluster ${this.name} does not serve ${obj.kind} (${obj.apiVersion})`,
      );
    return rt;
  }

  /** Runs the admission chain on a create or update; returns the object to store. */
  admit(
    operation: 'CREATE' | 'UPDATE',
    rt: ResourceType,
    object: KubeObject,
    oldObject: KubeObject | undefined,
    dryRun: boolean,
    subresource?: string,
  ): KubeObject {
    let current = object;
    for (const plugin of this.admission) {
      const out = plugin({
        operation,
        cluster: this,
        rt,
        object: current,
        oldObject,
        subresource,
        dryRun,
      });
      if (out) current = out;
    }
    return current;
  }

  /** Runs the admission chain on a delete (throws to deny). */
  admitDelete(rt: ResourceType, oldObject: KubeObject, dryRun: boolean): void {
    for (const plugin of this.admission)
      plugin({ operation: 'DELETE', cluster: this, rt, oldObject, dryRun });
  }

  /** Stores initial objects, keeping their (back-dated) creation timestamps. */
  seed(objects: KubeObject[]): void {
    for (const obj of objects)
      this.store.create(this.typeOf(obj), obj, { keepCreationTimestamp: true });
  }
}
