import type {
  ClusterObject,
  EventObject,
  ProjectObject,
  ServiceExportConfigObject,
  ServiceExportObject,
  ServiceImportObject,
  SliceConfigObject,
  SliceGatewayObject,
  SliceQosConfigObject,
  WorkerServiceImportObject,
  WorkerSliceConfigObject,
  WorkerSliceGatewayObject,
} from '../kube/objects';
import {
  LABEL_ORIGINAL_SLICE_NAME,
  LABEL_WORKER_CLUSTER,
} from '../kube/objects';
import {
  HEALTH_STATES,
  health,
  worstHealth,
  type Health,
} from '../health/health';
import { clusterHealth } from './clusterHealth';
import { memberHealth } from './sliceHealth';
import { buildTunnels } from './tunnels';
import { namespaceStates } from './namespaces';
import { buildServices } from './services';
import { sortEvents, toSliceEvent } from './events';
import { projectOfNamespace } from './project';
import type {
  ClusterDetail,
  ClusterSummary,
  FleetResponse,
  HealthCounts,
  HubSummary,
  HubSync,
  QosSummary,
  SliceDetail,
  SliceEvent,
  SliceMember,
  SliceSummary,
  SourceError,
  SourceState,
} from './types';

export { projectOfNamespace } from './project';

/** What the portal reads from one worker cluster (optional: needs worker credentials). */
export interface WorkerObjects {
  cluster: string;
  project: string;
  sync: { state: SourceState; lastSyncAt?: string; message?: string };
  sliceGateways: SliceGatewayObject[];
  serviceExports: ServiceExportObject[];
  serviceImports: ServiceImportObject[];
}

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
  sliceQosConfigs?: SliceQosConfigObject[];
  serviceExportConfigs?: ServiceExportConfigObject[];
  workerSliceGateways?: WorkerSliceGatewayObject[];
  workerServiceImports?: WorkerServiceImportObject[];
  events?: EventObject[];
  workers?: WorkerObjects[];
}

/** The whole fleet with every detail; the read API serves views of it. */
export interface FleetSnapshot {
  generatedAt: string;
  hubs: HubSummary[];
  clusters: ClusterDetail[];
  slices: SliceDetail[];
  events: SliceEvent[];
  errors: SourceError[];
}

function parseCoordinate(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

const sliceOf = (o: {
  metadata?: { labels?: Record<string, string> };
  spec?: { sliceName?: string };
}) => o.metadata?.labels?.[LABEL_ORIGINAL_SLICE_NAME] ?? o.spec?.sliceName;

function qosOf(
  slice: SliceConfigObject,
  profiles: SliceQosConfigObject[],
): QosSummary {
  const spec = slice.spec ?? {};
  if (spec.qosProfileDetails) return { ...spec.qosProfileDetails };
  if (spec.standardQosProfileName) {
    const profile = profiles.find(
      p =>
        p.metadata?.name === spec.standardQosProfileName &&
        p.metadata?.namespace === slice.metadata?.namespace,
    );
    return { profile: spec.standardQosProfileName, ...(profile?.spec ?? {}) };
  }
  return {};
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
 * A worker the portal is configured to read but cannot reach: its hub-side status may be
 * minutes old (the worker stops refreshing it when it is down), so say so beside it.
 */
function workerReachability(
  cluster: string,
  worker: WorkerObjects | undefined,
): Health {
  if (!worker || worker.sync.state !== 'unreachable') return health('ok');
  return health(
    'warning',
    `worker API of ${cluster} unreachable: ${
      worker.sync.message ?? 'no answer'
    }`,
  );
}

/** Groups objects by a key once, so per-slice and per-cluster lookups are not scans. */
function groupBy<T>(
  items: T[] | undefined,
  key: (item: T) => string | undefined,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items ?? []) {
    const k = key(item);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function buildHub(hub: HubObjects, now: Date) {
  const workers = new Map(
    (hub.workers ?? []).map(w => [`${w.project}/${w.cluster}`, w]),
  );
  const readable = (project: string, cluster: string) => {
    const state = workers.get(`${project}/${cluster}`)?.sync.state;
    return state === 'ok' || state === 'degraded';
  };
  const events = sortEvents(
    (hub.events ?? []).map(e => toSliceEvent(hub.name, e)),
  );
  const eventsByCluster = groupBy(events, e =>
    e.cluster ? `${e.project}/${e.cluster}` : undefined,
  );
  const eventsBySlice = groupBy(events, e =>
    e.slice ? `${e.project}/${e.slice}` : undefined,
  );
  const bySlice = (o: {
    metadata?: { namespace?: string; labels?: Record<string, string> };
    spec?: { sliceName?: string };
  }) => `${o.metadata?.namespace}/${sliceOf(o)}`;
  const gatewaysBySlice = groupBy(hub.workerSliceGateways, bySlice);
  const exportConfigsBySlice = groupBy(hub.serviceExportConfigs, bySlice);
  const workerImportsBySlice = groupBy(hub.workerServiceImports, bySlice);

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

  const clusters: ClusterDetail[] = hub.clusters.map(cluster => {
    const namespace = cluster.metadata?.namespace ?? '';
    const project = projectOfNamespace(namespace);
    const name = cluster.metadata?.name ?? '';
    const geo = cluster.spec?.clusterProperty?.geoLocation ?? {};
    const worker = workers.get(`${project}/${name}`);
    return {
      hub: hub.name,
      project,
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
      health: worstHealth([
        clusterHealth(cluster, now),
        workerReachability(name, worker),
      ]),
      lastUpdated: cluster.status?.clusterHealth?.lastUpdated,
      components: (cluster.status?.clusterHealth?.componentStatuses ?? []).map(
        c => ({
          component: c.component ?? '',
          status: c.componentHealthStatus ?? '',
        }),
      ),
      namespaces: (cluster.status?.namespaces ?? [])
        .filter(n => n.name)
        .map(n => ({ name: n.name!, slice: n.sliceName || undefined })),
      workerConnection: worker
        ? { ...worker.sync }
        : {
            state: 'unreachable',
            message: 'not read: no worker credentials configured',
          },
      // Already sorted: grouping keeps the order of the sorted list.
      events: eventsByCluster.get(`${project}/${name}`) ?? [],
    };
  });
  const clusterByKey = new Map(
    clusters.map(c => [`${c.project}/${c.name}`, c]),
  );

  const workerSlices = new Map<string, WorkerSliceConfigObject>();
  for (const ws of hub.workerSliceConfigs) {
    const slice = sliceOf(ws);
    const cluster = ws.metadata?.labels?.[LABEL_WORKER_CLUSTER];
    if (slice && cluster)
      workerSlices.set(`${ws.metadata?.namespace}/${slice}/${cluster}`, ws);
  }

  const slices: SliceDetail[] = hub.sliceConfigs.map(slice => {
    const namespace = slice.metadata?.namespace ?? '';
    const project = projectOfNamespace(namespace);
    const name = slice.metadata?.name ?? '';
    const spec = slice.spec ?? {};
    const memberNames = spec.clusters ?? [];
    const sliceKey = `${namespace}/${name}`;
    const wsByCluster = new Map(
      memberNames.map(c => [c, workerSlices.get(`${namespace}/${name}/${c}`)]),
    );
    const members: SliceMember[] = memberNames.map(cluster => {
      const ws = wsByCluster.get(cluster);
      const parts: Health[] = [memberHealth(name, cluster, ws, now)];
      const registered = clusterByKey.get(`${project}/${cluster}`);
      if (!registered) {
        parts.push(
          health(
            'error',
            `cluster ${cluster} is not registered in project ${project}`,
          ),
        );
      } else if (registered.health.state !== 'ok') {
        parts.push(registered.health);
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

    const readableClusters = new Set(
      memberNames.filter(c => readable(project, c)),
    );
    const workersOf = <K extends keyof WorkerObjects>(key: K) =>
      new Map(
        memberNames
          .filter(c => readableClusters.has(c))
          .map(c => [c, workers.get(`${project}/${c}`)![key] as any]),
      );
    const tunnels =
      spec.overlayNetworkDeploymentMode === 'no-network'
        ? []
        : buildTunnels({
            slice: name,
            members: memberNames,
            workerGateways: gatewaysBySlice.get(sliceKey) ?? [],
            gatewaysByCluster: workersOf('sliceGateways'),
            readableClusters,
          });
    const services = buildServices({
      slice: name,
      members: memberNames,
      exportConfigs: exportConfigsBySlice.get(sliceKey) ?? [],
      workerImports: workerImportsBySlice.get(sliceKey) ?? [],
      exportsByCluster: workersOf('serviceExports'),
      importsByCluster: workersOf('serviceImports'),
      readableClusters,
    });

    const isolation = spec.namespaceIsolationProfile;
    const namespaces = [
      ...new Set(
        (isolation?.applicationNamespaces ?? [])
          .map(n => n.namespace)
          .filter((n): n is string => !!n),
      ),
    ];
    // Tunnels nobody could report on (no worker access) are shown, but do not make the slice "unknown".
    const tunnelHealth = tunnels
      .filter(t => readableClusters.has(t.a) || readableClusters.has(t.b))
      .map(t => t.health);
    const errors: SourceError[] = memberNames
      .filter(c => !readableClusters.has(c) && workers.has(`${project}/${c}`))
      .map(c => {
        const w = workers.get(`${project}/${c}`)!;
        return {
          source: `worker/${hub.name}/${project}/${c}`,
          state: w.sync.state,
          message: w.sync.message ?? w.sync.state,
        };
      });
    return {
      hub: hub.name,
      project,
      name,
      mode: spec.overlayNetworkDeploymentMode ?? 'single-network',
      subnet: spec.sliceSubnet,
      maxClusters: spec.maxClusters,
      isolationEnabled: isolation?.isolationEnabled ?? false,
      namespaces,
      allowedNamespaces: [
        ...new Set(
          (isolation?.allowedNamespaces ?? [])
            .map(n => n.namespace)
            .filter((n): n is string => !!n),
        ),
      ],
      members,
      health: members.length
        ? worstHealth([
            ...members.map(m => m.health),
            ...tunnelHealth,
            ...services.map(s => s.health),
          ])
        : health('warning', `slice ${name} has no member clusters`),
      qos: qosOf(slice, hub.sliceQosConfigs ?? []),
      tunnels,
      namespaceStates: namespaceStates(slice, wsByCluster),
      services,
      events: eventsBySlice.get(`${project}/${name}`) ?? [],
      sliceConfig: slice,
      errors,
    };
  });

  const projects = new Set<string>();
  for (const p of hub.projects)
    if (p.metadata?.name) projects.add(p.metadata.name);
  const summary: HubSummary = {
    name: hub.name,
    title: hub.title,
    sync: hub.sync,
    projects: [...projects].sort(),
    clusterCount: clusters.length,
    sliceCount: slices.length,
  };
  return { summary, clusters, slices, events };
}

/** Turns the cached objects of every hub into the fleet snapshot. Pure. */
export function buildSnapshot(hubs: HubObjects[], now: Date): FleetSnapshot {
  const snapshot: FleetSnapshot = {
    generatedAt: now.toISOString(),
    hubs: [],
    clusters: [],
    slices: [],
    events: [],
    errors: [],
  };
  for (const hub of hubs) {
    const built = buildHub(hub, now);
    snapshot.errors.push(...hub.errors);
    snapshot.hubs.push(built.summary);
    snapshot.clusters.push(...built.clusters);
    snapshot.slices.push(...built.slices);
    snapshot.events.push(...built.events);
  }
  snapshot.clusters.sort((a, b) => a.hub.localeCompare(b.hub) || byName(a, b));
  snapshot.slices.sort((a, b) => a.hub.localeCompare(b.hub) || byName(a, b));
  snapshot.events = sortEvents(snapshot.events);
  return snapshot;
}

export function summarizeCluster(c: ClusterDetail): ClusterSummary {
  const {
    components: _c,
    namespaces: _n,
    workerConnection: _w,
    events: _e,
    ...summary
  } = c;
  return summary;
}

export function summarizeSlice(s: SliceDetail): SliceSummary {
  const {
    qos: _q,
    allowedNamespaces: _a,
    tunnels: _t,
    namespaceStates: _ns,
    services: _s,
    events: _e,
    sliceConfig: _sc,
    errors: _er,
    ...summary
  } = s;
  return summary;
}

/** The `GET /fleet` view of a snapshot (already filtered for the caller). */
export function fleetView(
  snapshot: Pick<
    FleetSnapshot,
    'generatedAt' | 'hubs' | 'clusters' | 'slices' | 'errors'
  >,
): FleetResponse {
  const clusters = snapshot.clusters.map(summarizeCluster);
  const slices = snapshot.slices.map(summarizeSlice);
  return {
    generatedAt: snapshot.generatedAt,
    hubs: snapshot.hubs,
    clusters,
    slices,
    counts: { clusters: countHealth(clusters), slices: countHealth(slices) },
    errors: snapshot.errors,
  };
}

/** Shorthand: the fleet summary straight from hub objects. */
export function buildFleet(hubs: HubObjects[], now: Date): FleetResponse {
  return fleetView(buildSnapshot(hubs, now));
}
