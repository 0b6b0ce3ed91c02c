import type {
  ClusterObject,
  KubeObject,
  ServiceExportConfigObject,
  SliceNamespaceSelection,
  SliceQosConfigObject,
} from '../kube/objects';

/**
 * Types of the write preflight: what the portal checks before it sends a
 * SliceConfig, Cluster or SliceQoSConfig write to a hub, so the user learns
 * about a refusal (and about trouble the controller only finds later) while
 * still on the form. Written from REFERENCE §2; the hub stays the authority.
 */

/** `error`: the hub will refuse the write. `warning`: it will be accepted but is likely to misbehave. */
export type PreflightSeverity = 'error' | 'warning';

/** One finding about a proposed write. */
export interface PreflightResult {
  /** JSON path of the offending field in the object, e.g. `spec.clusters[2]`. */
  path: string;
  /** Stable machine code, e.g. `subnet.notPrivate` (see {@link PREFLIGHT_CODES}). */
  code: PreflightCode;
  /** A sentence for the user saying what is wrong and what to do. */
  message: string;
  severity: PreflightSeverity;
}

/**
 * Every code preflight can return, grouped by rule module. Listed as data so
 * a UI can map codes to help texts and tests can check nothing is unnamed.
 */
export const PREFLIGHT_CODES = [
  // naming.ts: metadata (API server and project rules)
  'name.required',
  'name.invalid',
  'name.tooLong',
  'namespace.notProject',
  // schema.ts: what the API server's structural schema rejects
  'schema.type',
  'schema.enum',
  'schema.required',
  'schema.range',
  // network.ts: overlay mode, subnet, gateways, immutability
  'overlayMode.transitionNotAllowed',
  'field.immutable',
  'subnet.required',
  'subnet.invalid',
  'subnet.notPrivate',
  'subnet.notSlash16',
  'subnet.notNetworkAddress',
  'subnet.overlapsCni',
  'subnet.overlapsSlice',
  'subnet.ignored',
  'gateway.providerRequired',
  'gateway.serviceClusterRequired',
  'gateway.serviceClusterNotMember',
  'gateway.serviceClusterDuplicate',
  'gateway.typeDowngrade',
  'gateway.protocolChanged',
  'externalGateway.starNotAlone',
  'externalGateway.starRepeated',
  'externalGateway.clusterNotMember',
  'externalGateway.clusterDuplicate',
  'renewBefore.notPast',
  'renewBefore.rotationInProgress',
  // clusters.ts: membership and member preconditions
  'cluster.duplicate',
  'cluster.notFound',
  'cluster.notRegistered',
  'cluster.deregistering',
  'cluster.unhealthy',
  'cluster.noNodeIPs',
  'cluster.noNetwork',
  'cluster.noCniSubnet',
  'maxClusters.outOfRange',
  'maxClusters.belowMembers',
  // namespaces.ts: application and allowed namespaces
  'namespace.incomplete',
  'namespace.invalidName',
  'namespace.notDnsLabel',
  'namespace.reserved',
  'namespace.duplicate',
  'namespace.clusterDuplicate',
  'namespace.starNotAlone',
  'namespace.clusterNotMember',
  'namespace.starInDefaultSlice',
  'namespace.boundToOtherSlice',
  'namespace.claimedByOtherSlice',
  // qos.ts: slice QoS and SliceQoSConfig
  'qos.exactlyOne',
  'qos.profileNotFound',
  'qos.ceilingBelowGuaranteed',
  'qos.priorityOutOfRange',
  'qos.unsupportedValue',
  'qos.ignored',
  'qos.inUse',
  // delete.ts: slice deletion
  'delete.namespacesOnboarded',
  'delete.deboardingInProgress',
  'delete.serviceExportsExist',
  // registerCluster.ts: Cluster registration and deregistration
  'geo.latitudeInvalid',
  'geo.longitudeInvalid',
  'nodeIP.invalid',
  'nodeIP.deprecated',
  'networkInterface.invalid',
  'cluster.inUse',
] as const;

export type PreflightCode = (typeof PREFLIGHT_CODES)[number];

/** One `sliceGatewayServiceType[]` entry (REFERENCE §2.3). */
export interface SliceGatewayServiceType {
  cluster?: string;
  type?: 'NodePort' | 'LoadBalancer' | string;
  protocol?: 'TCP' | 'UDP' | string;
}

/** One `externalGatewayConfig[]` entry (REFERENCE §2.3). */
export interface ExternalGatewayConfig {
  clusters?: string[];
  gatewayType?: 'none' | 'istio' | 'envoy' | string;
  egress?: { enabled?: boolean };
  ingress?: { enabled?: boolean };
  nsIngress?: { enabled?: boolean };
  vpcServiceAccess?: {
    egress?: { enabled?: boolean };
    ingress?: { enabled?: boolean };
  };
}

/** Inline QoS of a slice, or the spec of a SliceQoSConfig. */
export interface QosProfileDetails {
  queueType?: string;
  priority?: number;
  tcType?: string;
  bandwidthCeilingKbps?: number;
  bandwidthGuaranteedKbps?: number;
  dscpClass?: string;
}

/**
 * The SliceConfig spec as far as preflight reads it: every field of the CRD
 * that an admission rule touches. A superset of `SliceConfigObject`'s spec, so
 * objects typed with that are accepted as they are.
 */
export interface PreflightSliceConfigSpec {
  sliceSubnet?: string;
  sliceType?: string;
  sliceIpamType?: string;
  maxClusters?: number;
  clusters?: string[];
  overlayNetworkDeploymentMode?:
    | 'single-network'
    | 'multi-network'
    | 'no-network'
    | string;
  standardQosProfileName?: string;
  qosProfileDetails?: QosProfileDetails;
  namespaceIsolationProfile?: {
    isolationEnabled?: boolean;
    applicationNamespaces?: SliceNamespaceSelection[];
    allowedNamespaces?: SliceNamespaceSelection[];
  };
  sliceGatewayProvider?: {
    sliceGatewayType?: string;
    sliceCaType?: string;
    sliceGatewayServiceType?: SliceGatewayServiceType[];
  };
  externalGatewayConfig?: ExternalGatewayConfig[];
  vpnConfig?: { cipher?: string };
  renewBefore?: string;
  rotationInterval?: number;
}

export type PreflightSliceConfig = KubeObject<PreflightSliceConfigSpec>;

/** WorkerSliceConfig fields the delete and ownership rules read. */
export type PreflightWorkerSliceConfig = KubeObject<
  {
    sliceName?: string;
    sliceSubnet?: string;
    namespaceIsolationProfile?: {
      applicationNamespaces?: string[];
      allowedNamespaces?: string[];
    };
  },
  { onboardedAppNamespaces?: { name?: string }[] }
>;

/** VpnKeyRotation fields the `renewBefore` rule reads (REFERENCE §2.6). */
export type PreflightVpnKeyRotation = KubeObject<
  { sliceName?: string },
  {
    currentRotationState?: Record<
      string,
      { status?: string; lastUpdatedTimestamp?: string }
    >;
  }
>;

/**
 * A read-only view of what the portal already knows about one hub. Lists may
 * hold objects of several project namespaces: every rule only looks at the
 * objects in the namespace of the object being checked.
 */
export interface PreflightFleet {
  /**
   * Names of the hub's project namespaces (namespaces labelled
   * `kubeslice-resource-owner: kubeslice-controller`, REFERENCE §1). When
   * given, a write to any other namespace is an error; when absent, the
   * namespace is not checked (the portal may not be allowed to list them).
   */
  projectNamespaces?: readonly string[];
  clusters?: readonly ClusterObject[];
  /** All SliceConfigs; the one being checked is skipped by name. */
  sliceConfigs?: readonly PreflightSliceConfig[];
  workerSliceConfigs?: readonly PreflightWorkerSliceConfig[];
  serviceExportConfigs?: readonly ServiceExportConfigObject[];
  sliceQosConfigs?: readonly SliceQosConfigObject[];
  /** Only needed to check a `renewBefore` change; without them that rule is skipped. */
  vpnKeyRotations?: readonly PreflightVpnKeyRotation[];
}

/** Options shared by the preflight entry points. */
export interface PreflightOptions {
  /** "Now" for the `renewBefore` rule; default the current time. */
  now?: Date;
}

/** What is being asked of the hub for a SliceConfig. */
export type SliceConfigPreflightInput =
  | {
      operation: 'create';
      proposed: PreflightSliceConfig;
      fleet: PreflightFleet;
    }
  | {
      operation: 'update';
      proposed: PreflightSliceConfig;
      /** The SliceConfig as stored on the hub now. */
      current: PreflightSliceConfig;
      fleet: PreflightFleet;
    }
  | {
      operation: 'delete';
      current: PreflightSliceConfig;
      fleet: PreflightFleet;
    };
