import type {
  ClusterObject,
  ProjectObject,
  SliceConfigObject,
  WorkerSliceConfigObject,
} from '../kube/objects';
import {
  LABEL_ORIGINAL_SLICE_NAME,
  LABEL_WORKER_CLUSTER,
  PROJECT_NAMESPACE_PREFIX,
} from '../kube/objects';
import {
  HEALTH_STATES,
  health,
  worstHealth,
  type Health,
} from '../health/health';
import { clusterHealth } from './clusterHealth';
import { memberHealth } from './sliceHealth';
import type {
  ClusterSummary,
  FleetResponse,
  HealthCounts,
  HubSummary,
  HubSync,
  SliceMember,
  SliceSummary,
  SourceError,
} from './types';

/** Everything the model needs from one hub: its identity, sync state and cached objects. */
export interface HubObjects {
  name: string;
  title: string;
  sync: HubSync;
  /** Per-kind failures, reported beside the data that loaded. */
  errors: SourceError[];
  projects: ProjectObject[];
  clusters: ClusterObject[];
  sliceConfigs: SliceConfigObject[];
  workerSliceConfigs: WorkerSliceConfigObject[];
}

/** `kubeslice-arcade` → `arcade`; namespaces without the prefix are kept as they are. */
export function projectOfNamespace(namespace: string | undefined): string {
  if (!namespace) return '';
  return namespace.startsWith(PROJECT_NAMESPACE_PREFIX)
    ? namespace.slice(PROJECT_NAMESPACE_PREFIX.length)
    : namespace;
}

function parseCoordinate(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Keyed by `<namespace>/<slice>/<cluster>`; labels first (what the controller writes), name as fallback. */
function indexWorkerSlices(workerSlices: WorkerSliceConfigObject[]) {
  const index = new Map<string, WorkerSliceConfigObject>();
  for (const ws of workerSlices) {
    const labels = ws.metadata?.labels ?? {};
    const slice = labels[LABEL_ORIGINAL_SLICE_NAME] ?? ws.spec?.sliceName;
    const cluster = labels[LABEL_WORKER_CLUSTER];
    if (slice && cluster) {
      index.set(`${ws.metadata?.namespace}/${slice}/${cluster}`, ws);
    }
  }
  return index;
}

function buildSlice(
  hub: string,
  slice: SliceConfigObject,
  clustersByKey: Map<string, { summary: ClusterSummary }>,
  workerSlices: Map<string, WorkerSliceConfigObject>,
  now: Date,
): SliceSummary {
  const namespace = slice.metadata?.namespace ?? '';
  const name = slice.metadata?.name ?? '';
  const spec = slice.spec ?? {};
  const members: SliceMember[] = (spec.clusters ?? []).map(cluster => {
    const ws = workerSlices.get(`${namespace}/${name}/${cluster}`);
    const parts: Health[] = [memberHealth(name, cluster, ws, now)];
    const registered = clustersByKey.get(`${namespace}/${cluster}`);
    if (!registered) {
      parts.push(
        health(
          'error',
          `cluster ${cluster} is not registered in project ${projectOfNamespace(
            namespace,
          )}`,
        ),
      );
    } else if (registered.summary.health.state !== 'ok') {
      parts.push(registered.summary.health);
    }
    return {
      cluster,
      subnet: ws?.spec?.clusterSubnetCIDR,
      onboardedNamespaces: (ws?.status?.onboardedAppNamespaces ?? [])
        .map(n => n.name)
        .filter((n): n is string => !!n),
      health: worstHealth(parts),
    };
  });
  const isolation = spec.namespaceIsolationProfile;
  const namespaces = [
    ...new Set(
      (isolation?.applicationNamespaces ?? [])
        .map(n => n.namespace)
        .filter((n): n is string => !!n),
    ),
  ];
  return {
    hub,
    project: projectOfNamespace(namespace),
    name,
    mode: spec.overlayNetworkDeploymentMode ?? 'single-network',
    subnet: spec.sliceSubnet,
    maxClusters: spec.maxClusters,
    isolationEnabled: isolation?.isolationEnabled ?? false,
    namespaces,
    members,
    health: members.length
      ? worstHealth(members.map(m => m.health))
      : health('warning', `slice ${name} has no member clusters`),
  };
}

function countHealth(items: { health: Health }[]): HealthCounts {
  const counts = Object.fromEntries(
    HEALTH_STATES.map(s => [s, 0]),
  ) as HealthCounts;
  for (const item of items) counts[item.health.state] += 1;
  return counts;
}

const byName = (
  a: { project: string; name: string },
  b: { project: string; name: string },
) => a.project.localeCompare(b.project) || a.name.localeCompare(b.name);

/**
 * Turns the cached objects of every hub into the fleet summary served by `GET /fleet`.
 * Pure: the same objects and `now` always give the same answer.
 */
export function buildFleet(hubs: HubObjects[], now: Date): FleetResponse {
  const allClusters: ClusterSummary[] = [];
  const allSlices: SliceSummary[] = [];
  const hubSummaries: HubSummary[] = [];
  const errors: SourceError[] = [];

  for (const hub of hubs) {
    errors.push(...hub.errors);
    const clustersByKey = new Map<string, { summary: ClusterSummary }>();
    const slicesOfCluster = new Map<string, string[]>();
    for (const slice of hub.sliceConfigs) {
      for (const cluster of slice.spec?.clusters ?? []) {
        const key = `${slice.metadata?.namespace}/${cluster}`;
        slicesOfCluster.set(key, [
          ...(slicesOfCluster.get(key) ?? []),
          slice.metadata?.name ?? '',
        ]);
      }
    }
    const clusters = hub.clusters.map(cluster => {
      const namespace = cluster.metadata?.namespace ?? '';
      const name = cluster.metadata?.name ?? '';
      const geo = cluster.spec?.clusterProperty?.geoLocation ?? {};
      const summary: ClusterSummary = {
        hub: hub.name,
        project: projectOfNamespace(namespace),
        name,
        geo: {
          cloudProvider: geo.cloudProvider || undefined,
          cloudRegion: geo.cloudRegion || undefined,
          latitude: parseCoordinate(geo.latitude),
          longitude: parseCoordinate(geo.longitude),
        },
        registrationStatus: cluster.status?.registrationStatus,
        networkPresent: cluster.status?.networkPresent ?? false,
        nodeIPs: cluster.spec?.nodeIPs?.length
          ? cluster.spec.nodeIPs
          : cluster.status?.nodeIPs ?? [],
        cniSubnets: cluster.status?.cniSubnet ?? [],
        slices: (slicesOfCluster.get(`${namespace}/${name}`) ?? []).sort(),
        health: clusterHealth(cluster, now),
        lastUpdated: cluster.status?.clusterHealth?.lastUpdated,
      };
      clustersByKey.set(`${namespace}/${name}`, { summary });
      return summary;
    });
    const workerSlices = indexWorkerSlices(hub.workerSliceConfigs);
    const slices = hub.sliceConfigs.map(s =>
      buildSlice(hub.name, s, clustersByKey, workerSlices, now),
    );

    const projects = new Set<string>();
    for (const p of hub.projects)
      if (p.metadata?.name) projects.add(p.metadata.name);
    hubSummaries.push({
      name: hub.name,
      title: hub.title,
      sync: hub.sync,
      projects: [...projects].sort(),
      clusterCount: clusters.length,
      sliceCount: slices.length,
    });
    allClusters.push(...clusters);
    allSlices.push(...slices);
  }

  allClusters.sort((a, b) => a.hub.localeCompare(b.hub) || byName(a, b));
  allSlices.sort((a, b) => a.hub.localeCompare(b.hub) || byName(a, b));
  return {
    generatedAt: now.toISOString(),
    hubs: hubSummaries,
    clusters: allClusters,
    slices: allSlices,
    counts: {
      clusters: countHealth(allClusters),
      slices: countHealth(allSlices),
    },
    errors,
  };
}
