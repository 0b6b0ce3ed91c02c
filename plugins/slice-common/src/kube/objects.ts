/**
 * The subset of KubeSlice objects the fleet model reads, typed as they appear in real
 * clusters. Every field is optional: objects written by older controllers (chart 1.3.x)
 * or not yet reconciled miss fields, and the model must tolerate that.
 */

/** Standard Kubernetes object metadata, as far as the model needs it. */
export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A Kubernetes object of any kind. */
export interface KubeObject<Spec = unknown, Status = unknown> {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: Spec;
  status?: Status;
}

/** `ComponentHealthStatus` values written by the worker operator. */
export type ComponentHealthStatus = 'Normal' | 'Warning' | 'Error';

export interface ComponentStatus {
  component?: string;
  componentHealthStatus?: ComponentHealthStatus | string;
}

/** `controller.kubeslice.io/v1alpha1` Project. */
export type ProjectObject = KubeObject<
  {
    serviceAccount?: { readOnly?: string[]; readWrite?: string[] };
    defaultSliceCreation?: boolean;
  },
  unknown
>;

/** `controller.kubeslice.io/v1alpha1` Cluster (a registered worker cluster). */
export type ClusterObject = KubeObject<
  {
    networkInterface?: string;
    nodeIPs?: string[];
    clusterProperty?: {
      geoLocation?: {
        cloudProvider?: string;
        cloudRegion?: string;
        latitude?: string;
        longitude?: string;
      };
    };
  },
  {
    registrationStatus?: string;
    isDeregisterInProgress?: boolean;
    networkPresent?: boolean;
    cniSubnet?: string[];
    nodeIPs?: string[];
    namespaces?: { name?: string; sliceName?: string }[];
    clusterHealth?: {
      clusterHealthStatus?: 'Normal' | 'Warning' | string;
      componentStatuses?: ComponentStatus[];
      lastUpdated?: string;
    };
  }
>;

export interface SliceNamespaceSelection {
  namespace?: string;
  clusters?: string[];
}

/** `controller.kubeslice.io/v1alpha1` SliceConfig (the slice itself). */
export type SliceConfigObject = KubeObject<
  {
    sliceSubnet?: string;
    sliceType?: string;
    maxClusters?: number;
    clusters?: string[];
    overlayNetworkDeploymentMode?:
      | 'single-network'
      | 'multi-network'
      | 'no-network'
      | string;
    standardQosProfileName?: string;
    qosProfileDetails?: {
      queueType?: string;
      priority?: number;
      tcType?: string;
      bandwidthCeilingKbps?: number;
      bandwidthGuaranteedKbps?: number;
      dscpClass?: string;
    };
    namespaceIsolationProfile?: {
      isolationEnabled?: boolean;
      applicationNamespaces?: SliceNamespaceSelection[];
      allowedNamespaces?: SliceNamespaceSelection[];
    };
    sliceGatewayProvider?: { sliceGatewayType?: string; sliceCaType?: string };
  },
  unknown
>;

/** `worker.kubeslice.io/v1alpha1` WorkerSliceConfig: one slice as seen by one member cluster. */
export type WorkerSliceConfigObject = KubeObject<
  {
    sliceName?: string;
    clusterSubnetCIDR?: string;
    sliceSubnet?: string;
    overlayNetworkDeploymentMode?: string;
  },
  {
    onboardedAppNamespaces?: { name?: string }[];
    connectedAppPods?: { podName?: string; podNamespace?: string }[];
    sliceHealth?: {
      sliceHealthStatus?: 'Normal' | 'Warning' | string;
      componentStatuses?: ComponentStatus[];
      lastUpdated?: string;
    };
  }
>;

/** Labels the controller puts on the objects it generates (REFERENCE §1). */
export const LABEL_WORKER_CLUSTER = 'worker-cluster';
export const LABEL_ORIGINAL_SLICE_NAME = 'original-slice-name';
export const LABEL_PROJECT_NAMESPACE = 'project-namespace';

/** The Helm default prefix of project namespaces: `kubeslice-<project>`. */
export const PROJECT_NAMESPACE_PREFIX = 'kubeslice-';
