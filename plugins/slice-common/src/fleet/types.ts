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
