import type { Health, HealthState } from '../health/health';

/**
 * The JSON shapes of the backend's read API (`/api/slice/v1`). Shared by the backend
 * (which builds them) and the frontend (which only renders them).
 */

/** State of one cached source (a hub's watch of one kind, or a worker connection). */
export type SourceState = 'pending' | 'ok' | 'degraded' | 'unreachable';

/** A part of the fleet that could not be loaded, reported beside the data that did. */
export interface SourceError {
  /** What failed, e.g. `hub/prod` or `hub/prod/clusters`. */
  source: string;
  state: SourceState;
  message: string;
  /** ISO time data from this source last arrived; what is shown is that old. */
  lastSyncAt?: string;
}

export interface HubSync {
  state: SourceState;
  /** ISO time of the last successful list or watch event of the least recently synced kind. */
  lastSyncAt?: string;
  message?: string;
}

export interface HubSummary {
  name: string;
  title: string;
  sync: HubSync;
  projects: string[];
  clusterCount: number;
  sliceCount: number;
}

export interface GeoLocation {
  cloudProvider?: string;
  cloudRegion?: string;
  latitude?: number;
  longitude?: number;
}

export interface ClusterSummary {
  hub: string;
  project: string;
  name: string;
  geo: GeoLocation;
  registrationStatus?: string;
  networkPresent: boolean;
  nodeIPs: string[];
  cniSubnets: string[];
  /** Slices this cluster is a member of (by SliceConfig `spec.clusters`). */
  slices: string[];
  health: Health;
  /** ISO time the worker last reported cluster health. */
  lastUpdated?: string;
}

export interface SliceMember {
  cluster: string;
  /** The cluster's block of the slice subnet (`WorkerSliceConfig.spec.clusterSubnetCIDR`). */
  subnet?: string;
  onboardedNamespaces: string[];
  health: Health;
}

export type OverlayMode = 'single-network' | 'multi-network' | 'no-network';

export interface SliceSummary {
  hub: string;
  project: string;
  name: string;
  mode: OverlayMode | string;
  subnet?: string;
  maxClusters?: number;
  isolationEnabled: boolean;
  /** Application namespaces requested on the slice (`namespaceIsolationProfile.applicationNamespaces`). */
  namespaces: string[];
  members: SliceMember[];
  health: Health;
}

export type HealthCounts = Record<HealthState, number>;

/** `GET /api/slice/v1/fleet` */
export interface FleetResponse {
  generatedAt: string;
  hubs: HubSummary[];
  clusters: ClusterSummary[];
  slices: SliceSummary[];
  counts: { clusters: HealthCounts; slices: HealthCounts };
  errors: SourceError[];
}

/** State of a tunnel between two members, over all of its gateway pods on both sides. */
export type TunnelPairState = 'UP' | 'DEGRADED' | 'DOWN' | 'UNKNOWN';

/** One gateway pod's side of a tunnel, as reported by the worker it runs on. */
export interface GatewayPodTunnel {
  /** The cluster the pod runs on. */
  cluster: string;
  /** The gateway object (`<slice>-<local>-<remote>`). */
  gateway: string;
  pod: string;
  peerPod?: string;
  state: 'UP' | 'DOWN' | 'UNKNOWN';
  latencyMs?: number;
  packetLossPercent?: number;
  txRateKbps?: number;
  rxRateKbps?: number;
}

/** The tunnel between two slice members (one gateway pair, both directions). */
export interface Tunnel {
  /** Alphabetically first cluster of the pair. */
  a: string;
  b: string;
  /** The member that hosts the server gateway (earlier in `spec.clusters`). */
  server?: string;
  state: TunnelPairState;
  /** Mean latency over the pods that reported one, in ms. */
  latencyMs?: number;
  /** Highest packet loss reported by a pod, in percent. */
  packetLossPercent?: number;
  pods: GatewayPodTunnel[];
  health: Health;
}

/** A namespace of the slice on one member: asked for in the SliceConfig, and what the worker did. */
export interface NamespaceOnCluster {
  namespace: string;
  cluster: string;
  /** `application` namespaces are on the slice; `allowed` ones may talk to it under isolation. */
  role: 'application' | 'allowed';
  requested: boolean;
  /** Reported in `WorkerSliceConfig.status.onboardedAppNamespaces` (application namespaces only). */
  onboarded: boolean;
  /** `pending` (requested, not onboarded yet), `onboarded`, `unrequested` (onboarded but no longer asked for). */
  state: 'onboarded' | 'pending' | 'unrequested' | 'allowed';
}

export interface ServiceEndpoint {
  cluster: string;
  pod?: string;
  ip?: string;
  dnsName?: string;
  port?: number;
}

/** A service exported on a slice, with its export and import state on every member. */
export interface SliceService {
  name: string;
  namespace: string;
  /** `<svc>.<ns>.svc.slice.local` (REFERENCE §4.3: the code omits the slice). */
  dnsName: string;
  aliases: string[];
  exportedFrom: string[];
  exports: { cluster: string; status: string; availableEndpoints?: number }[];
  imports: {
    cluster: string;
    status: string;
    endpoints: number;
    sourceClusters: string[];
  }[];
  endpoints: ServiceEndpoint[];
  health: Health;
}

export interface QosSummary {
  profile?: string;
  queueType?: string;
  priority?: number;
  tcType?: string;
  bandwidthCeilingKbps?: number;
  bandwidthGuaranteedKbps?: number;
  dscpClass?: string;
}

/** A KubeSlice event (core v1 Event with the recorder's labels). */
export interface SliceEvent {
  hub: string;
  project: string;
  slice?: string;
  cluster?: string;
  /** `eventTitle` label: the catalogue name, more precise than `reason`. */
  title?: string;
  type: 'Normal' | 'Warning' | string;
  reason?: string;
  message?: string;
  count: number;
  time?: string;
  object?: string;
}

export interface SliceDetail extends SliceSummary {
  qos: QosSummary;
  allowedNamespaces: string[];
  tunnels: Tunnel[];
  namespaceStates: NamespaceOnCluster[];
  services: SliceService[];
  events: SliceEvent[];
  /** The SliceConfig as stored on the hub (no secrets live in it). */
  sliceConfig: unknown;
  /** Parts that could not be loaded for this slice (e.g. a worker without access). */
  errors: SourceError[];
}

export interface TopologyNode {
  id: string;
  kind: 'cluster' | 'namespace' | 'service';
  label: string;
  /** For namespaces and services: the cluster node they belong to. */
  parent?: string;
  health: Health;
  geo?: GeoLocation;
}

export interface TopologyEdge {
  id: string;
  source: string;
  target: string;
  kind: 'tunnel' | 'membership';
  state?: TunnelPairState;
  label?: string;
  latencyMs?: number;
  packetLossPercent?: number;
}

/** `GET /slices/{hub}/{project}/{name}/topology`: nodes and edges ready to draw. */
export interface SliceTopology {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}

export interface ClusterDetail extends ClusterSummary {
  components: { component: string; status: string }[];
  namespaces: { name: string; slice?: string }[];
  /** Whether the portal reads this worker directly (tunnel status, exports, imports). */
  workerConnection: {
    state: SourceState;
    lastSyncAt?: string;
    message?: string;
  };
  events: SliceEvent[];
}

/** One slice's tunnel between two members, fleet-wide (`GET /v1/tunnels`), e.g. for a map. */
export interface FleetTunnel {
  hub: string;
  project: string;
  slice: string;
  a: string;
  b: string;
  state: TunnelPairState;
  latencyMs?: number;
  packetLossPercent?: number;
}
