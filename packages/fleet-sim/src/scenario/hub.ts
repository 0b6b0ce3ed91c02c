import type { KubeObject } from '../api/types';
import { EVENT_CATALOGUE, makeEvent } from './events';
import {
  CONTROLLER_NAMESPACE,
  DEFAULT_QOS,
  type FleetPlan,
  type PlannedCluster,
  type PlannedSlice,
} from './plan';
import { k8sTime } from './time';

/**
 * Objects on the controller ("hub") cluster, named and labelled as the
 * KubeSlice controller and workers write them (REFERENCE §1–§3).
 */

export interface HubContext {
  caPem: string;
  /** URL of a virtual cluster (for the dashboard endpoint and the controller endpoint). */
  clusterUrl: (name: string) => string;
  hubName: string;
  /** Token of each service-account Secret, by Secret name. */
  tokenFor: (secretName: string) => string;
}

const CONTROLLER_V = 'controller.kubeslice.io/v1alpha1';
const WORKER_V = 'worker.kubeslice.io/v1alpha1';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const MINUTE = 60 * 1000;

function meta(
  name: string,
  ns: string | undefined,
  created: Date,
  extra: Partial<KubeObject['metadata']> = {},
) {
  return {
    name,
    ...(ns ? { namespace: ns } : {}),
    creationTimestamp: k8sTime(created),
    ...extra,
  };
}

function namespaceObject(
  name: string,
  created: Date,
  labels: Record<string, string> = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: meta(name, undefined, created, {
      labels: { 'kubernetes.io/metadata.name': name, ...labels },
    }),
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

function serviceAccountWithToken(
  name: string,
  ns: string,
  created: Date,
  ctx: HubContext,
  extraData: Record<string, string> = {},
  annotations: Record<string, string> = {},
): KubeObject[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: meta(name, ns, created, { annotations }),
      secrets: [{ name }],
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/service-account-token',
      metadata: meta(name, ns, created, {
        annotations: {
          ...annotations,
          'kubernetes.io/service-account.name': name,
        },
      }),
      data: {
        token: b64(ctx.tokenFor(name)),
        'ca.crt': b64(ctx.caPem),
        namespace: b64(ns),
        ...Object.fromEntries(
          Object.entries(extraData).map(([k, v]) => [k, b64(v)]),
        ),
      },
    },
  ];
}

function projectObjects(
  plan: FleetPlan,
  project: FleetPlan['scenario']['projects'][number],
  ctx: HubContext,
): KubeObject[] {
  const ns = `kubeslice-${project.name}`;
  const created = new Date(plan.now.getTime() - 60 * 24 * 60 * MINUTE);
  const objects: KubeObject[] = [
    namespaceObject(ns, created, {
      'kubeslice-resource-owner': 'kubeslice-controller',
      'kubeslice-controller-resource-name': `Project-${ns}`,
    }),
    {
      apiVersion: CONTROLLER_V,
      kind: 'Project',
      metadata: meta(project.name, CONTROLLER_NAMESPACE, created, {
        labels: { 'kubeslice-project-namespace': ns },
      }),
      spec: {
        serviceAccount: {
          readOnly: project.serviceAccount?.readOnly ?? [],
          readWrite: project.serviceAccount?.readWrite ?? [],
        },
      },
      status: {},
    },
  ];
  const qosCreated = new Date(created.getTime() + MINUTE);
  const qos = [
    { name: 'default', ...DEFAULT_QOS },
    ...(project.qosProfiles ?? []).map(q => ({ ...DEFAULT_QOS, ...q })),
  ];
  for (const { name, ...spec } of qos) {
    objects.push({
      apiVersion: CONTROLLER_V,
      kind: 'SliceQoSConfig',
      metadata: meta(name, ns, qosCreated),
      spec,
      status: {},
    });
  }
  objects.push(
    makeEvent({
      schema: EVENT_CATALOGUE.DefaultSliceQoSConfigCreated,
      namespace: ns,
      involved: {
        apiVersion: CONTROLLER_V,
        kind: 'SliceQoSConfig',
        name: 'default',
        namespace: ns,
      },
      time: qosCreated,
      sliceCluster: 'controller',
      sliceProject: project.name,
    }),
  );
  for (const user of project.serviceAccount?.readOnly ?? []) {
    objects.push(
      ...serviceAccountWithToken(
        `kubeslice-rbac-ro-${user.toLowerCase()}`,
        ns,
        created,
        ctx,
        {},
        { 'controller.kubeslice.io/access-type': 'read-only' },
      ),
    );
  }
  for (const user of project.serviceAccount?.readWrite ?? []) {
    objects.push(
      ...serviceAccountWithToken(
        `kubeslice-rbac-rw-${user.toLowerCase()}`,
        ns,
        created,
        ctx,
        {},
        { 'controller.kubeslice.io/access-type': 'read-write' },
      ),
    );
  }
  return objects;
}

function clusterObjects(
  plan: FleetPlan,
  cluster: PlannedCluster,
  ctx: HubContext,
): KubeObject[] {
  const { spec } = cluster;
  const ns = cluster.projectNamespace;
  const secretName = `kubeslice-rbac-worker-${spec.name}`;
  const dashboardSecret = `${spec.name}-kubernetes-dashboard`;
  const clusterObject: KubeObject = {
    apiVersion: CONTROLLER_V,
    kind: 'Cluster',
    metadata: meta(spec.name, ns, cluster.registeredAt, {
      finalizers: ['controller.kubeslice.io/cluster-finalizer'],
    }),
    spec: {
      networkInterface: spec.networkInterface ?? 'eth0',
      ...(spec.nodeIPs ? { nodeIPs: spec.nodeIPs } : {}),
      clusterProperty: {
        geoLocation: {
          cloudProvider: spec.cloudProvider,
          cloudRegion: spec.cloudRegion,
          latitude: String(spec.latitude),
          longitude: String(spec.longitude),
        },
        monitoring: {
          kubernetesDashboard: {
            enabled: true,
            endpoint: ctx.clusterUrl(spec.name),
            accessToken: dashboardSecret,
          },
        },
      },
    },
    status: {
      registrationStatus: 'Registered',
      isDeregisterInProgress: false,
      networkPresent: cluster.networkPresent,
      cniSubnet: cluster.cniSubnet,
      nodeIPs: cluster.nodeIPs,
      namespaces: cluster.namespaces
        .filter(
          n =>
            ![
              'kube-system',
              'default',
              'kubeslice-system',
              'kube-node-lease',
              'kube-public',
              'istio-system',
            ].includes(n.name),
        )
        .map(n => ({
          name: n.name,
          ...(n.slice ? { sliceName: n.slice } : {}),
        })),
      clusterHealth: {
        clusterHealthStatus: cluster.healthStatus,
        componentStatuses: cluster.componentStatuses,
        lastUpdated: k8sTime(plan.now),
      },
      secretName,
    },
  };
  const registered = new Date(cluster.registeredAt.getTime() + 5 * MINUTE);
  return [
    clusterObject,
    ...serviceAccountWithToken(secretName, ns, cluster.registeredAt, ctx, {
      controllerEndpoint: ctx.clusterUrl(ctx.hubName),
      clusterName: spec.name,
    }),
    {
      // Made by the worker: read credentials for the worker's own API (the dashboard account).
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'Opaque',
      metadata: meta(dashboardSecret, ns, registered),
      data: {
        token: b64(ctx.tokenFor(dashboardSecret)),
        'ca.crt': b64(ctx.caPem),
      },
    },
  ];
}

/**
 * The SliceConfig spec as a user writes it (no webhook defaults): used by the seeded
 * builder here and by the API path, which lets the mutating webhook add the defaults.
 */
export function userSliceConfigSpec(
  slice: PlannedSlice,
): Record<string, unknown> {
  const { spec } = slice;
  const bindings = (list: typeof spec.applicationNamespaces) =>
    (list ?? []).map(b => ({ namespace: b.namespace, clusters: b.clusters }));
  return {
    sliceType: 'Application',
    maxClusters: slice.maxClusters,
    clusters: spec.clusters,
    overlayNetworkDeploymentMode: slice.mode,
    ...(slice.network
      ? {
          sliceSubnet: spec.sliceSubnet,
          sliceGatewayProvider: {
            sliceGatewayType: spec.sliceGatewayType ?? 'OpenVPN',
            sliceCaType: 'Local',
            sliceGatewayServiceType: [
              {
                cluster: '*',
                type: spec.gatewayServiceType ?? 'NodePort',
                protocol: spec.gatewayProtocol ?? 'UDP',
              },
            ],
          },
          sliceIpamType: 'Local',
          ...(slice.standardQosProfileName
            ? { standardQosProfileName: slice.standardQosProfileName }
            : { qosProfileDetails: slice.qosDetails }),
        }
      : {}),
    namespaceIsolationProfile: {
      applicationNamespaces: bindings(spec.applicationNamespaces),
      isolationEnabled: spec.isolationEnabled ?? false,
      allowedNamespaces: bindings(spec.allowedNamespaces),
    },
  };
}

function sliceConfig(slice: PlannedSlice): KubeObject {
  return {
    apiVersion: CONTROLLER_V,
    kind: 'SliceConfig',
    metadata: meta(slice.spec.name, slice.projectNamespace, slice.createdAt),
    spec: {
      ...userSliceConfigSpec(slice),
      // What the mutating webhook and CRD defaults add for network slices.
      ...(slice.network
        ? { vpnConfig: { cipher: 'AES-256-CBC' }, rotationInterval: 30 }
        : {}),
    },
    status: {},
  };
}

function workerSliceConfigs(
  plan: FleetPlan,
  slice: PlannedSlice,
): KubeObject[] {
  const { spec } = slice;
  return slice.members.map(member => ({
    apiVersion: WORKER_V,
    kind: 'WorkerSliceConfig',
    metadata: meta(
      `${spec.name}-${member.cluster.spec.name}`,
      slice.projectNamespace,
      slice.createdAt,
      {
        labels: {
          'worker-cluster': member.cluster.spec.name,
          'original-slice-name': spec.name,
          'project-namespace': slice.projectNamespace,
          'kubeslice-manager': 'controller',
          ...(slice.standardQosProfileName
            ? { 'standard-qos-profile': slice.standardQosProfileName }
            : {}),
        },
      },
    ),
    spec: {
      sliceName: spec.name,
      sliceType: 'Application',
      overlayNetworkDeploymentMode: slice.mode,
      ...(slice.network
        ? {
            sliceSubnet: spec.sliceSubnet,
            clusterSubnetCIDR: member.block!.cidr,
            octet: member.block!.octet,
            ipamClusterOctet: member.index,
            sliceGatewayProvider: {
              sliceGatewayType: spec.sliceGatewayType ?? 'OpenVPN',
              sliceCaType: 'Local',
              sliceGatewayServiceType: spec.gatewayServiceType ?? 'NodePort',
              sliceGatewayProtocol: spec.gatewayProtocol ?? 'UDP',
            },
            sliceIpamType: 'Local',
            qosProfileDetails: slice.qosDetails,
          }
        : // The CRD default the API server applies.
          { sliceIpamType: 'Local' }),
      namespaceIsolationProfile: {
        applicationNamespaces: member.applicationNamespaces,
        allowedNamespaces: member.allowedNamespaces,
        isolationEnabled: spec.isolationEnabled ?? false,
      },
    },
    status: {
      onboardedAppNamespaces: member.applicationNamespaces.map(name => ({
        name,
      })),
      connectedAppPods: member.appPods
        .filter(p => p.nsmIp)
        .map(p => ({
          podName: p.name,
          podNamespace: p.namespace,
          podIp: p.ip,
          nsmIp: p.nsmIp,
          nsmInterface: 'nsm0',
          nsmPeerIp: p.nsmPeerIp,
        })),
      sliceHealth: {
        sliceHealthStatus: member.sliceHealthStatus,
        componentStatuses: member.sliceComponents,
        lastUpdated: k8sTime(plan.now),
      },
    },
  }));
}

function workerSliceGateways(slice: PlannedSlice): KubeObject[] {
  return slice.gateways.map(gw => {
    const side = (
      member: typeof gw.local,
      gatewayName: string,
      vpnIp: string,
      isServer: boolean,
    ) => ({
      clusterName: member.cluster.spec.name,
      gatewayName,
      gatewaySubnet: member.block!.cidr,
      nodeIp: member.cluster.nodeIPs[0],
      nodeIps: member.cluster.nodeIPs,
      vpnIp,
      ...(isServer
        ? { nodePort: gw.serverNodePorts[0], nodePorts: gw.serverNodePorts }
        : {}),
    });
    const localIsServer = gw.hostType === 'Server';
    return {
      apiVersion: WORKER_V,
      kind: 'WorkerSliceGateway',
      metadata: meta(gw.name, slice.projectNamespace, slice.createdAt, {
        labels: {
          'worker-cluster': gw.local.cluster.spec.name,
          'remote-cluster': gw.remote.cluster.spec.name,
          'original-slice-name': slice.spec.name,
          'project-namespace': slice.projectNamespace,
          'kubeslice-manager': 'controller',
        },
      }),
      spec: {
        sliceName: slice.spec.name,
        gatewayType: slice.spec.sliceGatewayType ?? 'OpenVPN',
        gatewayHostType: gw.hostType,
        gatewayConnectivityType: slice.spec.gatewayServiceType ?? 'NodePort',
        gatewayProtocol: slice.spec.gatewayProtocol ?? 'UDP',
        gatewayCredentials: { secretName: gw.name },
        gatewayNumber: gw.number,
        localGatewayConfig: side(
          gw.local,
          gw.name,
          gw.localVpnIp,
          localIsServer,
        ),
        remoteGatewayConfig: side(
          gw.remote,
          gw.peerName,
          gw.remoteVpnIp,
          !localIsServer,
        ),
      },
      status: {
        gatewayNumber: gw.number,
        clusterInsertionIndex: gw.local.index,
      },
    };
  });
}

function vpnKeyRotation(plan: FleetPlan, slice: PlannedSlice): KubeObject[] {
  if (!slice.network) return [];
  const rotationInterval = 30;
  const issued = new Date(plan.now.getTime() - 12 * 24 * 60 * MINUTE);
  const mapping = Object.fromEntries(
    slice.members.map(m => [
      m.cluster.spec.name,
      slice.gateways.filter(g => g.local === m).map(g => g.name),
    ]),
  );
  const gwNames = slice.gateways.map(g => g.name);
  return [
    {
      apiVersion: CONTROLLER_V,
      kind: 'VpnKeyRotation',
      metadata: meta(slice.spec.name, slice.projectNamespace, slice.createdAt),
      spec: {
        sliceName: slice.spec.name,
        clusters: slice.spec.clusters,
        clusterGatewayMapping: mapping,
        certificateCreationTime: k8sTime(issued),
        certificateExpiryTime: k8sTime(
          new Date(issued.getTime() + rotationInterval * 24 * 60 * MINUTE),
        ),
        rotationInterval,
        rotationCount:
          1 +
          Math.floor(
            (issued.getTime() - slice.createdAt.getTime()) /
              (rotationInterval * 24 * 60 * MINUTE),
          ),
      },
      status: {
        currentRotationState: Object.fromEntries(
          gwNames.map(n => [
            n,
            { status: 'COMPLETE', lastUpdatedTimestamp: k8sTime(issued) },
          ]),
        ),
        statusHistory: Object.fromEntries(
          gwNames.map(n => [
            n,
            [{ status: 'COMPLETE', lastUpdatedTimestamp: k8sTime(issued) }],
          ]),
        ),
      },
    },
  ];
}

function serviceObjects(slice: PlannedSlice): KubeObject[] {
  const out: KubeObject[] = [];
  for (const svc of slice.services) {
    const { spec } = svc;
    // A PENDING export never reaches the hub.
    if (spec.onboarded === false) continue;
    const ports = spec.ports.map(p => ({
      name: p.name,
      port: p.containerPort,
      protocol: p.protocol ?? 'TCP',
    }));
    const exportLabels = (cluster: string) => ({
      'original-slice-name': slice.spec.name,
      'worker-cluster': cluster,
      'service-name': spec.name,
      'service-namespace': spec.namespace,
    });
    for (const cluster of spec.exportedFrom) {
      out.push({
        apiVersion: CONTROLLER_V,
        kind: 'ServiceExportConfig',
        metadata: meta(
          `${spec.name}-${spec.namespace}-${cluster}`,
          slice.projectNamespace,
          new Date(slice.createdAt.getTime() + 2 * 60 * MINUTE),
          { labels: exportLabels(cluster) },
        ),
        spec: {
          serviceName: spec.name,
          serviceNamespace: spec.namespace,
          sourceCluster: cluster,
          sliceName: slice.spec.name,
          ...(spec.aliases ? { aliases: spec.aliases } : {}),
          serviceDiscoveryEndpoints: svc.endpoints
            .filter(e => e.cluster === cluster)
            .map(e => ({
              podName: e.podName,
              cluster: e.cluster,
              nsmIp: e.nsmIp,
              dnsName: e.dnsName,
              port: e.port,
            })),
          serviceDiscoveryPorts: ports,
        },
        status: {},
      });
    }
    for (const member of slice.members) {
      out.push({
        apiVersion: WORKER_V,
        kind: 'WorkerServiceImport',
        metadata: meta(
          `${spec.name}-${spec.namespace}-${slice.spec.name}-${member.cluster.spec.name}`,
          slice.projectNamespace,
          new Date(slice.createdAt.getTime() + 2 * 60 * MINUTE),
          {
            labels: {
              'worker-cluster': member.cluster.spec.name,
              'project-namespace': slice.projectNamespace,
              'original-slice-name': slice.spec.name,
              'kubeslice-manager': 'controller',
            },
          },
        ),
        spec: {
          serviceName: spec.name,
          serviceNamespace: spec.namespace,
          sliceName: slice.spec.name,
          sourceClusters: spec.exportedFrom,
          ...(spec.aliases ? { aliases: spec.aliases } : {}),
          serviceDiscoveryEndpoints: svc.endpoints.map(e => ({
            podName: e.podName,
            cluster: e.cluster,
            nsmIp: e.nsmIp,
            dnsName: e.dnsName,
            port: e.port,
          })),
          serviceDiscoveryPorts: ports,
        },
        status: {},
      });
    }
  }
  return out;
}

function controllerEvents(
  slice: PlannedSlice,
  objects: KubeObject[],
): KubeObject[] {
  const wanted: Record<
    string,
    (typeof EVENT_CATALOGUE)[keyof typeof EVENT_CATALOGUE]
  > = {
    WorkerSliceConfig: EVENT_CATALOGUE.WorkerSliceConfigCreated,
    WorkerSliceGateway: EVENT_CATALOGUE.WorkerSliceGatewayCreated,
    WorkerServiceImport: EVENT_CATALOGUE.WorkerServiceImportCreated,
  };
  return objects
    .filter(o => wanted[o.kind])
    .map((o, i) =>
      makeEvent({
        schema: wanted[o.kind],
        namespace: slice.projectNamespace,
        involved: {
          apiVersion: o.apiVersion,
          kind: o.kind,
          name: o.metadata.name!,
          namespace: slice.projectNamespace,
        },
        // A few seconds apart, so names (which embed the time) stay unique.
        time: new Date(
          Date.parse(o.metadata.creationTimestamp!) + (i + 1) * 1000,
        ),
        sliceName: slice.spec.name,
        sliceCluster: 'controller',
        sliceProject: slice.project.name,
      }),
    );
}

export function buildHubObjects(
  plan: FleetPlan,
  ctx: HubContext,
): KubeObject[] {
  const clusterCreated = new Date(plan.now.getTime() - 90 * 24 * 60 * MINUTE);
  const objects: KubeObject[] = [
    'default',
    'kube-system',
    'kube-public',
    'kube-node-lease',
    CONTROLLER_NAMESPACE,
  ].map(n => namespaceObject(n, clusterCreated));
  for (const project of plan.scenario.projects)
    objects.push(...projectObjects(plan, project, ctx));
  for (const cluster of plan.clusters)
    objects.push(...clusterObjects(plan, cluster, ctx));
  for (const slice of plan.slices) {
    const sliceObjects = [
      sliceConfig(slice),
      ...workerSliceConfigs(plan, slice),
      ...workerSliceGateways(slice),
      ...vpnKeyRotation(plan, slice),
      ...serviceObjects(slice),
    ];
    objects.push(...sliceObjects, ...controllerEvents(slice, sliceObjects));
  }
  return objects;
}
