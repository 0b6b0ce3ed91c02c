import {
  createServiceFactory,
  coreServices,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { startFleetSim, type FleetSim } from '@slice-portal/fleet-sim';
import {
  sliceApiSpec as spec,
  type ClusterDetail,
  type FleetResponse,
  type SliceDetail,
  type SliceTopology,
} from '@slice-portal/plugin-slice-common';
import Ajv from 'ajv';
import request from 'supertest';
import {
  eventually,
  READY_TIMEOUT_MS,
  START_TIMEOUT_MS,
} from './__testUtils__/processes';
import { slicePlugin } from './plugin';
import { tenantAwarePermissions as tenantAwarePermissionsFor } from './__testUtils__/tenantPermissions';
import { SAMPLER_TASK_ID } from './latency';

const TENANT = 'user:default/alice';

const tenantAwarePermissions = tenantAwarePermissionsFor(TENANT);

describe('read API against the fleet simulator (hub and workers over HTTPS)', () => {
  let sim: FleetSim;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let server: any;
  // Tasks run when the test triggers them, so sampling is deterministic.
  const scheduler = mockServices.scheduler();
  const asTenant = () => mockCredentials.user.header(TENANT);

  const get = (path: string, auth?: string) => {
    const req = request(server).get(`/api/slice${path}`);
    return auth ? req.set('Authorization', auth) : req;
  };
  const fleet = async (auth?: string) =>
    (await get('/v1/fleet', auth).expect(200)).body as FleetResponse;
  const slice = async (path: string) =>
    (await get(`/v1/slices/demo/${path}`).expect(200)).body as SliceDetail;

  beforeAll(async () => {
    sim = await startFleetSim({
      scenario: 'demo',
      port: 0,
      seed: 7,
      statusIntervalMs: 1000,
    });
    backend = await startTestBackend({
      features: [
        slicePlugin,
        tenantAwarePermissions,
        createServiceFactory({
          service: coreServices.scheduler,
          deps: {},
          factory: () => scheduler,
        }),
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
              tenancy: {
                platformGroups: ['group:default/platform-team'],
                projects: { acme: [TENANT] },
              },
              latency: { sampling: { interval: '1s' } },
            },
          },
        }),
      ],
    });
    server = backend.server;
    // Hub synced and every worker connected through its dashboard secret.
    await eventually(
      () => fleet(),
      f =>
        f.hubs[0]?.sync.state === 'ok' &&
        f.errors.length === 0 &&
        f.clusters.length === 7,
      READY_TIMEOUT_MS,
    );
    await eventually(
      () => slice('arcade/pacman'),
      // Both ends' gateway pods: each worker's own watch has listed its SliceGateways.
      s =>
        s.tunnels.length === 3 &&
        s.tunnels.every(t => t.state === 'UP' && t.pods.length === 4),
      READY_TIMEOUT_MS,
    );
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await backend?.stop();
    await sim?.close();
  }, 30000);

  it('lists and filters slices', async () => {
    const names = async (query: string) =>
      (
        (await get(`/v1/slices${query}`).expect(200)).body.items as {
          name: string;
        }[]
      ).map(s => s.name);
    expect(await names('')).toEqual([
      'analytics',
      'payments',
      'leaderboard',
      'pacman',
    ]);
    expect(await names('?project=arcade')).toEqual(['leaderboard', 'pacman']);
    expect(await names('?cluster=edge-nyc')).toEqual(['leaderboard']);
    // The demo's ledger-db is not importable on gcp-asia (no ledger namespace there): a real warning.
    expect(await names('?health=warning')).toEqual(['payments', 'leaderboard']);
    expect((await slice('acme/payments')).health).toEqual({
      state: 'warning',
      reasons: ['import of ledger-db.ledger on gcp-asia PENDING'],
    });
    expect(await names('?text=MONGO')).toEqual(['pacman']);
    expect(await names('?hub=other')).toEqual([]);
  });

  it('serves a slice with tunnels from both workers, namespaces, services and QoS', async () => {
    const pacman = await slice('arcade/pacman');
    expect(pacman.tunnels.map(t => [t.a, t.b, t.state, t.pods.length])).toEqual(
      [
        ['aws-east', 'azure-eu', 'UP', 4],
        ['aws-east', 'gcp-west', 'UP', 4],
        ['azure-eu', 'gcp-west', 'UP', 4],
      ],
    );
    const latency = Object.fromEntries(
      pacman.tunnels.map(t => [`${t.a}|${t.b}`, t.latencyMs!]),
    );
    // Latency follows distance: Virginia–Oregon is shorter than Virginia–Amsterdam, shorter than Oregon–Amsterdam.
    expect(latency['aws-east|gcp-west']).toBeLessThan(
      latency['aws-east|azure-eu'],
    );
    expect(latency['aws-east|azure-eu']).toBeLessThan(
      latency['azure-eu|gcp-west'],
    );

    const application = pacman.namespaceStates.filter(
      n => n.role === 'application',
    );
    expect(application).toHaveLength(6);
    expect(application.every(n => n.state === 'onboarded')).toBe(true);

    const mongodb = pacman.services.find(s => s.name === 'mongodb')!;
    expect(mongodb).toMatchObject({
      namespace: 'mongodb',
      dnsName: 'mongodb.mongodb.svc.slice.local',
      exportedFrom: ['aws-east', 'azure-eu', 'gcp-west'],
      health: { state: 'ok' },
    });
    expect(mongodb.imports.map(i => [i.cluster, i.status])).toEqual([
      ['aws-east', 'READY'],
      ['gcp-west', 'READY'],
      ['azure-eu', 'READY'],
    ]);
    expect(mongodb.endpoints.map(e => e.cluster).sort()).toEqual([
      'aws-east',
      'azure-eu',
      'gcp-west',
    ]);
    expect(pacman.qos).toMatchObject({
      profile: 'default',
      queueType: 'HTB',
      bandwidthCeilingKbps: 10000000,
    });
    expect((pacman.sliceConfig as any).metadata.name).toBe('pacman');
    expect(pacman.errors).toEqual([]);
  });

  it('draws the topology with stable ids', async () => {
    const topology = (
      await get('/v1/slices/demo/arcade/pacman/topology').expect(200)
    ).body as SliceTopology;
    expect(
      topology.nodes.filter(n => n.kind === 'cluster').map(n => n.id),
    ).toEqual(['cluster:aws-east', 'cluster:gcp-west', 'cluster:azure-eu']);
    expect(topology.edges.map(e => [e.id, e.state])).toEqual([
      ['tunnel:aws-east|azure-eu', 'UP'],
      ['tunnel:aws-east|gcp-west', 'UP'],
      ['tunnel:azure-eu|gcp-west', 'UP'],
    ]);
    expect(topology.edges[0].label).toMatch(/^\d+(\.\d)? ms/);
    expect(topology.nodes.filter(n => n.kind === 'namespace')).toHaveLength(6);
    expect(
      topology.nodes
        .filter(n => n.kind === 'service')
        .map(n => n.parent)
        .sort(),
    ).toEqual([
      'namespace:aws-east/mongodb',
      'namespace:azure-eu/mongodb',
      'namespace:gcp-west/mongodb',
    ]);
  });

  it('serves clusters and a cluster with its components and worker connection', async () => {
    const items = (await get('/v1/clusters?project=arcade').expect(200)).body
      .items as ClusterDetail[];
    expect(items.map(c => c.name)).toEqual([
      'aws-east',
      'azure-eu',
      'edge-nyc',
      'gcp-west',
    ]);
    const edge = (await get('/v1/clusters/demo/edge-nyc').expect(200))
      .body as ClusterDetail;
    expect(edge.components).toContainEqual({
      component: 'forwarder',
      status: 'Warning',
    });
    expect(edge.workerConnection.state).toBe('ok');
    expect(edge.namespaces.find(n => n.name === 'leaderboard')?.slice).toBe(
      'leaderboard',
    );
    await get('/v1/clusters/demo/nope').expect(404);
  });

  it('lists every tunnel of the visible slices in one answer', async () => {
    const all = (await get('/v1/tunnels').expect(200)).body.items as {
      slice: string;
      a: string;
      b: string;
      state: string;
    }[];
    // pacman 3 pairs, leaderboard 1, payments 3; analytics is no-network.
    expect(all.map(t => `${t.slice}:${t.a}|${t.b}`).sort()).toEqual([
      'leaderboard:aws-east|edge-nyc',
      'pacman:aws-east|azure-eu',
      'pacman:aws-east|gcp-west',
      'pacman:azure-eu|gcp-west',
      'payments:aws-eu|azure-us',
      'payments:aws-eu|gcp-asia',
      'payments:azure-us|gcp-asia',
    ]);
    const tenant = (await get('/v1/tunnels', asTenant()).expect(200)).body
      .items as { slice: string }[];
    expect(new Set(tenant.map(t => t.slice))).toEqual(new Set(['payments']));
    expect(
      (await get('/v1/tunnels?slice=pacman').expect(200)).body.items,
    ).toHaveLength(3);
  });

  it('filters events', async () => {
    const all = (await get('/v1/events?project=arcade').expect(200)).body
      .items as { project: string; type: string }[];
    expect(all.length).toBeGreaterThan(0);
    expect(all.every(e => e.project === 'arcade')).toBe(true);
    const warnings = (await get('/v1/events?type=Warning').expect(200)).body
      .items as { type: string }[];
    expect(warnings.every(e => e.type === 'Warning')).toBe(true);
    const future = (
      await get(
        `/v1/events?since=${encodeURIComponent(
          new Date(Date.now() + 3600000).toISOString(),
        )}`,
      ).expect(200)
    ).body;
    expect(future.items).toEqual([]);
  });

  // Validation comes from the API document; the messages name the parameter and the rule.
  it.each([
    [
      '/v1/slices?health=purple',
      "Invalid query parameter 'health': must be one of ok, warning, error, unknown, got 'purple'",
    ],
    ['/v1/slices?bogus=1', "Unknown query parameter 'bogus'"],
    ['/v1/fleet?x=1', "Unknown query parameter 'x'"],
    [
      '/v1/events?since=yesterday',
      `Invalid query parameter 'since': must match format "date-time", got 'yesterday'`,
    ],
    ['/v1/events?limit=0', "Invalid query parameter 'limit': must be >= 1"],
    [
      '/v1/events?limit=5000',
      "Invalid query parameter 'limit': must be <= 1000",
    ],
    [
      '/v1/slices/demo/Arcade/pacman',
      "Invalid path parameter 'project': must be a DNS-1123 label",
    ],
    [
      '/v1/latency/matrix?hub=nope&project=arcade&slice=pacman',
      "unknown hub 'nope'",
    ],
    [
      '/v1/latency/matrix?hub=demo&project=arcade&slice=pacman&window=forever',
      "Invalid query parameter 'window': must be a duration such as 15m, 1h, 24h or 7d, got 'forever'",
    ],
  ])('rejects %s with 400 and a message', async (path, message) => {
    const res = await get(path).expect(400);
    expect(res.body.error.message).toContain(message);
  });

  it('answers 404 for unknown slices and hubs', async () => {
    expect(
      (await get('/v1/slices/demo/arcade/nope').expect(404)).body.error.message,
    ).toBe("No slice 'nope' in project 'arcade' on hub 'demo'");
    expect(
      (await get('/v1/slices/elsewhere/arcade/pacman').expect(404)).body.error
        .message,
    ).toBe("No hub named 'elsewhere'");
  });

  it('shows a tenant only the projects their groups own', async () => {
    const tenantFleet = await fleet(asTenant());
    expect(tenantFleet.slices.map(s => s.project)).toEqual(['acme', 'acme']);
    expect(new Set(tenantFleet.clusters.map(c => c.project))).toEqual(
      new Set(['acme']),
    );
    expect(tenantFleet.hubs[0].projects).toEqual(['acme']);
    expect(tenantFleet.hubs[0].sliceCount).toBe(2);
    const body = JSON.stringify(tenantFleet);
    for (const foreign of [
      'pacman',
      'leaderboard',
      'aws-east',
      'edge-nyc',
      'arcade',
    ]) {
      expect(body).not.toContain(foreign);
    }
    const events = (await get('/v1/events', asTenant()).expect(200)).body
      .items as { project: string }[];
    expect(events.length).toBeGreaterThan(0);
    expect(events.every(e => e.project === 'acme')).toBe(true);
    expect(
      (await get('/v1/slices?project=arcade', asTenant()).expect(200)).body
        .items,
    ).toEqual([]);
    await get('/v1/slices/demo/acme/payments', asTenant()).expect(200);
    const denied = await get(
      '/v1/slices/demo/arcade/pacman',
      asTenant(),
    ).expect(403);
    expect(denied.body.error.message).toContain("project 'arcade'");
    await get('/v1/slices/demo/arcade/pacman/topology', asTenant()).expect(403);
    await get(
      '/v1/latency/matrix?hub=demo&project=arcade&slice=pacman',
      asTenant(),
    ).expect(403);
    await get('/v1/clusters/demo/aws-east', asTenant()).expect(404);
  });

  it('answers with the shapes the OpenAPI spec describes', async () => {
    const ajv = new Ajv({
      strict: false,
      validateFormats: false,
      allErrors: true,
    });
    ajv.addSchema({ $id: 'spec', components: spec.components });
    const cases: [string, string][] = [
      ['/v1/fleet', 'FleetResponse'],
      ['/v1/clusters', 'ClusterList'],
      ['/v1/clusters/demo/edge-nyc', 'ClusterDetail'],
      ['/v1/slices', 'SliceList'],
      ['/v1/slices/demo/arcade/pacman', 'SliceDetail'],
      ['/v1/slices/demo/acme/analytics', 'SliceDetail'],
      ['/v1/slices/demo/arcade/pacman/topology', 'Topology'],
      ['/v1/events', 'EventList'],
      ['/v1/tunnels', 'TunnelList'],
    ];
    for (const [path, schema] of cases) {
      const validate = ajv.compile({
        $ref: `spec#/components/schemas/${schema}`,
      });
      const body = (await get(path).expect(200)).body;
      expect({
        path,
        valid: validate(body),
        errors: validate.errors ?? null,
      }).toEqual({ path, valid: true, errors: null });
    }
    const openapi = (await get('/openapi.json').expect(200)).body;
    expect(Object.keys(openapi.paths)).toContain(
      '/api/slice/v1/slices/{hub}/{project}/{name}',
    );
  });

  it('never returns tokens or CA data', async () => {
    const bodies = await Promise.all(
      [
        '/v1/fleet',
        '/v1/clusters',
        '/v1/slices',
        '/v1/slices/demo/arcade/pacman',
        '/v1/events',
        '/v1/clusters/demo/aws-east',
      ].map(async p => JSON.stringify((await get(p).expect(200)).body)),
    );
    for (const body of bodies) {
      expect(body).not.toContain(sim.adminToken);
      expect(body).not.toContain('BEGIN CERTIFICATE');
      expect(body).not.toMatch(/"token"\s*:/);
    }
  });

  it('records tunnel latency samples and answers the matrix', async () => {
    await scheduler.triggerTask(SAMPLER_TASK_ID);
    await scheduler.triggerTask(SAMPLER_TASK_ID);
    const matrix = (
      await get(
        '/v1/latency/matrix?hub=demo&project=arcade&slice=pacman&window=1h',
      ).expect(200)
    ).body;
    expect(matrix.cells).toHaveLength(3);
    expect(matrix.clusters).toEqual(['aws-east', 'azure-eu', 'gcp-west']);
    // Oregon–Amsterdam is the longest link of the slice: the worst pair.
    expect(matrix.worstPairs[0].clusters).toEqual(['azure-eu', 'gcp-west']);
    // Two sampling runs × 4 gateway pods per pair.
    expect(
      matrix.cells.every((c: { samples: number }) => c.samples === 8),
    ).toBe(true);
    const series = (
      await get(
        `/v1/latency?hub=demo&project=arcade&slice=pacman&from=${encodeURIComponent(
          new Date(Date.now() - 600000).toISOString(),
        )}&to=${encodeURIComponent(
          new Date(Date.now() + 1000).toISOString(),
        )}&step=10s`,
      ).expect(200)
    ).body;
    expect(JSON.stringify(series)).toContain('aws-east');
  }, 60000);

  it('marks tunnels of a down cluster DOWN with the reason, and recovers', async () => {
    sim.faults.clusterDown('azure-eu');
    const down = await eventually(
      () => slice('arcade/pacman'),
      s =>
        s.tunnels
          .filter(t => t.a === 'azure-eu' || t.b === 'azure-eu')
          .every(t => t.state === 'DOWN'),
    );
    expect(down.health.state).toBe('error');
    expect(down.health.reasons).toContain(
      'tunnel aws-east↔azure-eu DOWN on both gateway pods',
    );
    expect(
      down.tunnels.find(t => t.a === 'aws-east' && t.b === 'gcp-west')?.state,
    ).toBe('UP');
    const withError = await eventually(
      () => fleet(),
      f => f.errors.some(e => e.source === 'worker/demo/arcade/azure-eu'),
    );
    expect(withError.slices.length).toBe(4);

    sim.faults.clusterUp('azure-eu');
    const recovered = await eventually(
      () => slice('arcade/pacman'),
      s => s.tunnels.every(t => t.state === 'UP') && s.errors.length === 0,
      60000,
    );
    expect(recovered.health.state).toBe('ok');
  }, 120000);

  it('keeps answering while the hub is down, then resumes watching', async () => {
    sim.faults.clusterDown('hub');
    const during = await eventually(
      () => fleet(),
      f => f.hubs[0].sync.state === 'unreachable',
    );
    expect(during.errors.some(e => e.source.startsWith('hub/demo'))).toBe(true);
    expect(during.slices).toHaveLength(4); // the last known state is still served

    sim.faults.clusterUp('hub');
    await eventually(
      () => fleet(),
      f =>
        f.hubs[0].sync.state === 'ok' &&
        !f.errors.some(e => e.source.startsWith('hub/')),
      60000,
    );
    // A change after recovery arrives through the resumed watch.
    const kc = new KubeConfig();
    kc.loadFromString(sim.kubeconfig);
    kc.setCurrentContext('hub');
    await kc.makeApiClient(CustomObjectsApi).patchNamespacedCustomObject({
      group: 'controller.kubeslice.io',
      version: 'v1alpha1',
      namespace: 'kubeslice-acme',
      plural: 'clusters',
      name: 'azure-us',
      body: [
        {
          op: 'replace',
          path: '/spec/clusterProperty/geoLocation/cloudRegion',
          value: 'centralus',
        },
      ],
    });
    const after = await eventually(
      () => fleet(),
      f =>
        f.clusters.find(c => c.name === 'azure-us')?.geo.cloudRegion ===
        'centralus',
    );
    expect(after.hubs[0].sync.state).toBe('ok');
  }, 150000);
});
