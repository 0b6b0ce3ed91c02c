import type { KubeObject } from '../api/types';
import { loadScenario } from '../scenario/load';
import type { ScenarioSpec } from '../scenario/types';
import { startFleetSim, type FleetSim } from './startFleetSim';

/**
 * The demo applied through the simulator's own API paths: what the loader
 * writes (Projects, Clusters and their worker status, SliceConfigs, pods,
 * Services, ServiceExports) and what the emulation generates from it.
 */

const C = 'controller.kubeslice.io';
const W = 'worker.kubeslice.io';
const N = 'networking.kubeslice.io';
const DAY = 24 * 3600 * 1000;

function objects(sim: FleetSim, cluster: string, plural: string, group = '') {
  const vc = sim.cluster(cluster)!;
  return vc.store.list(vc.resourceType(plural, group));
}

function one(
  sim: FleetSim,
  cluster: string,
  plural: string,
  group: string,
  name: string,
): KubeObject {
  const found = objects(sim, cluster, plural, group).filter(
    o => o.metadata.name === name,
  );
  expect(found).toHaveLength(1);
  return found[0];
}

const age = (o: KubeObject) =>
  Date.now() - Date.parse(o.metadata.creationTimestamp!);

describe('scenarios applied through the API (demo)', () => {
  let sim: FleetSim;

  beforeAll(async () => {
    sim = await startFleetSim({ tls: false, statusIntervalMs: 0, seed: 5 });
  });
  afterAll(() => sim.close());

  it('creates Projects, Clusters and SliceConfigs in the order of their history', () => {
    const project = one(sim, 'hub', 'projects', C, 'arcade');
    const cluster = one(sim, 'hub', 'clusters', C, 'aws-east');
    const slice = one(sim, 'hub', 'sliceconfigs', C, 'pacman');
    expect(age(project)).toBeGreaterThan(59 * DAY);
    expect(age(cluster)).toBeLessThan(age(project));
    expect(age(slice)).toBeLessThan(age(cluster));
    expect(age(slice)).toBeGreaterThan(20 * DAY);
    // The controller's reaction happened then too (its events carry that time).
    const nsEvent = objects(sim, 'hub', 'events').find(
      e =>
        e.metadata.labels?.eventTitle === 'NamespaceCreated' &&
        (e as any).involvedObject.name === 'arcade',
    )!;
    // Compared as times, not as two ages: two clock reads could differ by a millisecond.
    expect(Date.parse((nsEvent as any).firstTimestamp)).toBe(
      Date.parse(project.metadata.creationTimestamp!),
    );
    // Written through the API: the mutating webhook and CRD defaults ran.
    expect(slice.spec.vpnConfig).toEqual({ cipher: 'AES-256-CBC' });
    expect(slice.spec.rotationInterval).toBe(30);
    expect(slice.metadata.generation).toBe(1);
  });

  it('registers every cluster as its worker would (status subresource, dashboard Secret)', async () => {
    const clusters = objects(sim, 'hub', 'clusters', C);
    expect(clusters.map(c => c.metadata.name).sort()).toEqual([
      'aws-east',
      'aws-eu',
      'azure-eu',
      'azure-us',
      'edge-nyc',
      'gcp-asia',
      'gcp-west',
    ]);
    for (const c of clusters) {
      expect(c.metadata.finalizers).toEqual([
        'controller.kubeslice.io/cluster-finalizer',
      ]);
      expect(c.status).toMatchObject({
        registrationStatus: 'Registered',
        networkPresent: true,
        secretName: `kubeslice-rbac-worker-${c.metadata.name}`,
      });
      expect(c.status.cniSubnet).toHaveLength(1);
      expect(c.status.nodeIPs).toHaveLength(2);
      expect(
        c.spec.clusterProperty.monitoring.kubernetesDashboard.accessToken,
      ).toBe(`${c.metadata.name}-kubernetes-dashboard`);
    }
    const edge = clusters.find(c => c.metadata.name === 'edge-nyc')!;
    expect(edge.spec.clusterProperty.geoLocation).toEqual({
      cloudProvider: 'onprem',
      cloudRegion: 'edge-nyc',
      latitude: '40.71',
      longitude: '-74.01',
    });
    expect(edge.status.clusterHealth.clusterHealthStatus).toBe('Warning');
    expect(edge.status.clusterHealth.componentStatuses).toContainEqual({
      component: 'forwarder',
      componentHealthStatus: 'Warning',
    });
    const forwarder = objects(sim, 'edge-nyc', 'pods').find(p =>
      p.metadata.name!.startsWith('forwarder-kernel-'),
    )!;
    expect(forwarder.status.containerStatuses[0].state.waiting.reason).toBe(
      'CrashLoopBackOff',
    );
    expect(
      objects(sim, 'edge-nyc', 'events').map(
        e => e.metadata.labels?.eventTitle,
      ),
    ).toContain('ClusterUnhealthy');

    // The dashboard Secret's token reads that worker (and only reads).
    const secret = one(
      sim,
      'hub',
      'secrets',
      '',
      'edge-nyc-kubernetes-dashboard',
    );
    const token = Buffer.from((secret as any).data.token, 'base64').toString();
    const get = (cluster: string, method = 'GET') =>
      fetch(`${sim.clusterUrl(cluster)}/api/v1/namespaces`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        ...(method === 'POST'
          ? { body: JSON.stringify({ metadata: { name: 'x' } }) }
          : {}),
      }).then(r => r.status);
    expect(await get('edge-nyc')).toBe(200);
    expect(await get('aws-east')).toBe(401);
    expect(await get('edge-nyc', 'POST')).toBe(403);
  });

  it('runs app pods in onboarded namespaces with the slice label and NSM annotations', () => {
    const wscs = objects(sim, 'hub', 'workersliceconfigs', W);
    for (const cluster of ['aws-east', 'gcp-west', 'azure-eu']) {
      const pods = objects(sim, cluster, 'pods').filter(p =>
        ['pacman', 'mongodb'].includes(p.metadata.namespace!),
      );
      expect(pods.map(p => p.metadata.labels?.app).sort()).toEqual([
        'mongodb',
        'pacman',
      ]);
      for (const p of pods) {
        expect(p.status.phase).toBe('Running');
        expect(p.metadata.labels?.['kubeslice.io/slice']).toBe('pacman');
        expect(p.metadata.annotations).toEqual({
          'ns.networkservicemesh.io': 'vl3-service-pacman',
          'networkservicemesh.io': 'kernel://vl3-service-pacman/nsm0',
          'kubeslice.io/status': 'injected',
        });
      }
      const wsc = wscs.find(w => w.metadata.name === `pacman-${cluster}`)!;
      expect(
        wsc.status.connectedAppPods.map((p: any) => p.podName).sort(),
      ).toEqual(pods.map(p => p.metadata.name).sort());
      expect(wsc.status.onboardedAppNamespaces).toEqual([
        { name: 'pacman' },
        { name: 'mongodb' },
      ]);
      // Gateway pods (two per SliceGateway) and the slice router in kubeslice-system.
      const system = objects(sim, cluster, 'pods').filter(
        p =>
          p.metadata.namespace === 'kubeslice-system' &&
          p.metadata.labels?.['kubeslice.io/slice'] === 'pacman',
      );
      const gateways = objects(sim, cluster, 'slicegateways', N).filter(
        g => g.spec.sliceName === 'pacman',
      );
      expect(gateways).toHaveLength(2);
      expect(
        system.filter(p => p.metadata.labels?.app === 'kubeslice-slicegateway'),
      ).toHaveLength(4);
      expect(
        system.filter(
          p => p.metadata.labels?.['kubeslice.io/pod-type'] === 'router',
        ),
      ).toHaveLength(1);
      // The allowed namespace is labelled for the slice.
      const monitoring = one(sim, cluster, 'namespaces', '', 'monitoring');
      expect(monitoring.metadata.labels?.['kubeslice.io/namespace']).toBe(
        'monitoring',
      );
      expect(
        monitoring.metadata.annotations?.[
          'kubeslice.io/trafficAllowedToSlices'
        ],
      ).toBe('pacman');
    }
    // A no-network slice: labelled pods, no NSM annotations, no connected pods.
    const analyticsPod = objects(sim, 'aws-eu', 'pods').find(
      p => p.metadata.namespace === 'analytics',
    )!;
    expect(analyticsPod.metadata.labels?.['kubeslice.io/slice']).toBe(
      'analytics',
    );
    expect(analyticsPod.metadata.annotations).toBeUndefined();
  });

  it('has exactly one PENDING export (scores-cache on edge-nyc) and the ledger-db import pending on gcp-asia', () => {
    const workers = sim.clusterNames().slice(1);
    const exports = workers.flatMap(w =>
      objects(sim, w, 'serviceexports', N).map(e => ({
        cluster: w,
        name: `${e.metadata.namespace}/${e.metadata.name}`,
        status: e.status?.exportStatus,
      })),
    );
    expect(exports.filter(e => e.status !== 'READY')).toEqual([
      {
        cluster: 'edge-nyc',
        name: 'leaderboard-cache/scores-cache',
        status: 'PENDING',
      },
    ]);
    expect(exports).toHaveLength(10);
    // Nothing reaches the hub for it.
    expect(
      objects(sim, 'hub', 'serviceexportconfigs', C).map(s => s.metadata.name),
    ).not.toContain('scores-cache-leaderboard-cache-edge-nyc');
    // Its namespace is on edge-nyc, outside the slice.
    const ns = one(sim, 'edge-nyc', 'namespaces', '', 'leaderboard-cache');
    expect(ns.metadata.labels?.['kubeslice.io/slice']).toBeUndefined();

    // ledger-db: imported on the members with the ledger namespace only.
    const wsi = objects(sim, 'hub', 'workerserviceimports', W)
      .filter(w => w.spec.serviceName === 'ledger-db')
      .map(w => w.metadata.labels?.['worker-cluster'])
      .sort();
    expect(wsi).toEqual(['aws-eu', 'azure-us', 'gcp-asia']);
    expect(
      objects(sim, 'gcp-asia', 'serviceimports', N).map(i => i.metadata.name),
    ).toEqual(['payments-api']);
    for (const c of ['aws-eu', 'azure-us'])
      expect(
        one(sim, c, 'serviceimports', N, 'ledger-db').status.importStatus,
      ).toBe('READY');
  });

  it('puts the edge member of leaderboard in Warning through its slice router', () => {
    const health = (name: string) =>
      one(sim, 'hub', 'workersliceconfigs', W, name).status.sliceHealth;
    expect(health('leaderboard-edge-nyc')).toMatchObject({
      sliceHealthStatus: 'Warning',
      componentStatuses: [
        { component: 'dns', componentHealthStatus: 'Normal' },
        { component: 'slice-gateway', componentHealthStatus: 'Normal' },
        { component: 'slice-router', componentHealthStatus: 'Warning' },
        { component: 'gateway-tunnel', componentHealthStatus: 'Normal' },
      ],
    });
    expect(health('leaderboard-aws-east').sliceHealthStatus).toBe('Normal');
    expect(health('analytics-aws-eu')).toMatchObject({
      sliceHealthStatus: 'Normal',
      componentStatuses: [],
    });
  });
});

/** What a seed decides: names, addresses, ports and tunnel samples. */
function fingerprint(sim: FleetSim): string {
  const out: string[] = [];
  for (const name of sim.clusterNames().slice(1)) {
    for (const p of objects(sim, name, 'pods'))
      out.push(`${name} pod ${p.metadata.name} ${p.status?.podIP}`);
    for (const g of objects(sim, name, 'slicegateways', N))
      out.push(
        `${name} gw ${g.metadata.name} ${JSON.stringify(
          g.status.gatewayPodStatus.map((s: any) => [
            s.podName,
            s.localNsmIP,
            s.tunnelStatus.Latency,
          ]),
        )}`,
      );
  }
  for (const g of objects(sim, 'hub', 'workerslicegateways', W))
    out.push(`gw ${g.metadata.name} ${g.spec.localGatewayConfig.nodePorts}`);
  return out.sort().join('\n');
}

describe('scenario application is deterministic per seed', () => {
  it('same seed → same fleet; another seed → other names', async () => {
    const prints: string[] = [];
    for (const seed of [11, 11, 12]) {
      const sim = await startFleetSim({
        tls: false,
        statusIntervalMs: 0,
        seed,
      });
      try {
        prints.push(fingerprint(sim));
      } finally {
        await sim.close();
      }
    }
    expect(prints[0].split('\n').length).toBeGreaterThan(100);
    expect(prints[1]).toBe(prints[0]);
    expect(prints[2]).not.toBe(prints[0]);
  });
});

describe('scenario files go through the webhooks', () => {
  it('a scenario the format accepts but the SliceConfig webhook rejects fails to start', async () => {
    const spec = loadScenario('demo');
    // The edge site's pod network overlaps the leaderboard slice subnet (10.2.0.0/16).
    const bad: ScenarioSpec = {
      ...spec,
      projects: spec.projects.map(p => ({
        ...p,
        clusters: p.clusters.map(c =>
          c.name === 'edge-nyc' ? { ...c, cniSubnet: ['10.2.0.0/16'] } : c,
        ),
      })),
    };
    await expect(
      startFleetSim({ scenario: bad, tls: false, statusIntervalMs: 0 }),
    ).rejects.toThrow(
      'admission webhook "vsliceconfig.kb.io" denied the request: SliceConfig.controller.kubeslice.io "leaderboard" is invalid',
    );
  });
});
