import { bindingClusters } from './load';
import {
  clusterBlock,
  gatewayVpnIps,
  intToIp,
  ipToInt,
  type ClusterBlock,
} from './ipam';
import { nameSuffix, randomInt, seededRandom } from './random';
import type {
  ClusterSpec,
  HealthStatus,
  OverlayMode,
  ProjectSpec,
  QosProfileSpec,
  ScenarioSpec,
  ServiceSpec,
  SliceSpec,
} from './types';

/**
 * The fleet plan: every derived fact (addresses, names, membership, health)
 * computed once, so the hub objects and the worker objects built from it
 * agree with each other — the ServiceExportConfig on the hub lists exactly the
 * pods and NSM IPs the worker's ServiceExport shows.
 */

export const CONTROLLER_NAMESPACE = 'kubeslice-controller';
export const WORKER_NAMESPACE = 'kubeslice-system';
export const projectNamespace = (project: string) => `kubeslice-${project}`;

/** `Cluster.status.clusterHealth` components (istiod is skipped when absent, as here). */
export const CLUSTER_COMPONENTS = [
  'nsmgr',
  'forwarder',
  'admission-webhook',
  'netop',
  'spire-agent',
  'spire-server',
  'node-ips',
  'cni-subnets',
];

/** Namespaces the worker never reports in `Cluster.status.namespaces` (EXCLUDED_NS). */
export const EXCLUDED_NAMESPACES = [
  'kube-system',
  'default',
  'kubeslice-system',
  'kube-node-lease',
  'kube-public',
  'istio-system',
];

export const DEFAULT_QOS: Required<QosProfileSpec> = {
  queueType: 'HTB',
  priority: 0,
  tcType: 'BANDWIDTH_CONTROL',
  bandwidthCeilingKbps: 10000000,
  bandwidthGuaranteedKbps: 1000000,
  dscpClass: 'AF11',
};

export interface ComponentStatus {
  component: string;
  componentHealthStatus: HealthStatus;
}

export interface PlannedPod {
  name: string;
  namespace: string;
  app: string;
  ip: string;
  /** Address on the slice overlay (`nsm0`), for pods in a network slice's namespaces. */
  nsmIp?: string;
  nsmPeerIp?: string;
  slice?: string;
  image: string;
  /** A crash-looping pod (an unhealthy component). */
  crashLooping?: boolean;
  startedAt: Date;
  extraLabels?: Record<string, string>;
}

export interface PlannedNamespace {
  name: string;
  /** Slice this namespace is onboarded to (`kubeslice.io/slice`). */
  slice?: string;
  /** Slices this namespace is an allowed namespace of. */
  allowedFor: string[];
}

export interface PlannedCluster {
  spec: ClusterSpec;
  project: ProjectSpec;
  projectNamespace: string;
  index: number;
  nodeIPs: string[];
  cniSubnet: string[];
  nodeName: string;
  networkPresent: boolean;
  registeredAt: Date;
  componentStatuses: ComponentStatus[];
  healthStatus: 'Normal' | 'Warning';
  namespaces: PlannedNamespace[];
  pods: PlannedPod[];
  nextPodIp: () => string;
}

export interface PlannedMember {
  cluster: PlannedCluster;
  index: number;
  block?: ClusterBlock;
  applicationNamespaces: string[];
  allowedNamespaces: string[];
  sliceHealthStatus: 'Normal' | 'Warning';
  sliceComponents: ComponentStatus[];
  appPods: PlannedPod[];
  /** Pods of services exported from namespaces that are not onboarded (their exports stay PENDING). */
  pendingPods: PlannedPod[];
  nextNsmIp: () => string;
}

export interface PlannedGateway {
  name: string;
  peerName: string;
  slice: PlannedSlice;
  local: PlannedMember;
  remote: PlannedMember;
  hostType: 'Server' | 'Client';
  /** Pair number within the slice (same on both directions). */
  number: number;
  /** Node ports of the server side of this pair. */
  serverNodePorts: number[];
  localVpnIp: string;
  remoteVpnIp: string;
  pods: PlannedPod[];
}

export interface PlannedEndpoint {
  cluster: string;
  podName: string;
  podIp: string;
  nsmIp: string;
  dnsName: string;
  port: number;
}

export interface PlannedService {
  spec: ServiceSpec;
  slice: PlannedSlice;
  dnsName: string;
  endpoints: PlannedEndpoint[];
  clusterIps: Map<string, string>;
}

export interface PlannedSlice {
  spec: SliceSpec;
  project: ProjectSpec;
  projectNamespace: string;
  mode: OverlayMode;
  network: boolean;
  maxClusters: number;
  members: PlannedMember[];
  gateways: PlannedGateway[];
  services: PlannedService[];
  createdAt: Date;
  standardQosProfileName?: string;
  qosDetails?: Required<QosProfileSpec>;
}

export interface FleetPlan {
  scenario: ScenarioSpec;
  seed: number;
  now: Date;
  clusters: PlannedCluster[];
  slices: PlannedSlice[];
}

const DAY = 24 * 60 * 60 * 1000;

function daysAgo(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY);
}

function sequence(start: number): () => string {
  let next = start;
  return () => intToIp(next++);
}

function planCluster(
  spec: ClusterSpec,
  project: ProjectSpec,
  index: number,
  now: Date,
): PlannedCluster {
  const edge = !['aws', 'gcp', 'azure'].includes(spec.cloudProvider);
  // Documentation address ranges (RFC 5737): clearly fake, never routable.
  const nodeIPs =
    spec.nodeIPs ??
    (edge
      ? [`198.51.100.${10 + 2 * index}`, `198.51.100.${11 + 2 * index}`]
      : [`203.0.113.${10 + 2 * index}`, `203.0.113.${11 + 2 * index}`]);
  const cniSubnet = spec.cniSubnet ?? [`172.${16 + (index % 16)}.0.0/16`];
  const networkPresent = spec.networkPresent ?? true;
  const componentStatuses: ComponentStatus[] = networkPresent
    ? [
        ...new Set([
          ...CLUSTER_COMPONENTS,
          ...Object.keys(spec.componentHealth ?? {}),
        ]),
      ].map(component => ({
        component,
        componentHealthStatus: spec.componentHealth?.[component] ?? 'Normal',
      }))
    : [];
  const podBase = ipToInt(cniSubnet[0].split('/')[0]) + 256 + 10;
  return {
    spec,
    project,
    projectNamespace: projectNamespace(project.name),
    index,
    nodeIPs,
    cniSubnet,
    nodeName: `${spec.name}-node-1`,
    networkPresent,
    registeredAt: daysAgo(now, 40 - index),
    componentStatuses,
    healthStatus: componentStatuses.some(
      c => c.componentHealthStatus !== 'Normal',
    )
      ? 'Warning'
      : 'Normal',
    namespaces: [],
    pods: [],
    nextPodIp: sequence(podBase),
  };
}

function addNamespace(
  cluster: PlannedCluster,
  name: string,
  slice?: string,
  allowedFor?: string,
): void {
  let ns = cluster.namespaces.find(n => n.name === name);
  if (!ns) {
    ns = { name, allowedFor: [] };
    cluster.namespaces.push(ns);
  }
  if (slice) {
    if (ns.slice && ns.slice !== slice) {
      throw new Error(
        `namespace ${name} on cluster ${cluster.spec.name} is onboarded to both ${ns.slice} and ${slice}`,
      );
    }
    ns.slice = slice;
  }
  if (allowedFor && !ns.allowedFor.includes(allowedFor))
    ns.allowedFor.push(allowedFor);
}

function addPod(
  cluster: PlannedCluster,
  rng: () => number,
  pod: Omit<PlannedPod, 'ip' | 'name'> & {
    name?: string;
    base: string;
    replicaSet?: boolean;
  },
): PlannedPod {
  const name =
    pod.name ??
    (pod.replicaSet === false
      ? `${pod.base}-${nameSuffix(rng)}`
      : `${pod.base}-${nameSuffix(rng, 9)}-${nameSuffix(rng)}`);
  const { base: _b, replicaSet: _r, ...rest } = pod;
  const planned: PlannedPod = { ...rest, name, ip: cluster.nextPodIp() };
  cluster.pods.push(planned);
  return planned;
}

function systemPods(cluster: PlannedCluster, seed: number): void {
  const rng = seededRandom(seed, 'system-pods', cluster.spec.name);
  const since = cluster.registeredAt;
  const health = (component: string) =>
    cluster.componentStatuses.find(c => c.component === component)
      ?.componentHealthStatus ?? 'Normal';
  addPod(cluster, rng, {
    base: 'kubeslice-operator',
    namespace: WORKER_NAMESPACE,
    app: 'kubeslice-operator',
    image: 'aveshasystems/worker-operator:1.6.4',
    startedAt: since,
  });
  addPod(cluster, rng, {
    base: 'kubeslice-dns',
    namespace: WORKER_NAMESPACE,
    app: 'kubeslice-dns',
    image: 'aveshasystems/dns:0.1.2',
    startedAt: since,
  });
  if (!cluster.networkPresent) return;
  addPod(cluster, rng, {
    base: 'nsmgr',
    replicaSet: false,
    namespace: WORKER_NAMESPACE,
    app: 'nsmgr',
    image: 'ghcr.io/networkservicemesh/cmd-nsmgr:v1.14.0',
    startedAt: since,
    crashLooping: health('nsmgr') !== 'Normal',
  });
  addPod(cluster, rng, {
    base: 'forwarder-kernel',
    replicaSet: false,
    namespace: WORKER_NAMESPACE,
    app: 'forwarder-kernel',
    image: 'ghcr.io/networkservicemesh/cmd-forwarder-kernel:v1.14.0',
    startedAt: since,
    crashLooping: health('forwarder') !== 'Normal',
  });
  addPod(cluster, rng, {
    base: 'nsm-admission-webhook-k8s',
    namespace: WORKER_NAMESPACE,
    app: 'admission-webhook-k8s',
    image: 'ghcr.io/networkservicemesh/cmd-admission-webhook-k8s:v1.14.0',
    startedAt: since,
    crashLooping: health('admission-webhook') !== 'Normal',
  });
  addPod(cluster, rng, {
    base: 'kubeslice-netop',
    replicaSet: false,
    namespace: WORKER_NAMESPACE,
    app: 'app_net_op',
    image: 'aveshasystems/netops:0.2.1',
    startedAt: since,
    crashLooping: health('netop') !== 'Normal',
  });
  addPod(cluster, rng, {
    name: 'spire-server-0',
    base: 'spire-server',
    namespace: 'spire',
    app: 'spire-server',
    image: 'ghcr.io/spiffe/spire-server:1.9.6',
    startedAt: since,
    crashLooping: health('spire-server') !== 'Normal',
  });
  addPod(cluster, rng, {
    base: 'spire-agent',
    replicaSet: false,
    namespace: 'spire',
    app: 'spire-agent',
    image: 'ghcr.io/spiffe/spire-agent:1.9.6',
    startedAt: since,
    crashLooping: health('spire-agent') !== 'Normal',
  });
}

function resolveQos(
  slice: SliceSpec,
  project: ProjectSpec,
): { standardQosProfileName?: string; qosDetails: Required<QosProfileSpec> } {
  const withDefaults = (q: QosProfileSpec): Required<QosProfileSpec> => ({
    ...DEFAULT_QOS,
    ...q,
  });
  if (slice.qosProfileDetails)
    return { qosDetails: withDefaults(slice.qosProfileDetails) };
  const name = slice.standardQosProfileName ?? 'default';
  const profile =
    name === 'default'
      ? DEFAULT_QOS
      : (project.qosProfiles ?? []).find(q => q.name === name);
  if (!profile)
    throw new Error(`slice ${slice.name}: no SliceQoSConfig named ${name}`);
  const { name: _n, ...details } = profile as QosProfileSpec & {
    name?: string;
  };
  return { standardQosProfileName: name, qosDetails: withDefaults(details) };
}

function planSlice(
  spec: SliceSpec,
  project: ProjectSpec,
  index: number,
  clusters: Map<string, PlannedCluster>,
  plan: FleetPlan,
): PlannedSlice {
  const mode = spec.overlayNetworkDeploymentMode ?? 'single-network';
  const network = mode !== 'no-network';
  const maxClusters = spec.maxClusters ?? 16;
  const slice: PlannedSlice = {
    spec,
    project,
    projectNamespace: projectNamespace(project.name),
    mode,
    network,
    maxClusters,
    members: [],
    gateways: [],
    services: [],
    createdAt: daysAgo(plan.now, 30 - index),
    ...(network ? resolveQos(spec, project) : {}),
  };
  slice.members = spec.clusters.map((name, i) => {
    const cluster = clusters.get(name)!;
    const block = network
      ? clusterBlock(spec.sliceSubnet!, maxClusters, i)
      : undefined;
    const appNs = (spec.applicationNamespaces ?? [])
      .filter(b => bindingClusters(b, spec.clusters).includes(name))
      .map(b => b.namespace);
    const allowedNs = (spec.allowedNamespaces ?? [])
      .filter(b => bindingClusters(b, spec.clusters).includes(name))
      .map(b => b.namespace);
    appNs.forEach(ns => addNamespace(cluster, ns, spec.name));
    allowedNs.forEach(ns => addNamespace(cluster, ns, undefined, spec.name));
    for (const svc of spec.services ?? [])
      if (svc.onboarded === false && svc.exportedFrom.includes(name))
        addNamespace(cluster, svc.namespace);
    return {
      cluster,
      index: i,
      block,
      applicationNamespaces: appNs,
      allowedNamespaces: allowedNs,
      sliceHealthStatus: 'Normal' as const,
      sliceComponents: [],
      appPods: [],
      pendingPods: [],
      nextNsmIp: sequence((block?.base ?? 0) + 2),
    };
  });
  return slice;
}

function planGateways(slice: PlannedSlice, seed: number): void {
  if (!slice.network) return;
  const vpn = gatewayVpnIps(slice.spec.sliceSubnet!);
  let number = 0;
  for (let i = 0; i < slice.members.length; i++) {
    for (let j = i + 1; j < slice.members.length; j++) {
      number++;
      const server = slice.members[i];
      const client = slice.members[j];
      const rng = seededRandom(seed, 'gateway', slice.spec.name, number);
      const serverNodePorts = [
        randomInt(rng, 30000, 32767),
        randomInt(rng, 30000, 32767),
      ];
      const serverName = `${slice.spec.name}-${server.cluster.spec.name}-${client.cluster.spec.name}`;
      const clientName = `${slice.spec.name}-${client.cluster.spec.name}-${server.cluster.spec.name}`;
      for (const [local, remote, hostType, name, peerName] of [
        [server, client, 'Server', serverName, clientName],
        [client, server, 'Client', clientName, serverName],
      ] as const) {
        const podRng = seededRandom(seed, 'gateway-pods', name);
        const rsHash = nameSuffix(podRng, 9);
        // Two gateway pods per SliceGateway (redundancy), deployments `<gw>-0-0` and `<gw>-1-0`.
        const pods = [0, 1].map(k => {
          const pod = addPod(local.cluster, podRng, {
            name: `${name}-${k}-0-${rsHash}-${nameSuffix(podRng)}`,
            base: name,
            namespace: WORKER_NAMESPACE,
            app: 'kubeslice-slicegateway',
            slice: slice.spec.name,
            image: 'aveshasystems/gw-sidecar:1.0.5',
            startedAt: slice.createdAt,
            extraLabels: {
              'kubeslice.io/pod-type': 'slicegateway',
              'kubeslice.io/slice-gw': name,
            },
          });
          pod.nsmIp = local.nextNsmIp();
          return pod;
        });
        slice.gateways.push({
          name,
          peerName,
          slice,
          local,
          remote,
          hostType,
          number,
          serverNodePorts,
          localVpnIp: hostType === 'Server' ? vpn.server : vpn.client,
          remoteVpnIp: hostType === 'Server' ? vpn.client : vpn.server,
          pods,
        });
      }
    }
  }
}

function planWorkloads(slice: PlannedSlice, seed: number): void {
  for (const member of slice.members) {
    const rng = seededRandom(
      seed,
      'workloads',
      slice.spec.name,
      member.cluster.spec.name,
    );
    if (slice.network) {
      const router = addPod(member.cluster, rng, {
        base: `vl3-slice-router-${slice.spec.name}`,
        namespace: WORKER_NAMESPACE,
        app: 'vl3-slice-router',
        slice: slice.spec.name,
        image: 'aveshasystems/cmd-nse-vl3:1.0.4',
        startedAt: slice.createdAt,
        extraLabels: {
          'networkservicemesh.io/app': `vl3-slice-router-${slice.spec.name}`,
          'kubeslice.io/pod-type': 'router',
        },
      });
      router.nsmIp = member.nextNsmIp();
    }
    for (const ns of member.applicationNamespaces) {
      const services = (slice.spec.services ?? []).filter(
        s =>
          s.namespace === ns &&
          s.exportedFrom.includes(member.cluster.spec.name),
      );
      const workloads = services.length
        ? services.map(s => ({ app: s.name, replicas: s.replicas ?? 1 }))
        : [{ app: ns, replicas: 1 }];
      for (const w of workloads) {
        const rsHash = nameSuffix(rng, 9);
        for (let r = 0; r < w.replicas; r++) {
          const pod = addPod(member.cluster, rng, {
            name: `${w.app}-${rsHash}-${nameSuffix(rng)}`,
            base: w.app,
            namespace: ns,
            app: w.app,
            slice: slice.spec.name,
            image: `${w.app}:stable`,
            startedAt: new Date(slice.createdAt.getTime() + 60 * 60 * 1000),
          });
          if (slice.network) {
            pod.nsmIp = member.nextNsmIp();
            pod.nsmPeerIp = intToIp((member.block?.base ?? 0) + 1);
          }
          member.appPods.push(pod);
        }
      }
    }
  }
}

/** Workloads of services exported from namespaces that are not onboarded: plain pods, off the slice. */
function planPendingWorkloads(slice: PlannedSlice, seed: number): void {
  for (const spec of slice.spec.services ?? []) {
    if (spec.onboarded !== false) continue;
    for (const member of slice.members) {
      if (!spec.exportedFrom.includes(member.cluster.spec.name)) continue;
      const rng = seededRandom(
        seed,
        'pending-workloads',
        slice.spec.name,
        member.cluster.spec.name,
        spec.name,
      );
      const rsHash = nameSuffix(rng, 9);
      for (let r = 0; r < (spec.replicas ?? 1); r++)
        member.pendingPods.push(
          addPod(member.cluster, rng, {
            name: `${spec.name}-${rsHash}-${nameSuffix(rng)}`,
            base: spec.name,
            namespace: spec.namespace,
            app: spec.name,
            image: `${spec.name}:stable`,
            startedAt: new Date(slice.createdAt.getTime() + 60 * 60 * 1000),
          }),
        );
    }
  }
}

function planServices(slice: PlannedSlice): void {
  for (const spec of slice.spec.services ?? []) {
    const endpoints: PlannedEndpoint[] = [];
    for (const clusterName of spec.exportedFrom) {
      const member = slice.members.find(
        m => m.cluster.spec.name === clusterName,
      )!;
      for (const pod of member.appPods.filter(
        p => p.app === spec.name && p.namespace === spec.namespace,
      )) {
        endpoints.push({
          cluster: clusterName,
          podName: pod.name,
          podIp: pod.ip,
          nsmIp: pod.nsmIp!,
          dnsName: `${pod.name}.${clusterName}.${spec.name}.${spec.namespace}.svc.slice.local`,
          port: spec.ports[0].containerPort,
        });
      }
    }
    slice.services.push({
      spec,
      slice,
      dnsName: `${spec.name}.${spec.namespace}.svc.slice.local`,
      endpoints,
      clusterIps: new Map(),
    });
  }
}

/**
 * Worker slice health, as the worker computes it: dns, slice-gateway,
 * slice-router and gateway-tunnel (the gateway ones only when the cluster has
 * gateways); empty and Normal for no-network slices. A broken NSM forwarder
 * or manager on the cluster breaks the slice router's connections.
 */
function planSliceHealth(slice: PlannedSlice): void {
  if (!slice.network) return;
  for (const member of slice.members) {
    const hasGateways = slice.gateways.some(g => g.local === member);
    const nsmBroken = member.cluster.componentStatuses.some(
      c =>
        ['forwarder', 'nsmgr'].includes(c.component) &&
        c.componentHealthStatus !== 'Normal',
    );
    const components: ComponentStatus[] = [
      { component: 'dns', componentHealthStatus: 'Normal' },
    ];
    if (hasGateways)
      components.push({
        component: 'slice-gateway',
        componentHealthStatus: 'Normal',
      });
    components.push({
      component: 'slice-router',
      componentHealthStatus: nsmBroken ? 'Warning' : 'Normal',
    });
    if (hasGateways)
      components.push({
        component: 'gateway-tunnel',
        componentHealthStatus: 'Normal',
      });
    member.sliceComponents = components;
    member.sliceHealthStatus = components.some(
      c => c.componentHealthStatus !== 'Normal',
    )
      ? 'Warning'
      : 'Normal';
  }
}

export function planFleet(
  scenario: ScenarioSpec,
  options: { seed: number; now: Date },
): FleetPlan {
  const plan: FleetPlan = {
    scenario,
    seed: options.seed,
    now: options.now,
    clusters: [],
    slices: [],
  };
  const byName = new Map<string, PlannedCluster>();
  scenario.projects.forEach(project =>
    project.clusters.forEach(spec => {
      const cluster = planCluster(
        spec,
        project,
        plan.clusters.length,
        options.now,
      );
      [
        'default',
        'kube-system',
        'kube-public',
        'kube-node-lease',
        WORKER_NAMESPACE,
        ...(cluster.networkPresent ? ['spire'] : []),
        ...(spec.namespaces ?? []),
      ].forEach(ns => addNamespace(cluster, ns));
      systemPods(cluster, options.seed);
      plan.clusters.push(cluster);
      byName.set(spec.name, cluster);
    }),
  );
  let sliceIndex = 0;
  for (const project of scenario.projects) {
    for (const spec of project.slices)
      plan.slices.push(planSlice(spec, project, sliceIndex++, byName, plan));
  }
  for (const slice of plan.slices) {
    planGateways(slice, options.seed);
    planWorkloads(slice, options.seed);
    planPendingWorkloads(slice, options.seed);
    planServices(slice);
    planSliceHealth(slice);
  }
  return plan;
}
