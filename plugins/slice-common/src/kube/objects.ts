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
export const LABEL_REMOTE_CLUSTER = 'remote-cluster';
/** Label the worker puts on onboarded namespaces and slice objects. */
export const LABEL_SLICE = 'kubeslice.io/slice';

/** The Helm default prefix of project namespaces: `kubeslice-<project>`. */
export const PROJECT_NAMESPACE_PREFIX = 'kubeslice-';

/** `worker.kubeslice.io/v1alpha1` WorkerSliceGateway: one direction of a gateway pair, on the hub. */
export type WorkerSliceGatewayObject = KubeObject<
  {
    sliceName?: string;
    gatewayHostType?: 'Server' | 'Client' | string;
    gatewayProtocol?: string;
    gatewayConnectivityType?: string;
    localGatewayConfig?: { clusterName?: string; gatewayName?: string };
    remoteGatewayConfig?: { clusterName?: string; gatewayName?: string };
  },
  unknown
>;

/** One gateway pod's tunnel as the gateway sidecar reports it (REFERENCE §4.2). */
export interface TunnelStatusFields {
  IntfName?: string;
  LocalIP?: string;
  RemoteIP?: string;
  Latency?: number;
  PacketLoss?: number;
  TxRate?: number;
  RxRate?: number;
  /** Proto enum: 0 UP, 1 DOWN; `omitempty`, so UP is written as an absent field. */
  Status?: number;
  /** `UP` | `DOWN` | `UNKNOWN`, since worker-operator 1.4.0; prefer it when present. */
  TunnelState?: string;
}

/** `networking.kubeslice.io/v1beta1` SliceGateway on a worker: tunnel health lives here. */
export type SliceGatewayObject = KubeObject<
  { sliceName?: string; siteName?: string },
  {
    config?: {
      sliceName?: string;
      sliceGatewayHostType?: string;
      sliceGatewayRemoteClusterId?: string;
      sliceGatewayName?: string;
    };
    gatewayPodStatus?: {
      podName?: string;
      peerPodName?: string;
      podIP?: string;
      tunnelStatus?: TunnelStatusFields;
    }[];
  }
>;

export interface ServiceDiscoveryEndpoint {
  cluster?: string;
  dnsName?: string;
  nsmIp?: string;
  podName?: string;
  port?: number;
}

/** `controller.kubeslice.io/v1alpha1` ServiceExportConfig: a service exported from one cluster, on the hub. */
export type ServiceExportConfigObject = KubeObject<
  {
    serviceName?: string;
    serviceNamespace?: string;
    sliceName?: string;
    sourceCluster?: string;
    aliases?: string[];
    serviceDiscoveryEndpoints?: ServiceDiscoveryEndpoint[];
    serviceDiscoveryPorts?: {
      name?: string;
      port?: number;
      protocol?: string;
    }[];
  },
  unknown
>;

/** `worker.kubeslice.io/v1alpha1` WorkerServiceImport: the import of a service on one member, on the hub. */
export type WorkerServiceImportObject = KubeObject<
  {
    serviceName?: string;
    serviceNamespace?: string;
    sliceName?: string;
    sourceClusters?: string[];
    aliases?: string[];
    serviceDiscoveryEndpoints?: ServiceDiscoveryEndpoint[];
  },
  unknown
>;

/** `networking.kubeslice.io/v1beta1` ServiceExport on a worker. */
export type ServiceExportObject = KubeObject<
  {
    slice?: string;
    aliases?: string[];
    ports?: { name?: string; containerPort?: number }[];
  },
  {
    exportStatus?: string;
    dnsName?: string;
    availableEndpoints?: number;
    aliases?: string[];
  }
>;

/** `networking.kubeslice.io/v1beta1` ServiceImport on a worker. */
export type ServiceImportObject = KubeObject<
  { slice?: string; dnsName?: string; aliases?: string[] },
  {
    importStatus?: string;
    availableEndpoints?: number;
    endpoints?: {
      clusterId?: string;
      dnsName?: string;
      ip?: string;
      name?: string;
      port?: number;
    }[];
  }
>;

/** `controller.kubeslice.io/v1alpha1` SliceQoSConfig: a named QoS profile. */
export type SliceQosConfigObject = KubeObject<
  {
    queueType?: string;
    priority?: number;
    tcType?: string;
    bandwidthCeilingKbps?: number;
    bandwidthGuaranteedKbps?: number;
    dscpClass?: string;
  },
  unknown
>;

/** Core v1 Event, as the kubeslice-monitoring recorder writes it (labels per REFERENCE §9). */
export interface EventObject extends KubeObject {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  involvedObject?: { kind?: string; name?: string; namespace?: string };
  source?: { component?: string };
  reportingComponent?: string;
}
