import type { KubeObject } from '../api/types';
import { buildFleet, type BuiltFleet } from './build';
import { baseLatencyMs, greatCircleKm } from './geo';
import { clusterBlock, clusterPrefixLength } from './ipam';
import { loadScenario } from './load';

const NOW = new Date('2025-06-01T12:00:00Z');

function byKind(objects: KubeObject[], kind: string): KubeObject[] {
  return objects.filter(o => o.kind === kind);
}

function named(objects: KubeObject[], kind: string, name: string): KubeObject {
  const found = objects.find(o => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`${kind} ${name} not built`);
  return found;
}

describe('buildFleet(demo)', () => {
  let fleet: BuiltFleet;
  let hub: KubeObject[];
  const worker = (name: string) =>
    fleet.workers.find(w => w.name === name)!.objects;
  const latency = (cluster: string, gw: string) => {
    const status = named(worker(cluster), 'SliceGateway', gw).status
      .gatewayPodStatus;
    return status[0].tunnelStatus.Latency as number;
  };

  beforeAll(() => {
    fleet = buildFleet(loadScenario('demo'), {
      seed: 7,
      now: NOW,
      caPem: 'CA',
      clusterUrl: n => `https://sim/clusters/${n}`,
    });
    hub = fleet.hub.objects;
  });

  it('has a hub and seven workers on aws, gcp, azure and an edge site', () => {
    expect(fleet.hub.name).toBe('hub');
    expect(fleet.workers.map(w => w.name)).toEqual([
      'aws-east',
      'gcp-west',
      'azure-eu',
      'edge-nyc',
      'aws-eu',
      'gcp-asia',
      'azure-us',
    ]);
    const providers = byKind(hub, 'Cluster').map(
      c => c.spec.clusterProperty.geoLocation.cloudProvider,
    );
    expect(new Set(providers)).toEqual(
      new Set(['aws', 'gcp', 'azure', 'onprem']),
    );
  });

  it('creates project namespaces, Projects and default QoS profiles', () => {
    const ns = named(hub, 'Namespace', 'kubeslice-arcade');
    expect(ns.metadata.labels).toMatchObject({
      'kubeslice-resource-owner': 'kubeslice-controller',
      'kubeslice-controller-resource-name': 'Project-kubeslice-arcade',
    });
    const project = named(hub, 'Project', 'acme');
    expect(project.metadata.namespace).toBe('kubeslice-controller');
    expect(project.metadata.labels).toEqual({
      'kubeslice-project-namespace': 'kubeslice-acme',
    });
    const qos = byKind(hub, 'SliceQoSConfig').filter(
      q => q.metadata.name === 'default',
    );
    expect(qos.map(q => q.metadata.namespace)).toEqual([
      'kubeslice-arcade',
      'kubeslice-acme',
    ]);
    expect(qos[0].spec).toEqual({
      queueType: 'HTB',
      priority: 0,
      tcType: 'BANDWIDTH_CONTROL',
      bandwidthCeilingKbps: 10000000,
      bandwidthGuaranteedKbps: 1000000,
      dscpClass: 'AF11',
    });
  });

  it('registers Clusters with geolocation strings, network and health status', () => {
    const c = named(hub, 'Cluster', 'aws-east');
    expect(c.metadata.namespace).toBe('kubeslice-arcade');
    expect(c.spec.networkInterface).toBe('eth0');
    expect(c.spec.clusterProperty.geoLocation).toEqual({
      cloudProvider: 'aws',
      cloudRegion: 'us-east-1',
      latitude: '38.95',
      longitude: '-77.45',
    });
    expect(c.spec.clusterProperty.monitoring.kubernetesDashboard).toEqual({
      enabled: true,
      endpoint: 'https://sim/clusters/aws-east',
      accessToken: 'aws-east-kubernetes-dashboard',
    });
    expect(c.status).toMatchObject({
      registrationStatus: 'Registered',
      networkPresent: true,
      secretName: 'kubeslice-rbac-worker-aws-east',
    });
    expect(c.status.cniSubnet).toHaveLength(1);
    expect(c.status.nodeIPs.length).toBeGreaterThan(0);
    expect(c.status.clusterHealth).toMatchObject({
      clusterHealthStatus: 'Normal',
      lastUpdated: '2025-06-01T12:00:00Z',
    });
    expect(c.status.namespaces).toEqual(
      expect.arrayContaining([
        { name: 'pacman', sliceName: 'pacman' },
        { name: 'mongodb', sliceName: 'pacman' },
        { name: 'monitoring' },
      ]),
    );
    expect(c.status.namespaces.map((n: any) => n.name)).not.toContain(
      'kube-system',
    );

    const edge = named(hub, 'Cluster', 'edge-nyc');
    expect(edge.status.clusterHealth.clusterHealthStatus).toBe('Warning');
    expect(
      edge.status.clusterHealth.componentStatuses.filter(
        (s: any) => s.componentHealthStatus !== 'Normal',
      ),
    ).toEqual([{ component: 'forwarder', componentHealthStatus: 'Warning' }]);
  });

  it('builds the four slices with their network modes, subnets and isolation', () => {
    const slices = byKind(hub, 'SliceConfig');
    expect(
      slices.map(s => `${s.metadata.namespace}/${s.metadata.name}`),
    ).toEqual([
      'kubeslice-arcade/pacman',
      'kubeslice-arcade/leaderboard',
      'kubeslice-acme/payments',
      'kubeslice-acme/analytics',
    ]);
    const pacman = named(hub, 'SliceConfig', 'pacman');
    expect(pacman.spec).toMatchObject({
      sliceSubnet: '10.1.0.0/16',
      clusters: ['aws-east', 'gcp-west', 'azure-eu'],
      overlayNetworkDeploymentMode: 'single-network',
      standardQosProfileName: 'default',
      sliceIpamType: 'Local',
    });
    expect(pacman.spec.namespaceIsolationProfile.applicationNamespaces).toEqual(
      [
        { namespace: 'pacman', clusters: ['*'] },
        { namespace: 'mongodb', clusters: ['*'] },
      ],
    );
    expect(
      named(hub, 'SliceConfig', 'leaderboard').spec.qosProfileDetails,
    ).toMatchObject({ dscpClass: 'AF21' });
    expect(
      named(hub, 'SliceConfig', 'payments').spec.namespaceIsolationProfile
        .isolationEnabled,
    ).toBe(true);
    const analytics = named(hub, 'SliceConfig', 'analytics');
    expect(analytics.spec.overlayNetworkDeploymentMode).toBe('no-network');
    expect(analytics.spec.sliceSubnet).toBeUndefined();
    const subnets = slices.map(s => s.spec.sliceSubnet).filter(Boolean);
    expect(new Set(subnets).size).toBe(subnets.length);
  });

  it('makes one WorkerSliceConfig per member with labels, split subnets and health', () => {
    const wscs = byKind(hub, 'WorkerSliceConfig');
    expect(wscs).toHaveLength(3 + 2 + 3 + 2);
    const w = named(hub, 'WorkerSliceConfig', 'pacman-gcp-west');
    expect(w.metadata.labels).toEqual({
      'worker-cluster': 'gcp-west',
      'original-slice-name': 'pacman',
      'project-namespace': 'kubeslice-arcade',
      'kubeslice-manager': 'controller',
      'standard-qos-profile': 'default',
    });
    expect(w.spec).toMatchObject({
      clusterSubnetCIDR: '10.1.16.0/20',
      octet: 16,
      ipamClusterOctet: 1,
      sliceSubnet: '10.1.0.0/16',
    });
    expect(w.status.onboardedAppNamespaces).toEqual([
      { name: 'pacman' },
      { name: 'mongodb' },
    ]);
    expect(
      w.status.sliceHealth.componentStatuses.map((c: any) => c.component),
    ).toEqual(['dns', 'slice-gateway', 'slice-router', 'gateway-tunnel']);
    expect(w.status.sliceHealth.sliceHealthStatus).toBe('Normal');

    const edge = named(hub, 'WorkerSliceConfig', 'leaderboard-edge-nyc');
    expect(edge.status.sliceHealth.sliceHealthStatus).toBe('Warning');
    expect(
      named(hub, 'WorkerSliceConfig', 'leaderboard-aws-east').status.sliceHealth
        .sliceHealthStatus,
    ).toBe('Normal');
    const noNet = named(hub, 'WorkerSliceConfig', 'analytics-gcp-asia');
    expect(noNet.status.sliceHealth).toMatchObject({
      sliceHealthStatus: 'Normal',
      componentStatuses: [],
    });
    expect(noNet.metadata.labels!['standard-qos-profile']).toBeUndefined();
  });

  it('makes a full mesh of WorkerSliceGateways (server = earlier cluster), none for no-network', () => {
    const gws = byKind(hub, 'WorkerSliceGateway');
    expect(gws).toHaveLength(6 + 2 + 6 + 0);
    const server = named(hub, 'WorkerSliceGateway', 'pacman-aws-east-azure-eu');
    const client = named(hub, 'WorkerSliceGateway', 'pacman-azure-eu-aws-east');
    expect(server.spec.gatewayHostType).toBe('Server');
    expect(client.spec.gatewayHostType).toBe('Client');
    expect(server.metadata.labels).toMatchObject({
      'worker-cluster': 'aws-east',
      'remote-cluster': 'azure-eu',
      'original-slice-name': 'pacman',
    });
    expect(server.spec.localGatewayConfig.nodePorts).toEqual(
      client.spec.remoteGatewayConfig.nodePorts,
    );
    expect(server.spec.localGatewayConfig.vpnIp).toBe('10.1.255.1');
    expect(client.spec.localGatewayConfig.vpnIp).toBe('10.1.255.2');
    expect(gws.some(g => g.spec.sliceName === 'analytics')).toBe(false);
  });

  it('makes VpnKeyRotations, ServiceExportConfigs, WorkerServiceImports and dashboard secrets', () => {
    expect(byKind(hub, 'VpnKeyRotation').map(v => v.metadata.name)).toEqual([
      'pacman',
      'leaderboard',
      'payments',
    ]);
    expect(
      named(hub, 'VpnKeyRotation', 'pacman').spec.clusterGatewayMapping[
        'aws-east'
      ],
    ).toEqual(['pacman-aws-east-gcp-west', 'pacman-aws-east-azure-eu']);
    const mongoExports = byKind(hub, 'ServiceExportConfig').filter(
      s => s.spec.serviceName === 'mongodb',
    );
    expect(mongoExports.map(s => s.metadata.name)).toEqual([
      'mongodb-mongodb-aws-east',
      'mongodb-mongodb-gcp-west',
      'mongodb-mongodb-azure-eu',
    ]);
    const imports = byKind(hub, 'WorkerServiceImport').filter(
      s => s.spec.serviceName === 'mongodb',
    );
    expect(imports.map(s => s.metadata.name)).toEqual([
      'mongodb-mongodb-pacman-aws-east',
      'mongodb-mongodb-pacman-gcp-west',
      'mongodb-mongodb-pacman-azure-eu',
    ]);
    expect(imports[0].spec.serviceDiscoveryEndpoints).toHaveLength(3);
    const secret = named(hub, 'Secret', 'gcp-asia-kubernetes-dashboard');
    expect(secret.metadata.namespace).toBe('kubeslice-acme');
    expect(Object.keys((secret as any).data).sort()).toEqual([
      'ca.crt',
      'token',
    ]);
    const token = Buffer.from((secret as any).data.token, 'base64').toString();
    expect(
      fleet.workers
        .find(w => w.name === 'gcp-asia')!
        .credentials.map(c => c.token),
    ).toContain(token);
    expect(
      byKind(hub, 'Event').some(
        e => (e as any).reason === 'WorkerSliceGatewayCreated',
      ),
    ).toBe(true);
  });

  it('puts Slices, SliceGateways with UP tunnels, and service objects on workers', () => {
    const aws = worker('aws-east');
    expect(named(aws, 'Namespace', 'mongodb').metadata.labels).toMatchObject({
      'kubeslice.io/slice': 'pacman',
    });
    expect(named(aws, 'Namespace', 'monitoring').metadata.annotations).toEqual({
      'kubeslice.io/trafficAllowedToSlices': 'pacman',
    });
    expect(byKind(aws, 'Slice').map(s => s.metadata.name)).toEqual([
      'pacman',
      'leaderboard',
    ]);
    const gw = named(aws, 'SliceGateway', 'pacman-aws-east-gcp-west');
    expect(gw.metadata.namespace).toBe('kubeslice-system');
    expect(gw.status.config).toMatchObject({
      sliceGatewayHostType: 'Server',
      sliceGatewayRemoteClusterId: 'gcp-west',
      sliceGatewaySubnet: '10.1.0.0/20',
      sliceGatewayRemoteSubnet: '10.1.16.0/20',
    });
    expect(gw.status.gatewayPodStatus).toHaveLength(2);
    for (const pod of gw.status.gatewayPodStatus) {
      expect(pod.tunnelStatus.TunnelState).toBe('UP');
      expect(pod.tunnelStatus).not.toHaveProperty('Status');
      expect(named(aws, 'Pod', pod.podName).status.podIP).toBe(pod.podIP);
    }
    const imp = byKind(aws, 'ServiceImport').find(
      s => s.metadata.name === 'mongodb',
    )!;
    expect(imp.status.endpoints.map((e: any) => e.clusterId)).toEqual([
      'aws-east',
      'gcp-west',
      'azure-eu',
    ]);
    expect(imp.spec.dnsName).toBe('mongodb.mongodb.svc.slice.local');
    const exp = byKind(aws, 'ServiceExport').find(
      s => s.metadata.name === 'mongodb',
    )!;
    expect(exp.status).toMatchObject({
      exportStatus: 'READY',
      availableEndpoints: 1,
    });
    expect(
      byKind(worker('edge-nyc'), 'Pod').find(p =>
        p.metadata.name!.startsWith('forwarder-kernel'),
      )!.status.containerStatuses[0].state.waiting.reason,
    ).toBe('CrashLoopBackOff');
    expect(
      byKind(worker('gcp-asia'), 'SliceGateway').every(
        g => g.spec.sliceName === 'payments',
      ),
    ).toBe(true);
  });

  it('derives tunnel latency from distance', () => {
    const eastWest = latency('aws-east', 'pacman-aws-east-gcp-west');
    const eastEu = latency('aws-east', 'pacman-aws-east-azure-eu');
    const westEu = latency('gcp-west', 'pacman-gcp-west-azure-eu');
    const edge = latency('edge-nyc', 'leaderboard-edge-nyc-aws-east');
    expect(edge).toBeLessThan(eastWest);
    expect(eastWest).toBeLessThan(eastEu);
    expect(eastEu).toBeLessThan(westEu);
    const km = greatCircleKm(
      { latitude: 38.95, longitude: -77.45 },
      { latitude: 52.37, longitude: 4.89 },
    );
    expect(km).toBeGreaterThan(6000);
    expect(km).toBeLessThan(6500);
    const base = baseLatencyMs(
      { latitude: 38.95, longitude: -77.45 },
      { latitude: 52.37, longitude: 4.89 },
    );
    expect(eastEu).toBeGreaterThanOrEqual(Math.round(base));
    expect(eastEu).toBeLessThanOrEqual(Math.round(base * 1.05) + 1);
  });

  it('is deterministic for a seed', () => {
    const again = buildFleet(loadScenario('demo'), { seed: 7, now: NOW });
    const gw = (f: BuiltFleet) =>
      named(f.workers[0].objects, 'SliceGateway', 'pacman-aws-east-azure-eu')
        .status;
    expect(gw(again)).toEqual(gw(fleet));
  });
});

describe('ipam', () => {
  it('splits a /16 into /(17+i) cluster blocks', () => {
    expect([2, 4, 16, 32].map(clusterPrefixLength)).toEqual([17, 18, 20, 21]);
    expect(clusterBlock('10.1.0.0/16', 16, 2)).toEqual({
      cidr: '10.1.32.0/20',
      base: expect.any(Number),
      octet: 32,
    });
  });
});
