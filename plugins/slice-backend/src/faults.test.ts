import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { startFleetSim, type FleetSim } from '@slice-portal/fleet-sim';
import type {
  FleetResponse,
  SliceDetail,
} from '@slice-portal/plugin-slice-common';
import net from 'net';
import request from 'supertest';
import {
  eventually,
  READY_TIMEOUT_MS,
  START_TIMEOUT_MS,
} from './__testUtils__/processes';
import { slicePlugin } from './plugin';
import { tenantAwarePermissions } from './__testUtils__/tenantPermissions';

/**
 * The portal's reaction to the faults real fleets have, end to end: the simulator over
 * HTTPS, the backend's watch layer through client-node, answers read from the API.
 */

const CTRL = 'controller.kubeslice.io';
const NET = 'networking.kubeslice.io';
const ACME_TENANT = 'user:default/ana';
const LONG_AGO = '2000-01-01T00:00:00Z';

describe('the portal under fleet faults', () => {
  let sim: FleetSim;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let hubApi: CustomObjectsApi;

  const get = async <T>(path: string, auth?: string): Promise<T> => {
    const req = request(backend.server).get(`/api/slice${path}`);
    const res = await (auth ? req.set('Authorization', auth) : req);
    expect(res.status).toBe(200);
    return res.body as T;
  };
  const fleet = (auth?: string) => get<FleetResponse>('/v1/fleet', auth);
  const slice = (path: string) => get<SliceDetail>(`/v1/slices/demo/${path}`);
  const clusterNames = (f: FleetResponse) => f.clusters.map(c => c.name).sort();
  const healthy = (f: FleetResponse) =>
    f.hubs[0].sync.state === 'ok' && f.errors.length === 0;

  function workerApi(cluster: string): CustomObjectsApi {
    const kc = new KubeConfig();
    kc.loadFromString(sim.kubeconfig);
    kc.setCurrentContext(cluster);
    return kc.makeApiClient(CustomObjectsApi);
  }

  /** Back-dates a worker's heartbeat on the hub, so a test sees whether the next round refreshes it. */
  function ageHeartbeat(cluster: string, project: string) {
    const hub = sim.cluster('hub')!;
    hub.store.mutate(
      hub.resourceType('clusters', CTRL),
      `kubeslice-${project}`,
      cluster,
      o => {
        o.status.clusterHealth.lastUpdated = LONG_AGO;
      },
    );
  }

  function registerCluster(name: string) {
    return hubApi.createNamespacedCustomObject({
      group: CTRL,
      version: 'v1alpha1',
      namespace: 'kubeslice-acme',
      plural: 'clusters',
      body: {
        apiVersion: `${CTRL}/v1alpha1`,
        kind: 'Cluster',
        metadata: { name, namespace: 'kubeslice-acme' },
        spec: {
          clusterProperty: {
            geoLocation: { cloudProvider: 'aws', cloudRegion: 'us-east-1' },
          },
        },
      },
    });
  }

  function deregisterCluster(name: string) {
    return hubApi.deleteNamespacedCustomObject({
      group: CTRL,
      version: 'v1alpha1',
      namespace: 'kubeslice-acme',
      plural: 'clusters',
      name,
    });
  }

  beforeAll(async () => {
    sim = await startFleetSim({
      scenario: 'demo',
      port: 0,
      seed: 11,
      statusIntervalMs: 1000,
    });
    const kc = new KubeConfig();
    kc.loadFromString(sim.kubeconfig);
    kc.setCurrentContext('hub');
    hubApi = kc.makeApiClient(CustomObjectsApi);
    backend = await startTestBackend({
      features: [
        slicePlugin,
        // acme's tenant sees only acme; everyone else sees everything.
        tenantAwarePermissions(ACME_TENANT),
        mockServices.rootConfig.factory({
          data: {
            slice: {
              hubs: [
                {
                  name: 'demo',
                  url: sim.clusterUrl('hub'),
                  auth: { type: 'serviceAccount', token: sim.adminToken },
                  caData: Buffer.from(sim.caPem).toString('base64'),
                  workers: { credentials: 'dashboardSecret' },
                },
              ],
              tenancy: { projects: { acme: [ACME_TENANT] } },
              watch: {
                reconcileInterval: '1s',
                requestTimeout: '10s',
                backoff: { initial: '100ms', max: '1s' },
              },
            },
          },
        }),
      ],
    });
    await eventually(
      fleet,
      f => healthy(f) && f.clusters.length >= 7,
      READY_TIMEOUT_MS,
    );
  }, START_TIMEOUT_MS);

  afterEach(() => {
    sim.faults.reset();
  });

  afterAll(async () => {
    await backend?.stop();
    await sim?.close();
  });

  it('watch-drop: resumes every watch and misses no change made right after', async () => {
    sim.faults.dropWatches('hub');
    try {
      await registerCluster('dropped-watch');
      // A watch that ends moments after it opened counts as a failure and is retried after a
      // backoff, so the hub may be degraded for a moment; what must hold is that every watch
      // comes back and the change made during the reconnect is there.
      const after = await eventually(
        fleet,
        f => clusterNames(f).includes('dropped-watch') && f.hubs[0].sync.state === 'ok',
      );
      expect(after.hubs[0].sync.lastSyncAt).toEqual(expect.any(String));
    } finally {
      // A cluster left behind would keep every later test from seeing a healthy fleet.
      await deregisterCluster('dropped-watch');
    }
    await eventually(fleet, f => !clusterNames(f).includes('dropped-watch'));
  });

  it('compact: after 410 Gone the backend relists; nothing changed during the gap is lost or left stale', async () => {
    await registerCluster('doomed');
    await eventually(fleet, f => clusterNames(f).includes('doomed'));
    // The clusters watch breaks and cannot come back while the resource answers 503 ...
    sim.faults.apiFault('hub', {
      resource: 'clusters',
      errorRate: 1,
      errorCode: 503,
    });
    sim.faults.dropWatches('hub');
    const during = await eventually(fleet, f =>
      f.errors.some(e => e.source === 'hub/demo/clusters'),
    );
    // ... while every other kind goes on: the hub is degraded, the last clusters still served.
    expect(during.hubs[0].sync.state).toBe('degraded');
    expect(
      during.errors.find(e => e.source === 'hub/demo/clusters'),
    ).toMatchObject({
      state: 'unreachable',
      message: expect.stringMatching(/HTTP 503.*showing data from \d+s ago/),
      lastSyncAt: expect.any(String),
    });
    expect(clusterNames(during)).toContain('doomed');

    // Changes while it is cut off, behind the API fault (the simulator applies them directly).
    sim.faults.clearApiFault('hub', { resource: 'clusters' });
    sim.faults.apiFault('hub', {
      resource: 'clusters',
      errorRate: 1,
      errorCode: 503,
    });
    const hub = sim.cluster('hub')!;
    const clusters = hub.resourceType('clusters', CTRL);
    hub.store.delete(clusters, 'kubeslice-acme', 'doomed');
    hub.store.mutate(clusters, 'kubeslice-acme', 'azure-us', o => {
      o.spec.clusterProperty.geoLocation.cloudRegion = 'westus3';
    });
    sim.faults.compact('hub');
    sim.faults.clearApiFault('hub', { resource: 'clusters' });

    const after = await eventually(
      fleet,
      f =>
        healthy(f) &&
        !clusterNames(f).includes('doomed') &&
        f.clusters.find(c => c.name === 'azure-us')?.geo.cloudRegion ===
          'westus3',
    );
    expect(clusterNames(after)).toEqual(
      clusterNames(during).filter(n => n !== 'doomed'),
    );
  });

  it('api --resource: one failing hub kind degrades the hub, the rest is served, then it recovers', async () => {
    sim.faults.apiFault('hub', {
      resource: 'workerslicegateways',
      errorRate: 1,
      errorCode: 500,
    });
    sim.faults.dropWatches('hub');
    const during = await eventually(fleet, f =>
      f.errors.some(e => e.source === 'hub/demo/workerslicegateways'),
    );
    expect(during.hubs[0].sync).toMatchObject({
      state: 'degraded',
      message: expect.stringContaining('HTTP 500'),
    });
    expect(during.errors.map(e => e.source)).toEqual([
      'hub/demo/workerslicegateways',
    ]);
    expect(during.slices).toHaveLength(4);
    sim.faults.clearApiFault('hub', { resource: 'workerslicegateways' });
    await eventually(fleet, healthy);
  });

  it('operator-down: the worker API answers but its statuses freeze; an export shows pending until operator-up', async () => {
    sim.faults.operatorDown('aws-east');
    await workerApi('aws-east').createNamespacedCustomObject({
      group: NET,
      version: 'v1beta1',
      namespace: 'pacman',
      plural: 'serviceexports',
      body: {
        apiVersion: `${NET}/v1beta1`,
        kind: 'ServiceExport',
        metadata: { name: 'frozen', namespace: 'pacman' },
        spec: {
          slice: 'pacman',
          selector: { matchLabels: { app: 'frozen' } },
          ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        },
      },
    });
    ageHeartbeat('aws-east', 'arcade');
    // The portal sees the new export through the worker's watch, with no status yet ...
    const pending = await eventually(
      () => slice('arcade/pacman'),
      s => s.services.some(svc => svc.name === 'frozen'),
    );
    expect(pending.services.find(svc => svc.name === 'frozen')).toMatchObject({
      exportedFrom: [],
      exports: [
        expect.objectContaining({ cluster: 'aws-east', status: 'PENDING' }),
      ],
    });
    // ... and the heartbeat that no longer refreshes makes the cluster's health unknown.
    const stale = await eventually(fleet, f =>
      (f.clusters.find(c => c.name === 'aws-east')?.health.reasons ?? []).some(
        r => r.includes('status older than 5 min'),
      ),
    );
    expect(stale.hubs[0].sync.state).toBe('ok');

    sim.faults.operatorUp('aws-east');
    const ready = await eventually(
      () => slice('arcade/pacman'),
      s =>
        JSON.stringify(s.services.find(svc => svc.name === 'frozen')).includes(
          'READY',
        ),
    );
    expect(ready.services.find(svc => svc.name === 'frozen')).toBeDefined();
    await eventually(
      fleet,
      f =>
        !(
          f.clusters.find(c => c.name === 'aws-east')?.health.reasons ?? []
        ).some(r => r.includes('older than 5 min')),
    );
    await workerApi('aws-east').deleteNamespacedCustomObject({
      group: NET,
      version: 'v1beta1',
      namespace: 'pacman',
      plural: 'serviceexports',
      name: 'frozen',
    });
  }, 120_000);

  it('partition: both APIs answer but the worker’s status on the hub stops refreshing until heal', async () => {
    sim.faults.partition('gcp-west');
    ageHeartbeat('gcp-west', 'arcade');
    ageHeartbeat('aws-east', 'arcade');
    const during = await eventually(fleet, f => {
      const reasons = (name: string) =>
        f.clusters.find(c => c.name === name)?.health.reasons ?? [];
      return (
        reasons('gcp-west').some(r => r.includes('older than 5 min')) &&
        !reasons('aws-east').some(r => r.includes('older than 5 min'))
      );
    });
    // The portal itself reaches both: no source error, only the stale status.
    expect(during.errors).toEqual([]);
    sim.faults.heal('gcp-west');
    await eventually(
      fleet,
      f =>
        !(
          f.clusters.find(c => c.name === 'gcp-west')?.health.reasons ?? []
        ).some(r => r.includes('older than 5 min')),
    );
  });

  it('never sends a worker token to a URL a tenant published outside the allowed hosts', async () => {
    // A "worker" on another loopback address that counts every connection attempt.
    let connections = 0;
    const trap = net.createServer(socket => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>(resolve => trap.listen(0, '127.0.0.2', resolve));
    const { port } = trap.address() as net.AddressInfo;
    const path =
      '/spec/clusterProperty/monitoring/kubernetesDashboard/endpoint';
    const patch = (value: string) =>
      hubApi.patchNamespacedCustomObject({
        group: CTRL,
        version: 'v1alpha1',
        namespace: 'kubeslice-acme',
        plural: 'clusters',
        name: 'azure-us',
        body: [{ op: 'replace', path, value }],
      });
    const original = sim
      .cluster('hub')!
      .store.get(
        sim.cluster('hub')!.resourceType('clusters', CTRL),
        'kubeslice-acme',
        'azure-us',
      )!.spec.clusterProperty.monitoring.kubernetesDashboard.endpoint;
    try {
      await patch(`https://127.0.0.2:${port}/clusters/azure-us`);
      const refused = await eventually(fleet, f =>
        f.errors.some(
          e =>
            e.source === 'worker/demo/acme/azure-us' &&
            /allowedHosts/.test(e.message),
        ),
      );
      expect(
        refused.errors.find(e => e.source === 'worker/demo/acme/azure-us')
          ?.message,
      ).toMatch(
        /cluster azure-us: not connecting, worker URL host 127\.0\.0\.2 is not in slice\.hubs\[0\]\.workers\.allowedHosts/,
      );
      // Several reconciles later, still not one connection attempt.
      await new Promise(r => setTimeout(r, 2_500));
      expect(connections).toBe(0);
    } finally {
      await patch(original);
      trap.close();
    }
    await eventually(fleet, healthy);
  });

  it('never shows one tenant another project’s worker errors', async () => {
    sim.faults.clusterDown('azure-eu'); // arcade's worker
    const platform = await eventually(fleet, f =>
      f.errors.some(e => e.source === 'worker/demo/arcade/azure-eu'),
    );
    expect(platform.errors.length).toBeGreaterThan(0);
    const tenant = await fleet(mockCredentials.user.header(ACME_TENANT));
    const text = JSON.stringify(tenant);
    expect(text).not.toContain('azure-eu');
    expect(text).not.toContain('arcade');
    sim.faults.clusterUp('azure-eu');
    await eventually(fleet, healthy, 60_000);
  }, 90_000);
});
