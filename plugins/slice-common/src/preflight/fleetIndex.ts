import {
  LABEL_ORIGINAL_SLICE_NAME,
  LABEL_WORKER_CLUSTER,
  PROJECT_NAMESPACE_PREFIX,
  type ClusterObject,
  type KubeObject,
  type ServiceExportConfigObject,
  type SliceQosConfigObject,
} from '../kube/objects';
import type {
  PreflightFleet,
  PreflightSliceConfig,
  PreflightVpnKeyRotation,
  PreflightWorkerSliceConfig,
} from './types';

/** Label the controller puts on WorkerSliceConfigs that use a named QoS profile (REFERENCE §1). */
export const LABEL_STANDARD_QOS_PROFILE = 'standard-qos-profile';

function inNamespace<T extends KubeObject>(
  list: readonly T[] | undefined,
  namespace: string | undefined,
): T[] {
  return (list ?? []).filter(o => o.metadata?.namespace === namespace);
}

/**
 * The fleet view narrowed to one project namespace, with the look-ups the
 * rules need. Every webhook rule is scoped to the namespace of the object
 * (clusters, profiles and slices of other projects never count), so the
 * narrowing happens once, here.
 */
export class FleetIndex {
  readonly clusters: ReadonlyMap<string, ClusterObject>;
  private readonly slices: PreflightSliceConfig[];
  private readonly workerSlices: PreflightWorkerSliceConfig[];
  private readonly exports: ServiceExportConfigObject[];
  private readonly qos: SliceQosConfigObject[];
  private readonly rotations: PreflightVpnKeyRotation[] | undefined;

  constructor(
    private readonly fleet: PreflightFleet,
    readonly namespace: string | undefined,
  ) {
    this.clusters = new Map(
      inNamespace(fleet.clusters, namespace).map(c => [
        c.metadata?.name ?? '',
        c,
      ]),
    );
    this.slices = inNamespace(fleet.sliceConfigs, namespace);
    this.workerSlices = inNamespace(fleet.workerSliceConfigs, namespace);
    this.exports = inNamespace(fleet.serviceExportConfigs, namespace);
    this.qos = inNamespace(fleet.sliceQosConfigs, namespace);
    this.rotations = fleet.vpnKeyRotations
      ? inNamespace(fleet.vpnKeyRotations, namespace)
      : undefined;
  }

  /** True/false when the fleet lists project namespaces, undefined when it does not know. */
  isProjectNamespace(): boolean | undefined {
    if (!this.fleet.projectNamespaces) return undefined;
    return (
      this.namespace !== undefined &&
      this.fleet.projectNamespaces.includes(this.namespace)
    );
  }

  /** The project of the namespace (`kubeslice-<project>`), for the default-slice name. */
  projectName(): string | undefined {
    const ns = this.namespace;
    if (!ns?.startsWith(PROJECT_NAMESPACE_PREFIX)) return undefined;
    return ns.slice(PROJECT_NAMESPACE_PREFIX.length);
  }

  /** `<project>-default-slice`, which the controller manages itself (REFERENCE §2.1). */
  defaultSliceName(): string | undefined {
    const project = this.projectName();
    return project ? `${project}-default-slice` : undefined;
  }

  otherSlices(name: string | undefined): PreflightSliceConfig[] {
    return this.slices.filter(s => s.metadata?.name !== name);
  }

  /** WorkerSliceConfigs generated for a slice (label `original-slice-name`, or `spec.sliceName`). */
  workerSlicesOf(slice: string): PreflightWorkerSliceConfig[] {
    return this.workerSlices.filter(
      w =>
        (w.metadata?.labels?.[LABEL_ORIGINAL_SLICE_NAME] ??
          w.spec?.sliceName) === slice,
    );
  }

  /** WorkerSliceConfigs placed on a cluster (label `worker-cluster`). */
  workerSlicesOnCluster(cluster: string): PreflightWorkerSliceConfig[] {
    return this.workerSlices.filter(
      w => w.metadata?.labels?.[LABEL_WORKER_CLUSTER] === cluster,
    );
  }

  /** WorkerSliceConfigs labelled with a named QoS profile. */
  workerSlicesUsingQos(profile: string): PreflightWorkerSliceConfig[] {
    return this.workerSlices.filter(
      w => w.metadata?.labels?.[LABEL_STANDARD_QOS_PROFILE] === profile,
    );
  }

  /** ServiceExportConfigs of a slice: the delete rule selects them by label (REFERENCE §2.3). */
  exportsOf(slice: string): ServiceExportConfigObject[] {
    return this.exports.filter(
      e => e.metadata?.labels?.[LABEL_ORIGINAL_SLICE_NAME] === slice,
    );
  }

  qosProfile(name: string): SliceQosConfigObject | undefined {
    return this.qos.find(q => q.metadata?.name === name);
  }

  /** The slice's VpnKeyRotation; undefined also when the fleet view has none loaded. */
  vpnKeyRotation(slice: string): PreflightVpnKeyRotation | undefined {
    return this.rotations?.find(
      r => r.metadata?.name === slice || r.spec?.sliceName === slice,
    );
  }

  /** Whether the fleet view carries VpnKeyRotations at all (else rules on them are skipped). */
  knowsVpnKeyRotations(): boolean {
    return this.rotations !== undefined;
  }
}
