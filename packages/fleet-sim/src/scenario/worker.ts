import type { KubeObject } from '../api/types';
import { EVENT_CATALOGUE, makeEvent } from './events';
import { sampleTunnel, type Site } from './geo';
import { intToIp, ipToInt } from './ipam';
import {
  WORKER_NAMESPACE,
  type FleetPlan,
  type PlannedCluster,
  type PlannedGateway,
  type PlannedPod,
} from './plan';
import { seededRandom } from './random';
import { k8sTime } from './time';

/**
 * Objects on one worker cluster: namespaces (labelled when onboarded), pods,
 * services, and the worker operator's networking objects (Slice,
 * SliceGateway with live tunnel status, ServiceExport/ServiceImport).
 */

const NETWORKING_V = 'networking.kubeslice.io/v1beta1';
const MINUTE = 60 * 1000;

export function siteOf(cluster: PlannedCluster): Site {
  const { latitude, longitude, extraLatencyMs, packetLossPercent } =
    cluster.spec;
  return { latitude, longitude, extraLatencyMs, packetLossPercent };
}

/**
 * `status.gatewayPodStatus[]` of a SliceGateway: one entry per gateway pod,
 * tunnel metrics sampled from the geography. An UP tunnel has
 * `TunnelState: UP` and no `Status` field: the worker serialises the proto
 * enum UP = 0 with omitempty.
 */
export function gatewayPodStatus(
  gw: PlannedGateway,
  rng: () => number,
): unknown[] {
  const peerPods =
    gw.slice.gateways.find(g => g.name === gw.peerName)?.pods ?? [];
  return gw.pods.map((pod, k) => {
    const sample = sampleTunnel(
      siteOf(gw.local.cluster),
      siteOf(gw.remote.cluster),
      rng,
    );
    return {
      podName: pod.name,
      podIP: pod.ip,
      localNsmIP: pod.nsmIp,
      peerPodName: peerPods[k]?.name ?? '',
      podCreationTS: k8sTime(pod.startedAt),
      originalPodCreationTS: k8sTime(pod.startedAt),
      routeRemoved: 0,
      ...(gw.hostType === 'Client'
        ? { remotePort: gw.serverNodePorts[k] }
        : {}),
      tunnelStatus: {
        IntfName: 'tun0',
        LocalIP: gw.localVpnIp,
        RemoteIP: gw.remoteVpnIp,
        Latency: sample.Latency,
        PacketLoss: sample.PacketLoss,
        TxRate: sample.TxRate,
        RxRate: sample.RxRate,
        TunnelState: 'UP',
      },
    };
  });
}

function namespaceObjects(
  cluster: PlannedCluster,
  plan: FleetPlan,
): KubeObject[] {
  return cluster.namespaces.map(ns => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: ns.name,
      creationTimestamp: k8sTime(
        ns.slice || ns.allowedFor.length
          ? new Date(plan.now.getTime() - 25 * 24 * 60 * MINUTE)
          : cluster.registeredAt,
      ),
      labels: {
        'kubernetes.io/metadata.name': ns.name,
        ...(ns.slice ? { 'kubeslice.io/slice': ns.slice } : {}),
        ...(ns.allowedFor.length ? { 'kubeslice.io/namespace': ns.name } : {}),
      },
      ...(ns.allowedFor.length
        ? {
            annotations: {
              'kubeslice.io/trafficAllowedToSlices': ns.allowedFor.join(','),
            },
          }
        : {}),
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }));
}

function podObject(
  cluster: PlannedCluster,
  pod: PlannedPod,
  network: boolean,
): KubeObject {
  const started = k8sTime(pod.startedAt);
  const containerName = pod.app.replace(/_/g, '-');
  const containerStatus = pod.crashLooping
    ? {
        name: containerName,
        image: pod.image,
        ready: false,
        started: false,
        restartCount: 7,
        state: {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: `back-off 5m0s restarting failed container=${containerName}`,
          },
        },
        lastState: {
          terminated: {
            exitCode: 1,
            reason: 'Error',
            startedAt: started,
            finishedAt: started,
          },
        },
      }
    : {
        name: containerName,
        image: pod.image,
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: { startedAt: started } },
      };
  const onSlice = pod.slice && network && pod.namespace !== WORKER_NAMESPACE;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: pod.name,
      namespace: pod.namespace,
      creationTimestamp: started,
      labels: {
        app: pod.app,
        ...(pod.slice ? { 'kubeslice.io/slice': pod.slice } : {}),
        ...(pod.extraLabels ?? {}),
      },
      ...(onSlice
        ? {
            annotations: {
              'ns.networkservicemesh.io': `vl3-service-${pod.slice}`,
              'networkservicemesh.io': `kernel://vl3-service-${pod.slice}/nsm0`,
              'kubeslice.io/status': 'injected',
            },
          }
        : {}),
    },
    spec: {
      nodeName: cluster.nodeName,
      containers: [{ name: containerName, image: pod.image }],
      restartPolicy: 'Always',
    },
    status: {
      phase: 'Running',
      hostIP: cluster.nodeIPs[0],
      podIP: pod.ip,
      podIPs: [{ ip: pod.ip }],
      startTime: started,
      conditions: [
        { type: 'Initialized', status: 'True', lastTransitionTime: started },
        {
          type: 'Ready',
          status: pod.crashLooping ? 'False' : 'True',
          lastTransitionTime: started,
        },
        {
          type: 'ContainersReady',
          status: pod.crashLooping ? 'False' : 'True',
          lastTransitionTime: started,
        },
        { type: 'PodScheduled', status: 'True', lastTransitionTime: started },
      ],
      containerStatuses: [containerStatus],
    },
  };
}

export function service(
  name: string,
  namespace: string,
  clusterIP: string,
  ports: Array<{ name: string; port: number; protocol?: string }>,
  created: Date,
  selector?: Record<string, string>,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name,
      namespace,
      creationTimestamp: k8sTime(created),
      ...(selector ? { labels: selector } : {}),
    },
    spec: {
      type: 'ClusterIP',
      clusterIP,
      clusterIPs: [clusterIP],
      ports: ports.map(p => ({
        name: p.name,
        port: p.port,
        targetPort: p.port,
        protocol: p.protocol ?? 'TCP',
      })),
      ...(selector ? { selector } : {}),
    },
    status: { loadBalancer: {} },
  };
}

export function buildWorkerObjects(
  plan: FleetPlan,
  cluster: PlannedCluster,
): KubeObject[] {
  const name = cluster.spec.name;
  const objects: KubeObject[] = namespaceObjects(cluster, plan);
  const networkSlices = new Set(
    plan.slices.filter(s => s.network).map(s => s.spec.name),
  );
  objects.push(
    ...cluster.pods.map(p =>
      podObject(cluster, p, Boolean(p.slice && networkSlices.has(p.slice))),
    ),
  );

  // Service cluster IPs from the conventional 10.96.0.0/12 service range.
  let nextServiceIp = ipToInt('10.96.0.1');
  const serviceIp = () => intToIp(nextServiceIp++);
  objects.push(
    service(
      'kubernetes',
      'default',
      serviceIp(),
      [{ name: 'https', port: 443 }],
      cluster.registeredAt,
    ),
  );
  nextServiceIp = ipToInt('10.96.0.10');
  objects.push(
    service(
      'kube-dns',
      'kube-system',
      serviceIp(),
      [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53 },
      ],
      cluster.registeredAt,
      { 'k8s-app': 'kube-dns' },
    ),
  );
  nextServiceIp = ipToInt('10.96.20.1') + cluster.index;
  const dnsIP = serviceIp();
  objects.push(
    service(
      'kubeslice-dns',
      WORKER_NAMESPACE,
      dnsIP,
      [{ name: 'dns', port: 53, protocol: 'UDP' }],
      cluster.registeredAt,
      { app: 'kubeslice-dns' },
    ),
  );
  nextServiceIp = ipToInt('10.96.100.1');

  for (const slice of plan.slices) {
    const member = slice.members.find(m => m.cluster === cluster);
    if (!member) continue;
    const created = slice.createdAt;
    objects.push({
      apiVersion: NETWORKING_V,
      kind: 'Slice',
      metadata: {
        name: slice.spec.name,
        namespace: WORKER_NAMESPACE,
        creationTimestamp: k8sTime(new Date(created.getTime() + MINUTE)),
      },
      spec: {},
      status: {
        sliceConfig: {
          sliceDisplayName: slice.spec.name,
          sliceId: slice.spec.name,
          sliceType: 'Application',
          sliceOverlayNetworkDeploymentMode: slice.mode,
          ...(slice.network
            ? {
                sliceSubnet: slice.spec.sliceSubnet,
                clusterSubnetCIDR: member.block!.cidr,
                sliceGatewayServiceType:
                  slice.spec.gatewayServiceType ?? 'NodePort',
                sliceGatewayProtocol: slice.spec.gatewayProtocol ?? 'UDP',
                sliceIpam: {
                  sliceIpamType: 'Local',
                  ipamClusterOctet: member.index,
                },
                qosProfileDetails: slice.qosDetails,
              }
            : { sliceIpam: { sliceIpamType: 'Local' } }),
          namespaceIsolationProfile: {
            applicationNamespaces: member.applicationNamespaces,
            allowedNamespaces: member.allowedNamespaces,
            isolationEnabled: slice.spec.isolationEnabled ?? false,
          },
        },
        ...(slice.network ? { dnsIP } : {}),
        applicationNamespaces: member.applicationNamespaces,
        allowedNamespaces: member.allowedNamespaces,
        networkPoliciesInstalled: Boolean(slice.spec.isolationEnabled),
        appPods: member.appPods
          .filter(p => p.nsmIp)
          .map(p => ({
            podName: p.name,
            podNamespace: p.namespace,
            podIp: p.ip,
            nsmIp: p.nsmIp,
            nsmInterface: 'nsm0',
            nsmPeerIp: p.nsmPeerIp,
          })),
        appPodsUpdatedOn: Math.floor(plan.now.getTime() / 1000),
      },
    });

    for (const gw of slice.gateways.filter(g => g.local === member)) {
      const rng = seededRandom(plan.seed, 'tunnel', gw.name, 0);
      const server = gw.hostType === 'Server';
      objects.push({
        apiVersion: NETWORKING_V,
        kind: 'SliceGateway',
        metadata: {
          name: gw.name,
          namespace: WORKER_NAMESPACE,
          creationTimestamp: k8sTime(new Date(created.getTime() + 2 * MINUTE)),
          labels: { 'kubeslice.io/slice': slice.spec.name },
        },
        spec: { sliceName: slice.spec.name, siteName: name },
        status: {
          config: {
            sliceName: slice.spec.name,
            sliceSiteName: name,
            sliceGatewayId: gw.name,
            sliceGatewayName: gw.name,
            sliceGatewayHostType: gw.hostType,
            sliceGatewayType: slice.spec.sliceGatewayType ?? 'OpenVPN',
            sliceGatewayProtocol: slice.spec.gatewayProtocol ?? 'UDP',
            sliceGatewayConnectivityType:
              slice.spec.gatewayServiceType ?? 'NodePort',
            sliceGatewaySubnet: member.block!.cidr,
            sliceGatewayRemoteSubnet: gw.remote.block!.cidr,
            sliceGatewayRemoteClusterId: gw.remote.cluster.spec.name,
            sliceGatewayRemoteGatewayId: gw.peerName,
            sliceGatewayLocalVpnIp: gw.localVpnIp,
            sliceGatewayRemoteVpnIp: gw.remoteVpnIp,
            sliceGatewayRemoteNodeIps: gw.remote.cluster.nodeIPs,
            ...(server
              ? { sliceGatewayNodePorts: gw.serverNodePorts }
              : { sliceGatewayRemoteNodePorts: gw.serverNodePorts }),
          },
          configUpdatedOn: Math.floor(created.getTime() / 1000) + 120,
          connectionContextUpdatedOn:
            Math.floor(created.getTime() / 1000) + 180,
          podNames: gw.pods.map(p => p.name),
          podIps: gw.pods.map(p => p.ip),
          gatewayPodStatus: gatewayPodStatus(gw, rng),
        },
      });
      objects.push(
        makeEvent({
          schema: EVENT_CATALOGUE.SliceGWCreated,
          namespace: WORKER_NAMESPACE,
          involved: {
            apiVersion: NETWORKING_V,
            kind: 'SliceGateway',
            name: gw.name,
            namespace: WORKER_NAMESPACE,
          },
          time: new Date(created.getTime() + 2 * MINUTE),
          sliceName: slice.spec.name,
          sliceCluster: name,
          sliceProject: slice.projectNamespace,
          sliceNamespace: WORKER_NAMESPACE,
        }),
      );
    }

    for (const svc of slice.services) {
      // The import lives in the service's namespace; members without that namespace get none.
      if (!cluster.namespaces.some(n => n.name === svc.spec.namespace))
        continue;
      const ports = svc.spec.ports;
      const exported = svc.spec.exportedFrom.includes(name);
      const pending = svc.spec.onboarded === false;
      const lastSync = Math.floor(plan.now.getTime() / 1000);
      if (exported) {
        const clusterIP = serviceIp();
        objects.push(
          service(
            svc.spec.name,
            svc.spec.namespace,
            clusterIP,
            ports.map(p => ({
              name: p.name,
              port: p.containerPort,
              protocol: p.protocol,
            })),
            created,
            { app: svc.spec.name },
          ),
        );
        const local = svc.endpoints.filter(e => e.cluster === name);
        objects.push({
          apiVersion: NETWORKING_V,
          kind: 'ServiceExport',
          metadata: {
            name: svc.spec.name,
            namespace: svc.spec.namespace,
            creationTimestamp: k8sTime(
              new Date(created.getTime() + 2 * 60 * MINUTE),
            ),
          },
          spec: {
            slice: slice.spec.name,
            selector: { matchLabels: { app: svc.spec.name } },
            ports: ports.map(p => ({
              name: p.name,
              containerPort: p.containerPort,
              protocol: p.protocol ?? 'TCP',
            })),
            ...(svc.spec.aliases ? { aliases: svc.spec.aliases } : {}),
          },
          status: pending
            ? {
                // As the worker leaves it while the namespace is not onboarded.
                exportStatus: 'PENDING',
                dnsName: svc.dnsName,
                availableEndpoints: 0,
                exposedPorts: ports
                  .map(p => `${p.containerPort}/${p.protocol ?? 'TCP'}`)
                  .join(','),
                pods: [],
              }
            : {
                exportStatus: 'READY',
                dnsName: svc.dnsName,
                availableEndpoints: local.length,
                exposedPorts: ports
                  .map(p => `${p.containerPort}/${p.protocol ?? 'TCP'}`)
                  .join(','),
                lastSync,
                pods: local.map(e => ({
                  name: e.podName,
                  podIp: e.podIp,
                  nsmIp: e.nsmIp,
                  dnsName: e.dnsName,
                })),
                ...(svc.spec.aliases ? { aliases: svc.spec.aliases } : {}),
              },
        });
      }
      // Nothing is imported from a PENDING export.
      if (pending) continue;
      objects.push({
        apiVersion: NETWORKING_V,
        kind: 'ServiceImport',
        metadata: {
          name: svc.spec.name,
          namespace: svc.spec.namespace,
          creationTimestamp: k8sTime(
            new Date(created.getTime() + 3 * 60 * MINUTE),
          ),
          labels: { 'kubeslice.io/slice': slice.spec.name },
        },
        spec: {
          slice: slice.spec.name,
          dnsName: svc.dnsName,
          ports: ports.map(p => ({
            name: p.name,
            containerPort: p.containerPort,
            protocol: p.protocol ?? 'TCP',
          })),
          ...(svc.spec.aliases ? { aliases: svc.spec.aliases } : {}),
        },
        status: {
          importStatus: 'READY',
          availableEndpoints: svc.endpoints.length,
          exposedPorts: ports
            .map(p => `${p.containerPort}/${p.protocol ?? 'TCP'}`)
            .join(','),
          lastSync,
          updatedOn: lastSync,
          endpoints: svc.endpoints.map(e => ({
            name: e.podName,
            ip: e.nsmIp,
            port: e.port,
            clusterId: e.cluster,
            dnsName: e.dnsName,
          })),
        },
      });
    }

    if (member.sliceHealthStatus !== 'Normal') {
      objects.push(
        makeEvent({
          schema: EVENT_CATALOGUE.WorkerSliceHealthUpdated,
          namespace: WORKER_NAMESPACE,
          involved: {
            apiVersion: 'worker.kubeslice.io/v1alpha1',
            kind: 'WorkerSliceConfig',
            name: `${slice.spec.name}-${name}`,
            namespace: slice.projectNamespace,
          },
          time: new Date(plan.now.getTime() - 20 * MINUTE),
          sliceName: slice.spec.name,
          sliceCluster: name,
          sliceProject: slice.projectNamespace,
          sliceNamespace: WORKER_NAMESPACE,
        }),
      );
    }
  }

  if (cluster.healthStatus !== 'Normal') {
    objects.push(
      makeEvent({
        schema: EVENT_CATALOGUE.ClusterUnhealthy,
        namespace: WORKER_NAMESPACE,
        involved: {
          apiVersion: 'controller.kubeslice.io/v1alpha1',
          kind: 'Cluster',
          name,
          namespace: cluster.projectNamespace,
        },
        time: new Date(plan.now.getTime() - 25 * MINUTE),
        sliceCluster: name,
        sliceProject: cluster.projectNamespace,
        sliceNamespace: WORKER_NAMESPACE,
      }),
    );
  }
  return objects;
}
