import type { KubeObject } from '../api/types';
import type { ScenarioSpec } from '../scenario/types';
import { startFleetSim, type FleetSim } from '../sim/startFleetSim';

/**
 * The controller and worker emulation, driven only through the Kubernetes
 * API (as a user or kubectl would): projects, cluster registration, slices,
 * onboarding, export → import, membership changes, faults and deletion.
 */

const C = 'controller.kubeslice.io/v1alpha1';
const W = 'worker.kubeslice.io/v1alpha1';
const N = 'networking.kubeslice.io/v1beta1';
const NS = 'kubeslice-lab';
const SYS = 'kubeslice-system';

const LAB: ScenarioSpec = {
  name: 'lab',
  hub: { name: 'hub' },
  projects: [
    {
      name: 'lab',
      serviceAccount: { readOnly: ['watcher'], readWrite: ['builder'] },
      clusters: [
        {
          name: 'c1',
          cloudProvider: 'aws',
          cloudRegion: 'us-east-1',
          latitude: 38.95,
          longitude: -77.45,
        },
        {
          name: 'c2',
          cloudProvider: 'gcp',
          cloudRegion: 'us-west1',
          latitude: 45.6,
          longitude: -121.18,
        },
        {
          name: 'c3',
          cloudProvider: 'azure',
          cloudRegion: 'westeurope',
          latitude: 52.37,
          longitude: 4.89,
        },
      ],
      slices: [],
    },
  ],
};

describe('controller and worker emulation', () => {
  let sim: FleetSim;

  async function call(
    cluster: string,
    method: string,
    path: string,
    body?: unknown,
    token = sim.adminToken,
    contentType = 'application/json',
  ) {
    const res = await fetch(`${sim.clusterUrl(cluster)}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': contentType } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  const hubPath = (plural: string, group = C, ns = NS) =>
    `/apis/${group}/namespaces/${ns}/${plural}`;

  async function create(cluster: string, path: string, obj: KubeObject) {
    const res = await call(cluster, 'POST', path, obj);
    expect([res.status, res.body.message]).toEqual([201, undefined]);
    return res.body;
  }

  async function list(cluster: string, path: string): Promise<any[]> {
    const res = await call(cluster, 'GET', path);
    expect(res.status).toBe(200);
    return res.body.items;
  }

  function store(cluster: string, plural: string, group = '') {
    const vc = sim.cluster(cluster)!;
    const rt = vc.resourceType(plural, group);
    return {
      get: (ns: string | undefined, name: string) => vc.store.get(rt, ns, name),
      list: (ns?: string) => vc.store.list(rt, ns),
    };
  }

  const events = (cluster: string, title: string, ns?: string) =>
    store(cluster, 'events')
      .list(ns)
      .filter(e => e.metadata.labels?.eventTitle === title);

  const slice = (
    name: string,
    clusters: string[],
    namespaces: Array<{ namespace: string; clusters: string[] }> = [],
  ): KubeObject => ({
    apiVersion: C,
    kind: 'SliceConfig',
    metadata: { name, namespace: NS },
    spec: {
      sliceSubnet: '10.5.0.0/16',
      maxClusters: 16,
      clusters,
      sliceGatewayProvider: {
        sliceGatewayType: 'OpenVPN',
        sliceCaType: 'Local',
      },
      standardQosProfileName: 'default',
      namespaceIsolationProfile: { applicationNamespaces: namespaces },
    },
  });

  beforeAll(async () => {
    sim = await startFleetSim({
      scenario: LAB,
      tls: false,
      statusIntervalMs: 0,
      seed: 3,
    });
  });
  afterAll(() => sim.close());

  it('Project → namespace, roles, user accounts with working tokens, default QoS, events', async () => {
    await create('hub', hubPath('projects', C, 'kubeslice-controller'), {
      apiVersion: C,
      kind: 'Project',
      metadata: { name: 'newco', namespace: 'kubeslice-controller' },
      spec: { serviceAccount: { readOnly: ['Ann'], readWrite: ['bob'] } },
    });
    await sim.settle();
    const ns = store('hub', 'namespaces').get(undefined, 'kubeslice-newco')!;
    expect(ns.metadata.labels).toMatchObject({
      'kubeslice-resource-owner': 'kubeslice-controller',
      'kubeslice-controller-resource-name': 'Project-kubeslice-newco',
    });
    const project = store('hub', 'projects', 'controller.kubeslice.io').get(
      'kubeslice-controller',
      'newco',
    )!;
    expect(project.metadata.labels?.['kubeslice-project-namespace']).toBe(
      'kubeslice-newco',
    );
    const roles = await list(
      'hub',
      '/apis/rbac.authorization.k8s.io/v1/namespaces/kubeslice-newco/roles',
    );
    expect(roles.map(r => r.metadata.name)).toEqual([
      'kubeslice-read-only',
      'kubeslice-read-write',
      'kubeslice-worker-cluster',
    ]);
    const secrets = store('hub', 'secrets').list('kubeslice-newco');
    const ro = secrets.find(s => s.metadata.name === 'kubeslice-rbac-ro-ann')!;
    const rw = secrets.find(s => s.metadata.name === 'kubeslice-rbac-rw-bob')!;
    expect(ro.type).toBe('kubernetes.io/service-account-token');
    expect(ro.metadata.annotations).toMatchObject({
      'controller.kubeslice.io/access-type': 'read-only',
    });
    expect(
      store('hub', 'serviceaccounts').get(
        'kubeslice-newco',
        'kubeslice-rbac-rw-bob',
      ),
    ).toBeDefined();
    const qos = store('hub', 'sliceqosconfigs', 'controller.kubeslice.io').get(
      'kubeslice-newco',
      'default',
    )!;
    expect(qos.spec).toMatchObject({
      queueType: 'HTB',
      priority: 0,
      tcType: 'BANDWIDTH_CONTROL',
      bandwidthCeilingKbps: 10000000,
      bandwidthGuaranteedKbps: 1000000,
      dscpClass: 'AF11',
    });
    expect(
      events('hub', 'DefaultSliceQoSConfigCreated', 'kubeslice-newco'),
    ).toHaveLength(1);
    expect(
      events('hub', 'NamespaceCreated', 'kubeslice-controller').filter(
        e => (e as any).involvedObject?.name === 'newco',
      ),
    ).toHaveLength(1);

    // The tokens work against the hub with the project roles.
    const token = (s: any) => Buffer.from(s.data.token, 'base64').toString();
    const slices = hubPath('sliceconfigs', C, 'kubeslice-newco');
    expect(
      (await call('hub', 'GET', slices, undefined, token(ro))).status,
    ).toBe(200);
    expect(
      (await call('hub', 'GET', hubPath('sliceconfigs'), undefined, token(ro)))
        .status,
    ).toBe(403);
    const qosBody = {
      apiVersion: C,
      kind: 'SliceQoSConfig',
      metadata: { name: 'silver', namespace: 'kubeslice-newco' },
      spec: { ...qos.spec },
    };
    const qosPath = hubPath('sliceqosconfigs', C, 'kubeslice-newco');
    expect(
      (await call('hub', 'POST', qosPath, qosBody, token(ro))).status,
    ).toBe(403);
    expect(
      (await call('hub', 'POST', qosPath, qosBody, token(rw))).status,
    ).toBe(201);

    // A user removed from the project loses account and token.
    const patched = await call(
      'hub',
      'PATCH',
      `${hubPath('projects', C, 'kubeslice-controller')}/newco`,
      { spec: { serviceAccount: { readOnly: [] } } },
      sim.adminToken,
      'application/merge-patch+json',
    );
    expect(patched.status).toBe(200);
    await sim.settle();
    expect(
      store('hub', 'secrets').get('kubeslice-newco', 'kubeslice-rbac-ro-ann'),
    ).toBeUndefined();
    expect(
      (await call('hub', 'GET', slices, undefined, token(ro))).status,
    ).toBe(401);
  });

  it('Cluster → finalizer, worker account and token Secret, status.secretName; deletion deregisters', async () => {
    await create('hub', hubPath('clusters'), {
      apiVersion: C,
      kind: 'Cluster',
      metadata: { name: 'c9', namespace: NS },
      spec: { networkInterface: 'eth0' },
    });
    await sim.settle();
    const clusters = store('hub', 'clusters', 'controller.kubeslice.io');
    const c9 = clusters.get(NS, 'c9')!;
    expect(c9.metadata.finalizers).toEqual([
      'controller.kubeslice.io/cluster-finalizer',
    ]);
    expect(c9.status?.secretName).toBe('kubeslice-rbac-worker-c9');
    const secret = store('hub', 'secrets').get(NS, 'kubeslice-rbac-worker-c9')!;
    const data = Object.fromEntries(
      Object.entries(secret.data as Record<string, string>).map(([k, v]) => [
        k,
        Buffer.from(v, 'base64').toString(),
      ]),
    );
    expect(Object.keys(data).sort()).toEqual([
      'ca.crt',
      'clusterName',
      'controllerEndpoint',
      'namespace',
      'token',
    ]);
    expect(data.clusterName).toBe('c9');
    expect(data.controllerEndpoint).toBe(sim.clusterUrl('hub'));
    const rb = store('hub', 'rolebindings', 'rbac.authorization.k8s.io').get(
      NS,
      'kubeslice-rbac-worker-c9',
    )!;
    expect((rb as any).roleRef.name).toBe('kubeslice-worker-cluster');
    // The worker token may write ServiceExportConfigs but not SliceConfigs.
    expect(
      (
        await call(
          'hub',
          'GET',
          hubPath('serviceexportconfigs'),
          undefined,
          data.token,
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await call(
          'hub',
          'POST',
          hubPath('sliceconfigs'),
          slice('x', ['c1', 'c2']),
          data.token,
        )
      ).status,
    ).toBe(403);

    const del = await call('hub', 'DELETE', `${hubPath('clusters')}/c9`);
    expect(del.status).toBe(200);
    expect(del.body.metadata.deletionTimestamp).toBeDefined();
    await sim.settle();
    expect(clusters.get(NS, 'c9')).toBeUndefined();
    expect(
      store('hub', 'secrets').get(NS, 'kubeslice-rbac-worker-c9'),
    ).toBeUndefined();
    expect(
      (
        await call(
          'hub',
          'GET',
          hubPath('serviceexportconfigs'),
          undefined,
          data.token,
        )
      ).status,
    ).toBe(401);
  });

  it('SliceConfig → WorkerSliceConfigs, full-mesh gateways with Secrets, VpnKeyRotation; workers build Slice, SliceGateways and onboard', async () => {
    await create(
      'hub',
      hubPath('sliceconfigs'),
      slice(
        'shop',
        ['c1', 'c2', 'c3'],
        [{ namespace: 'store', clusters: ['*'] }],
      ),
    );
    await sim.settle();
    const wscs = await list('hub', hubPath('workersliceconfigs', W));
    expect(
      wscs.map(w => [
        w.metadata.name,
        w.spec.clusterSubnetCIDR,
        w.spec.octet,
        w.spec.ipamClusterOctet,
      ]),
    ).toEqual([
      ['shop-c1', '10.5.0.0/20', 0, 0],
      ['shop-c2', '10.5.16.0/20', 16, 1],
      ['shop-c3', '10.5.32.0/20', 32, 2],
    ]);
    expect(wscs[1].metadata.labels).toEqual({
      'worker-cluster': 'c2',
      'original-slice-name': 'shop',
      'project-namespace': NS,
      'kubeslice-manager': 'controller',
      'standard-qos-profile': 'default',
    });
    expect(wscs[0].spec.qosProfileDetails.dscpClass).toBe('AF11');
    expect(
      wscs[0].spec.namespaceIsolationProfile.applicationNamespaces,
    ).toEqual(['store']);

    const gws = await list('hub', hubPath('workerslicegateways', W));
    expect(
      gws.map(g => [
        g.metadata.name,
        g.spec.gatewayHostType,
        g.spec.gatewayNumber,
      ]),
    ).toEqual([
      ['shop-c1-c2', 'Server', 1],
      ['shop-c1-c3', 'Server', 2],
      ['shop-c2-c1', 'Client', 1],
      ['shop-c2-c3', 'Server', 3],
      ['shop-c3-c1', 'Client', 2],
      ['shop-c3-c2', 'Client', 3],
    ]);
    expect(gws[0].metadata.labels).toMatchObject({
      'worker-cluster': 'c1',
      'remote-cluster': 'c2',
      'original-slice-name': 'shop',
    });
    expect(gws[0].spec.localGatewayConfig.vpnIp).toBe('10.5.255.1');
    expect(gws[2].spec.localGatewayConfig.vpnIp).toBe('10.5.255.2');
    for (const g of gws)
      expect(
        store('hub', 'secrets').get(NS, g.metadata.name)?.data,
      ).toBeDefined();
    const vkr = store('hub', 'vpnkeyrotations', 'controller.kubeslice.io').get(
      NS,
      'shop',
    )!;
    expect(vkr.spec.clusters).toEqual(['c1', 'c2', 'c3']);
    expect(vkr.spec.clusterGatewayMapping.c2).toEqual([
      'shop-c2-c1',
      'shop-c2-c3',
    ]);
    expect(Object.keys(vkr.status.currentRotationState)).toHaveLength(6);
    expect(events('hub', 'WorkerSliceConfigCreated', NS)).toHaveLength(3);
    expect(events('hub', 'WorkerSliceGatewayCreated', NS)).toHaveLength(6);
    expect(events('hub', 'VPNKeyRotationConfigCreated', NS)).toHaveLength(1);

    // Workers: Slice, two SliceGateways with two pods each, tunnels UP (no Status field).
    const c2Slice = store('c2', 'slices', 'networking.kubeslice.io').get(
      SYS,
      'shop',
    )!;
    expect(c2Slice.status.sliceConfig.clusterSubnetCIDR).toBe('10.5.16.0/20');
    const c2Gws = store('c2', 'slicegateways', 'networking.kubeslice.io').list(
      SYS,
    );
    expect(c2Gws.map(g => g.metadata.name)).toEqual([
      'shop-c2-c1',
      'shop-c2-c3',
    ]);
    for (const g of c2Gws) {
      expect(g.status.gatewayPodStatus).toHaveLength(2);
      for (const p of g.status.gatewayPodStatus) {
        expect(p.tunnelStatus.TunnelState).toBe('UP');
        expect(p.tunnelStatus.Status).toBeUndefined();
        expect(store('c2', 'pods').get(SYS, p.podName)?.status.phase).toBe(
          'Running',
        );
      }
    }
    expect(c2Gws[0].status.config.sliceGatewayRemoteClusterId).toBe('c1');
    expect(c2Gws[0].status.config.sliceGatewayHostType).toBe('Client');

    // Onboarding: namespace created and labelled, reported on the hub.
    const wsc = store('hub', 'workersliceconfigs', 'worker.kubeslice.io').get(
      NS,
      'shop-c3',
    )!;
    expect(wsc.status.onboardedAppNamespaces).toEqual([{ name: 'store' }]);
    expect(
      wsc.status.sliceHealth.componentStatuses.map((c: any) => c.component),
    ).toEqual(['dns', 'slice-gateway', 'slice-router', 'gateway-tunnel']);
    expect(wsc.status.sliceHealth.sliceHealthStatus).toBe('Normal');
    expect(
      store('c3', 'namespaces').get(undefined, 'store')!.metadata.labels,
    ).toMatchObject({
      'kubeslice.io/slice': 'shop',
    });
    const c3 = store('hub', 'clusters', 'controller.kubeslice.io').get(
      NS,
      'c3',
    )!;
    expect(c3.status.namespaces).toContainEqual({
      name: 'store',
      sliceName: 'shop',
    });
    expect(events('c3', 'UpdatedNamespaceInfoToHub', SYS)).toHaveLength(1);
  });

  it('ServiceExport → PENDING until onboarded, then READY, ServiceExportConfig, WorkerServiceImports and ServiceImports on every member', async () => {
    // A pod of the app on c1, then an export of it.
    await create('c1', '/api/v1/namespaces/store/pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'cart-1', namespace: 'store', labels: { app: 'cart' } },
      spec: { containers: [{ name: 'cart', image: 'cart:1' }] },
    });
    const exportPath = `/apis/networking.kubeslice.io/v1beta1/namespaces/store/serviceexports`;
    await create('c1', exportPath, {
      apiVersion: N,
      kind: 'ServiceExport',
      metadata: { name: 'cart', namespace: 'store' },
      spec: {
        slice: 'shop',
        selector: { matchLabels: { app: 'cart' } },
        ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
      },
    });
    await sim.settle();
    const se = store('c1', 'serviceexports', 'networking.kubeslice.io').get(
      'store',
      'cart',
    )!;
    expect(se.status).toMatchObject({
      exportStatus: 'READY',
      dnsName: 'cart.store.svc.slice.local',
      availableEndpoints: 1,
    });
    const nsmIp = se.status.pods[0].nsmIp;
    expect(nsmIp).toMatch(/^10\.5\.\d+\.\d+$/);
    const sec = store(
      'hub',
      'serviceexportconfigs',
      'controller.kubeslice.io',
    ).get(NS, 'cart-store-c1')!;
    expect(sec.metadata.labels).toEqual({
      'original-slice-name': 'shop',
      'worker-cluster': 'c1',
      'service-name': 'cart',
      'service-namespace': 'store',
    });
    const wsis = await list('hub', hubPath('workerserviceimports', W));
    expect(wsis.map(w => w.metadata.name)).toEqual([
      'cart-store-shop-c1',
      'cart-store-shop-c2',
      'cart-store-shop-c3',
    ]);
    expect(wsis[2].spec.sourceClusters).toEqual(['c1']);
    for (const c of ['c1', 'c2', 'c3']) {
      const imp = store(c, 'serviceimports', 'networking.kubeslice.io').get(
        'store',
        'cart',
      )!;
      expect(imp.spec.dnsName).toBe('cart.store.svc.slice.local');
      expect(imp.status.importStatus).toBe('READY');
      expect(imp.status.endpoints).toEqual([
        expect.objectContaining({ clusterId: 'c1', ip: nsmIp, port: 8080 }),
      ]);
    }

    // A second exporter merges into every import.
    await create('c3', '/api/v1/namespaces/store/pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'cart-3', namespace: 'store', labels: { app: 'cart' } },
      spec: { containers: [{ name: 'cart', image: 'cart:1' }] },
    });
    await create('c3', exportPath, {
      ...se,
      metadata: { name: 'cart', namespace: 'store' },
      status: undefined,
    });
    await sim.settle();
    const merged = store(
      'hub',
      'workerserviceimports',
      'worker.kubeslice.io',
    ).get(NS, 'cart-store-shop-c2')!;
    expect(merged.spec.sourceClusters).toEqual(['c1', 'c3']);
    expect(
      store('c2', 'serviceimports', 'networking.kubeslice.io')
        .get('store', 'cart')!
        .status.endpoints.map((e: any) => e.clusterId),
    ).toEqual(['c1', 'c3']);

    // An export in a namespace that is not onboarded stays PENDING and reaches no hub.
    await create('c2', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'later' },
    });
    await create(
      'c2',
      `/apis/networking.kubeslice.io/v1beta1/namespaces/later/serviceexports`,
      {
        apiVersion: N,
        kind: 'ServiceExport',
        metadata: { name: 'queue', namespace: 'later' },
        spec: {
          slice: 'shop',
          selector: { matchLabels: { app: 'queue' } },
          ports: [{ name: 'tcp', containerPort: 5672 }],
        },
      },
    );
    await sim.settle();
    expect(
      store('c2', 'serviceexports', 'networking.kubeslice.io').get(
        'later',
        'queue',
      )!.status.exportStatus,
    ).toBe('PENDING');
    expect(
      store('hub', 'serviceexportconfigs', 'controller.kubeslice.io').get(
        NS,
        'queue-later-c2',
      ),
    ).toBeUndefined();
  });

  it('cluster down → its tunnels DOWN and its endpoints leave imports; recover', async () => {
    sim.faults.clusterDown('c1');
    const gw = store('c2', 'slicegateways', 'networking.kubeslice.io').get(
      SYS,
      'shop-c2-c1',
    )!;
    expect(
      gw.status.gatewayPodStatus.map((p: any) => p.tunnelStatus.TunnelState),
    ).toEqual(['DOWN', 'DOWN']);
    const imp = () =>
      store('c2', 'serviceimports', 'networking.kubeslice.io').get(
        'store',
        'cart',
      )!;
    expect(imp().status.endpoints.map((e: any) => e.clusterId)).toEqual(['c3']);
    const health = store(
      'hub',
      'workersliceconfigs',
      'worker.kubeslice.io',
    ).get(NS, 'shop-c2')!.status.sliceHealth;
    expect(
      health.componentStatuses.find(
        (c: any) => c.component === 'gateway-tunnel',
      ).componentHealthStatus,
    ).toBe('Warning');
    sim.faults.clusterUp('c1');
    await sim.settle();
    expect(imp().status.endpoints.map((e: any) => e.clusterId)).toEqual([
      'c1',
      'c3',
    ]);
    expect(
      store('c2', 'slicegateways', 'networking.kubeslice.io')
        .get(SYS, 'shop-c2-c1')!
        .status.gatewayPodStatus.map((p: any) => p.tunnelStatus.TunnelState),
    ).toEqual(['UP', 'UP']);
  });

  it('membership changes update WorkerSliceConfigs, gateways, VpnKeyRotation and imports', async () => {
    const path = `${hubPath('sliceconfigs')}/shop`;
    const patch = (clusters: string[]) =>
      call(
        'hub',
        'PATCH',
        path,
        { spec: { clusters } },
        sim.adminToken,
        'application/merge-patch+json',
      );
    // c3 exports cart: stop that first (the export would otherwise point at a non-member).
    expect(
      (
        await call(
          'c3',
          'DELETE',
          '/apis/networking.kubeslice.io/v1beta1/namespaces/store/serviceexports/cart',
        )
      ).status,
    ).toBe(200);
    expect((await patch(['c1', 'c2'])).status).toBe(200);
    await sim.settle();
    const names = async (plural: string) =>
      (await list('hub', hubPath(plural, W))).map(o => o.metadata.name);
    expect(await names('workersliceconfigs')).toEqual(['shop-c1', 'shop-c2']);
    expect(await names('workerslicegateways')).toEqual([
      'shop-c1-c2',
      'shop-c2-c1',
    ]);
    expect(await names('workerserviceimports')).toEqual([
      'cart-store-shop-c1',
      'cart-store-shop-c2',
    ]);
    expect(store('hub', 'secrets').get(NS, 'shop-c1-c3')).toBeUndefined();
    expect(
      store('hub', 'vpnkeyrotations', 'controller.kubeslice.io').get(
        NS,
        'shop',
      )!.spec.clusters,
    ).toEqual(['c1', 'c2']);
    expect(
      store('c3', 'slices', 'networking.kubeslice.io').get(SYS, 'shop'),
    ).toBeUndefined();
    expect(
      store('c3', 'slicegateways', 'networking.kubeslice.io').list(SYS),
    ).toEqual([]);
    expect(
      store('c3', 'namespaces').get(undefined, 'store')!.metadata.labels?.[
        'kubeslice.io/slice'
      ],
    ).toBeUndefined();

    // c3 back: it gets a free block again and new gateway pairs numbered after the existing ones.
    expect((await patch(['c1', 'c2', 'c3'])).status).toBe(200);
    await sim.settle();
    const wsc3 = store('hub', 'workersliceconfigs', 'worker.kubeslice.io').get(
      NS,
      'shop-c3',
    )!;
    expect(wsc3.spec.clusterSubnetCIDR).toBe('10.5.32.0/20');
    expect(
      store('hub', 'workerslicegateways', 'worker.kubeslice.io').get(
        NS,
        'shop-c1-c3',
      )!.spec.gatewayNumber,
    ).toBeGreaterThan(1);
    expect(
      store('c3', 'serviceimports', 'networking.kubeslice.io').get(
        'store',
        'cart',
      )!.status.endpoints,
    ).toHaveLength(1);
  });

  it('offboarding, then SliceConfig deletion (blocked while exports or namespaces remain) cleans up', async () => {
    const path = `${hubPath('sliceconfigs')}/shop`;
    const blocked = await call('hub', 'DELETE', path);
    expect(blocked.status).toBe(422);
    expect(blocked.body.message).toMatch(/service exports|deboard/);
    expect(
      (
        await call(
          'c1',
          'DELETE',
          '/apis/networking.kubeslice.io/v1beta1/namespaces/store/serviceexports/cart',
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await call(
          'c2',
          'DELETE',
          '/apis/networking.kubeslice.io/v1beta1/namespaces/later/serviceexports/queue',
        )
      ).status,
    ).toBe(200);
    await sim.settle();
    expect(
      store('hub', 'workerserviceimports', 'worker.kubeslice.io').list(NS),
    ).toEqual([]);
    expect(
      store('c2', 'serviceimports', 'networking.kubeslice.io').get(
        'store',
        'cart',
      ),
    ).toBeUndefined();

    const off = await call(
      'hub',
      'PATCH',
      path,
      { spec: { namespaceIsolationProfile: { applicationNamespaces: [] } } },
      sim.adminToken,
      'application/merge-patch+json',
    );
    expect(off.status).toBe(200);
    await sim.settle();
    const wsc = store('hub', 'workersliceconfigs', 'worker.kubeslice.io').get(
      NS,
      'shop-c1',
    )!;
    expect(wsc.status.onboardedAppNamespaces).toEqual([]);
    expect(
      store('c1', 'namespaces').get(undefined, 'store')!.metadata.labels?.[
        'kubeslice.io/slice'
      ],
    ).toBeUndefined();
    const c1 = store('hub', 'clusters', 'controller.kubeslice.io').get(
      NS,
      'c1',
    )!;
    expect(c1.status.namespaces).toContainEqual({ name: 'store' });
    expect(events('c1', 'DeleteNamespaceInfoToHub', SYS)).toHaveLength(1);

    expect((await call('hub', 'DELETE', path)).status).toBe(200);
    await sim.settle();
    for (const plural of ['workersliceconfigs', 'workerslicegateways'])
      expect(await list('hub', hubPath(plural, W))).toEqual([]);
    expect(
      store('hub', 'vpnkeyrotations', 'controller.kubeslice.io').get(
        NS,
        'shop',
      ),
    ).toBeUndefined();
    expect(store('hub', 'secrets').get(NS, 'shop-c1-c2')).toBeUndefined();
    expect(store('c1', 'slices', 'networking.kubeslice.io').list(SYS)).toEqual(
      [],
    );
    expect(
      store('c1', 'pods')
        .list(SYS)
        .filter(p => p.metadata.labels?.['kubeslice.io/slice-gw']),
    ).toEqual([]);
    expect(events('hub', 'SliceConfigDeleted', NS)).toHaveLength(1);
  });
});
