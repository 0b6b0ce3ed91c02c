/**
 * The scenario format: a fleet described as data (`scenarios/*.yaml`).
 *
 * A scenario says *what exists* (projects, clusters and where they are,
 * slices and their members, exported services); the builder derives every
 * KubeSlice object from it with the controller's and worker's naming and
 * status rules. Clusters are declared inside their project because a worker
 * registers with exactly one project.
 */

export type HealthStatus = 'Normal' | 'Warning' | 'Error';
export type OverlayMode = 'single-network' | 'multi-network' | 'no-network';

export interface ScenarioSpec {
  name: string;
  description?: string;
  hub: HubSpec;
  projects: ProjectSpec[];
}

export interface HubSpec {
  /** Virtual cluster (and kubeconfig context) name of the controller cluster. */
  name: string;
}

export interface ProjectSpec {
  /** Project name; the project namespace is `kubeslice-<name>`. */
  name: string;
  description?: string;
  /** `Project.spec.serviceAccount`: users that get `kubeslice-rbac-ro-<u>` / `kubeslice-rbac-rw-<u>` tokens. */
  serviceAccount?: { readOnly?: string[]; readWrite?: string[] };
  /** Extra SliceQoSConfigs (the `default` one always exists). */
  qosProfiles?: Array<{ name: string } & QosProfileSpec>;
  clusters: ClusterSpec[];
  slices: SliceSpec[];
}

export interface ClusterSpec {
  /** ≤ 15 characters (KubeSlice service export breaks on longer names). */
  name: string;
  /** `aws`, `gcp`, `azure`, or anything else for on-prem/edge sites (e.g. `onprem`). */
  cloudProvider: string;
  cloudRegion: string;
  latitude: number;
  longitude: number;
  /** Free-text description, e.g. "Edge site, New York". */
  site?: string;
  /** `Cluster.spec.networkInterface` (QoS egress interface); default `eth0`. */
  networkInterface?: string;
  /** Whether NSM networking is installed; default true. */
  networkPresent?: boolean;
  nodeIPs?: string[];
  cniSubnet?: string[];
  /** Namespaces that exist on the worker besides system and onboarded ones. */
  namespaces?: string[];
  /** Overrides of `clusterHealth.componentStatuses` (component → status); unspecified ones are Normal. */
  componentHealth?: Record<string, HealthStatus>;
  /** Last-mile latency added to every tunnel ending here (edge uplinks). */
  extraLatencyMs?: number;
  /** Packet loss percentage on tunnels ending here. */
  packetLossPercent?: number;
}

export interface QosProfileSpec {
  queueType?: string;
  priority: number;
  tcType?: string;
  bandwidthCeilingKbps: number;
  bandwidthGuaranteedKbps: number;
  dscpClass: string;
}

export interface NamespaceBinding {
  namespace: string;
  /** Member clusters, or `['*']` for all of them. */
  clusters: string[];
}

export interface SliceSpec {
  /** ≤ 15 characters. */
  name: string;
  clusters: string[];
  /** Private `/16` with `.0.0` (required unless no-network). */
  sliceSubnet?: string;
  /** Default 16. */
  maxClusters?: number;
  /** Default `single-network`. */
  overlayNetworkDeploymentMode?: OverlayMode;
  /** Default `OpenVPN`. */
  sliceGatewayType?: 'OpenVPN' | 'Wireguard';
  /** Default `NodePort`. */
  gatewayServiceType?: 'NodePort' | 'LoadBalancer';
  /** Default `UDP`. */
  gatewayProtocol?: 'UDP' | 'TCP';
  /** Exactly one of these two for network slices; default `standardQosProfileName: default`. */
  standardQosProfileName?: string;
  qosProfileDetails?: QosProfileSpec;
  applicationNamespaces?: NamespaceBinding[];
  allowedNamespaces?: NamespaceBinding[];
  isolationEnabled?: boolean;
  services?: ServiceSpec[];
}

export interface ServiceSpec {
  name: string;
  namespace: string;
  /** Member clusters that run and export the service. */
  exportedFrom: string[];
  ports: Array<{
    name: string;
    containerPort: number;
    protocol?: 'TCP' | 'UDP' | 'SCTP';
  }>;
  /**
   * `false`: the namespace exists on the exporting clusters but is not an
   * application namespace of the slice, so the worker keeps the
   * ServiceExport `PENDING` (no ServiceExportConfig, nothing imported).
   * Default true (the namespace must then be onboarded there).
   */
  onboarded?: boolean;
  /** Pods per exporting cluster; default 1. */
  replicas?: number;
  aliases?: string[];
}
