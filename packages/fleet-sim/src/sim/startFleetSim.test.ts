import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ApiException,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  Watch,
} from '@kubernetes/client-node';
import yaml from 'js-yaml';
import { startFleetSim, type FleetSim } from './startFleetSim';

const GROUP = 'controller.kubeslice.io';
const VERSION = 'v1alpha1';

function clientFor(sim: FleetSim, context: string, token?: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfig);
  kc.setCurrentContext(context);
  if (token !== undefined) {
    const user = kc.getCurrentUser()!;
    (user as { token?: string }).token = token;
  }
  return kc;
}

async function statusCode(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ApiException) return e.code;
    throw e;
  }
  return 200;
}

describe('startFleetSim (demo) with @kubernetes/client-node, TLS verified', () => {
  let sim: FleetSim;
  let kc: KubeConfig;
  let kubeconfigPath: string;

  beforeAll(async () => {
    kubeconfigPath = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-sim-')),
      'nested',
      'kubeconfig',
    );
    sim = await startFleetSim({ port: 0, kubeconfigPath, seed: 3 });
    kc = clientFor(sim, 'hub');
  });

  afterAll(() => sim.close());

  it('writes a kubeconfig with one context per virtual cluster', () => {
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.clusterNames()).toEqual([
      'hub',
      'aws-east',
      'gcp-west',
      'azure-eu',
      'edge-nyc',
      'aws-eu',
      'gcp-asia',
      'azure-us',
    ]);
    const doc = yaml.load(fs.readFileSync(kubeconfigPath, 'utf8')) as any;
    expect(doc['current-context']).toBe('hub');
    expect(doc.contexts.map((c: any) => c.name)).toEqual(sim.clusterNames());
    const hub = doc.clusters.find((c: any) => c.name === 'hub').cluster;
    expect(hub.server).toBe(`${sim.url}/clusters/hub`);
    expect(
      Buffer.from(hub['certificate-authority-data'], 'base64').toString(),
    ).toBe(sim.caPem);
    expect(doc.users[0].user.token).toBe(sim.adminToken);
    expect(kc.getCurrentCluster()?.skipTLSVerify).toBeFalsy();
  });

  it('lists and gets SliceConfigs across namespaces', async () => {
    const api = kc.makeApiClient(CustomObjectsApi);
    const list = await api.listClusterCustomObject({
      group: GROUP,
      version: VERSION,
      plural: 'sliceconfigs',
    });
    expect(list.items.map((i: any) => i.metadata.name).sort()).toEqual([
      'analytics',
      'leaderboard',
      'pacman',
      'payments',
    ]);
    const pacman = await api.getNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: 'kubeslice-arcade',
      plural: 'sliceconfigs',
      name: 'pacman',
    });
    expect(pacman.spec.sliceSubnet).toBe('10.1.0.0/16');
  });

  it('serves core objects on workers', async () => {
    const core = clientFor(sim, 'aws-east').makeApiClient(CoreV1Api);
    const namespaces = await core.listNamespace();
    expect(namespaces.items.map(n => n.metadata?.name)).toEqual(
      expect.arrayContaining(['kubeslice-system', 'pacman', 'mongodb']),
    );
    const created = await core.createNamespace({
      body: { metadata: { name: 'games' } },
    });
    expect(created.metadata?.labels).toEqual({
      'kubernetes.io/metadata.name': 'games',
    });
    expect(created.status?.phase).toBe('Active');
    const pods = await core.listNamespacedPod({
      namespace: 'mongodb',
      labelSelector: 'app=mongodb',
    });
    expect(pods.items).toHaveLength(1);
  });

  it('delivers a watch event after an update', async () => {
    const api = kc.makeApiClient(CustomObjectsApi);
    const current = await api.getNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: 'kubeslice-arcade',
      plural: 'sliceconfigs',
      name: 'leaderboard',
    });
    const received: Array<[string, any]> = [];
    let resolveModified: () => void;
    const modified = new Promise<void>(r => {
      resolveModified = r;
    });
    const watch = new Watch(kc);
    const controller = await watch.watch(
      `/apis/${GROUP}/${VERSION}/namespaces/kubeslice-arcade/sliceconfigs`,
      {
        resourceVersion: current.metadata.resourceVersion,
        allowWatchBookmarks: true,
      },
      (phase, obj) => {
        received.push([phase, obj]);
        if (phase === 'MODIFIED') resolveModified();
      },
      () => undefined,
    );
    await api.replaceNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: 'kubeslice-arcade',
      plural: 'sliceconfigs',
      name: 'leaderboard',
      // maxClusters is immutable (admission); isolation may be toggled.
      body: {
        ...current,
        spec: {
          ...current.spec,
          namespaceIsolationProfile: {
            ...current.spec.namespaceIsolationProfile,
            isolationEnabled: true,
          },
        },
      },
    });
    await modified;
    controller.abort();
    const [phase, obj] = received.find(([p]) => p === 'MODIFIED')!;
    expect(phase).toBe('MODIFIED');
    expect(obj.spec.namespaceIsolationProfile.isolationEnabled).toBe(true);
    expect(obj.metadata.generation).toBe(2);
    expect(Number(obj.metadata.resourceVersion)).toBeGreaterThan(
      Number(current.metadata.resourceVersion),
    );
  });

  it('rejects missing and unknown tokens with 401', async () => {
    const noToken = clientFor(sim, 'hub', '').makeApiClient(CustomObjectsApi);
    expect(
      await statusCode(
        noToken.listClusterCustomObject({
          group: GROUP,
          version: VERSION,
          plural: 'sliceconfigs',
        }),
      ),
    ).toBe(401);
    const wrong = clientFor(sim, 'hub', 'not-a-token').makeApiClient(
      CustomObjectsApi,
    );
    expect(
      await statusCode(
        wrong.listClusterCustomObject({
          group: GROUP,
          version: VERSION,
          plural: 'sliceconfigs',
        }),
      ),
    ).toBe(401);
  });

  it("accepts a worker's dashboard token on that worker only, read-only", async () => {
    const hubCore = kc.makeApiClient(CoreV1Api);
    const secret = await hubCore.readNamespacedSecret({
      namespace: 'kubeslice-arcade',
      name: 'gcp-west-kubernetes-dashboard',
    });
    const token = Buffer.from(secret.data!.token, 'base64').toString();
    expect(Buffer.from(secret.data!['ca.crt'], 'base64').toString()).toBe(
      sim.caPem,
    );
    const onWorker = clientFor(sim, 'gcp-west', token).makeApiClient(CoreV1Api);
    expect((await onWorker.listNamespace()).items.length).toBeGreaterThan(0);
    expect(await statusCode(onWorker.deleteNamespace({ name: 'pacman' }))).toBe(
      403,
    );
    const elsewhere = clientFor(sim, 'aws-east', token).makeApiClient(
      CoreV1Api,
    );
    expect(await statusCode(elsewhere.listNamespace())).toBe(401);
  });

  it('scopes project user tokens to their project namespace', async () => {
    const hubCore = kc.makeApiClient(CoreV1Api);
    const secret = await hubCore.readNamespacedSecret({
      namespace: 'kubeslice-arcade',
      name: 'kubeslice-rbac-ro-viewer',
    });
    const viewer = clientFor(
      sim,
      'hub',
      Buffer.from(secret.data!.token, 'base64').toString(),
    ).makeApiClient(CustomObjectsApi);
    const own = await viewer.listNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: 'kubeslice-arcade',
      plural: 'sliceconfigs',
    });
    expect(own.items).toHaveLength(2);
    expect(
      await statusCode(
        viewer.listNamespacedCustomObject({
          group: GROUP,
          version: VERSION,
          namespace: 'kubeslice-acme',
          plural: 'sliceconfigs',
        }),
      ),
    ).toBe(403);
    expect(
      await statusCode(
        viewer.deleteNamespacedCustomObject({
          group: GROUP,
          version: VERSION,
          namespace: 'kubeslice-arcade',
          plural: 'sliceconfigs',
          name: 'pacman',
        }),
      ),
    ).toBe(403);
  });

  it('refreshes health timestamps and tunnel samples on each status round', async () => {
    const hub = sim.cluster('hub')!;
    const clusters = hub.resourceType('clusters', GROUP);
    const before = hub.store.get(clusters, 'kubeslice-arcade', 'aws-east')!;
    hub.store.mutate(clusters, 'kubeslice-arcade', 'aws-east', o => {
      o.status.clusterHealth.lastUpdated = '2000-01-01T00:00:00Z';
    });
    sim.refreshStatus();
    const after = hub.store.get(clusters, 'kubeslice-arcade', 'aws-east')!;
    expect(after.status.clusterHealth.lastUpdated).not.toBe(
      '2000-01-01T00:00:00Z',
    );
    expect(Number(after.metadata.resourceVersion)).toBeGreaterThan(
      Number(before.metadata.resourceVersion),
    );
    const worker = sim.cluster('aws-east')!;
    const gw = worker.store.get(
      worker.resourceType('slicegateways', 'networking.kubeslice.io'),
      'kubeslice-system',
      'pacman-aws-east-azure-eu',
    )!;
    expect(gw.status.gatewayPodStatus[0].tunnelStatus.TunnelState).toBe('UP');
  });
});

describe('startFleetSim options', () => {
  it('serves plain HTTP with tls: false and rejects bad scenarios', async () => {
    const sim = await startFleetSim({ tls: false, statusIntervalMs: 0 });
    try {
      expect(sim.url).toMatch(/^http:\/\//);
      expect(sim.caPem).toBe('');
      const res = await fetch(`${sim.clusterUrl('hub')}/api/v1/namespaces`, {
        headers: { authorization: `Bearer ${sim.adminToken}` },
      });
      expect(res.status).toBe(200);
    } finally {
      await sim.close();
    }
    await expect(
      startFleetSim({ scenario: 'no-such-scenario' }),
    ).rejects.toThrow(/Unknown scenario/);
  });
});
