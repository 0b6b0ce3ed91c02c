import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../cli';
import { startFleetSim, type FleetSim } from '../sim/startFleetSim';

const NET = 'networking.kubeslice.io';
const SYS = 'kubeslice-system';

function gateway(sim: FleetSim, cluster: string, name: string) {
  const vc = sim.cluster(cluster)!;
  return vc.store.get(vc.resourceType('slicegateways', NET), SYS, name)!;
}

function tunnels(sim: FleetSim, cluster: string, name: string) {
  return gateway(sim, cluster, name).status.gatewayPodStatus.map(
    (p: any) => p.tunnelStatus,
  );
}

function importEndpoints(
  sim: FleetSim,
  cluster: string,
  ns: string,
  svc: string,
) {
  const vc = sim.cluster(cluster)!;
  return vc.store.get(vc.resourceType('serviceimports', NET), ns, svc)!.status;
}

function events(sim: FleetSim, cluster: string, title: string) {
  const vc = sim.cluster(cluster)!;
  return vc.store
    .list(vc.resourceType('events'), SYS)
    .filter(e => e.metadata.labels?.eventTitle === title);
}

async function get(sim: FleetSim, cluster: string, p = '/api/v1/namespaces') {
  const res = await fetch(`${sim.clusterUrl(cluster)}${p}`, {
    headers: { authorization: `Bearer ${sim.adminToken}` },
  });
  return { status: res.status, body: await res.json() };
}

describe('faults', () => {
  let sim: FleetSim;

  beforeAll(async () => {
    sim = await startFleetSim({ tls: false, statusIntervalMs: 0, seed: 5 });
  });
  afterAll(() => sim.close());
  afterEach(() => sim.faults.reset());

  it('cluster down: API 503, tunnels DOWN on both sides, endpoints leave imports, events; recover undoes it', async () => {
    const before = importEndpoints(sim, 'aws-east', 'mongodb', 'mongodb');
    expect(before.endpoints.map((e: any) => e.clusterId)).toContain('gcp-west');

    sim.faults.clusterDown('gcp-west');

    const res = await get(sim, 'gcp-west');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({
      kind: 'Status',
      reason: 'ServiceUnavailable',
      code: 503,
    });
    expect((await get(sim, 'aws-east')).status).toBe(200);

    // Peer side (server on aws-east) and the down cluster's own side.
    for (const t of [
      ...tunnels(sim, 'aws-east', 'pacman-aws-east-gcp-west'),
      ...tunnels(sim, 'gcp-west', 'pacman-gcp-west-aws-east'),
      ...tunnels(sim, 'azure-eu', 'pacman-azure-eu-gcp-west'),
    ]) {
      expect(t).toMatchObject({
        TunnelState: 'DOWN',
        Status: 1,
        PacketLoss: 100,
      });
    }
    // Tunnels not touching gcp-west stay up.
    expect(
      tunnels(sim, 'aws-east', 'pacman-aws-east-azure-eu')[0].TunnelState,
    ).toBe('UP');

    const during = importEndpoints(sim, 'aws-east', 'mongodb', 'mongodb');
    expect(during.endpoints.map((e: any) => e.clusterId)).not.toContain(
      'gcp-west',
    );
    expect(during.availableEndpoints).toBe(before.availableEndpoints - 1);

    expect(events(sim, 'aws-east', 'SliceGWRemotePodSyncFailed')).toHaveLength(
      1,
    );
    const [ev] = events(sim, 'aws-east', 'SliceGWRemotePodSyncFailed');
    expect(ev).toMatchObject({
      reason: 'SliceGWRemotePodSyncFailed',
      type: 'Warning',
      involvedObject: {
        kind: 'SliceGateway',
        name: 'pacman-aws-east-gcp-west',
      },
    });
    expect(ev.metadata.labels).toMatchObject({
      sliceName: 'pacman',
      sliceCluster: 'aws-east',
      sliceProject: 'kubeslice-arcade',
    });

    const hub = sim.cluster('hub')!;
    const wsc = hub.store.get(
      hub.resourceType('workersliceconfigs', 'worker.kubeslice.io'),
      'kubeslice-arcade',
      'pacman-aws-east',
    )!;
    expect(wsc.status.sliceHealth.sliceHealthStatus).toBe('Warning');
    expect(
      wsc.status.sliceHealth.componentStatuses.find(
        (c: any) => c.component === 'gateway-tunnel',
      ).componentHealthStatus,
    ).toBe('Warning');

    sim.faults.clusterUp('gcp-west');
    expect((await get(sim, 'gcp-west')).status).toBe(200);
    for (const t of tunnels(sim, 'aws-east', 'pacman-aws-east-gcp-west')) {
      expect(t.TunnelState).toBe('UP');
      expect(t).not.toHaveProperty('Status');
      expect(t.Latency).toBeGreaterThan(0);
    }
    expect(
      importEndpoints(sim, 'aws-east', 'mongodb', 'mongodb').endpoints,
    ).toEqual(before.endpoints);
    expect(events(sim, 'aws-east', 'SliceGWUpdated').length).toBeGreaterThan(0);
  });

  it('keeps down clusters down across status rounds and leaves their hub status stale', () => {
    const hub = sim.cluster('hub')!;
    const rt = hub.resourceType('clusters', 'controller.kubeslice.io');
    sim.faults.clusterDown('azure-eu');
    const stale = hub.store.get(rt, 'kubeslice-arcade', 'azure-eu')!.metadata
      .resourceVersion;
    sim.refreshStatus();
    expect(
      hub.store.get(rt, 'kubeslice-arcade', 'azure-eu')!.metadata
        .resourceVersion,
    ).toBe(stale);
    expect(
      tunnels(sim, 'aws-east', 'pacman-aws-east-azure-eu')[0].TunnelState,
    ).toBe('DOWN');
  });

  it('ends open watches on a cluster that goes down', async () => {
    const res = await fetch(
      `${sim.clusterUrl('edge-nyc')}/api/v1/namespaces?watch=1`,
      { headers: { authorization: `Bearer ${sim.adminToken}` } },
    );
    const reader = res.body!.getReader();
    sim.faults.clusterDown('edge-nyc');
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(done).toBe(true);
  });

  it('degrades a link: extra latency and loss on both directions, other links unchanged', () => {
    const base = tunnels(sim, 'aws-east', 'pacman-aws-east-azure-eu')[0]
      .Latency;
    sim.faults.degradeLink('azure-eu', 'aws-east', {
      latencyMs: 250,
      packetLossPercent: 7,
    });
    for (const t of [
      ...tunnels(sim, 'aws-east', 'pacman-aws-east-azure-eu'),
      ...tunnels(sim, 'azure-eu', 'pacman-azure-eu-aws-east'),
    ]) {
      expect(t.Latency).toBeGreaterThanOrEqual(base + 240);
      expect(t.PacketLoss).toBeGreaterThanOrEqual(7);
      expect(t.TunnelState).toBe('UP');
    }
    expect(
      tunnels(sim, 'aws-east', 'pacman-aws-east-gcp-west')[0].Latency,
    ).toBeLessThan(base + 200);
    sim.faults.restoreLink('aws-east', 'azure-eu');
    expect(
      tunnels(sim, 'aws-east', 'pacman-aws-east-azure-eu')[0].Latency,
    ).toBeLessThan(base + 100);
  });

  it('cuts a link: its tunnels go DOWN and endpoints across it leave, both APIs stay up', async () => {
    sim.faults.cutLink('aws-east', 'azure-eu');
    expect(
      tunnels(sim, 'aws-east', 'pacman-aws-east-azure-eu')[0].TunnelState,
    ).toBe('DOWN');
    expect(
      tunnels(sim, 'azure-eu', 'pacman-azure-eu-aws-east')[1].TunnelState,
    ).toBe('DOWN');
    expect(
      tunnels(sim, 'aws-east', 'pacman-aws-east-gcp-west')[0].TunnelState,
    ).toBe('UP');
    const ids = importEndpoints(
      sim,
      'aws-east',
      'mongodb',
      'mongodb',
    ).endpoints.map((e: any) => e.clusterId);
    expect(ids).toEqual(expect.arrayContaining(['aws-east', 'gcp-west']));
    expect(ids).not.toContain('azure-eu');
    expect((await get(sim, 'aws-east')).status).toBe(200);
    expect((await get(sim, 'azure-eu')).status).toBe(200);
  });

  it('rejects unknown clusters and bad values', () => {
    expect(() => sim.faults.clusterDown('nope')).toThrow(/unknown cluster/);
    expect(() => sim.faults.cutLink('aws-east', 'aws-east')).toThrow(
      /two different/,
    );
    expect(() => sim.faults.apiFault('hub', { errorRate: 2 })).toThrow(
      /errorRate/,
    );
  });
});

describe('API faults and the control API', () => {
  async function statuses(seed: number): Promise<number[]> {
    const sim = await startFleetSim({ tls: false, statusIntervalMs: 0, seed });
    try {
      sim.faults.apiFault('hub', { errorRate: 0.5, errorCode: 500 });
      const out: number[] = [];
      for (let i = 0; i < 16; i++) out.push((await get(sim, 'hub')).status);
      // Other clusters are unaffected.
      expect((await get(sim, 'aws-east')).status).toBe(200);
      sim.faults.clearApiFault('hub');
      expect((await get(sim, 'hub')).status).toBe(200);
      return out;
    } finally {
      await sim.close();
    }
  }

  it('fails a seeded, reproducible fraction of hub requests', async () => {
    const a = await statuses(11);
    const b = await statuses(11);
    expect(a).toEqual(b);
    expect(a).toContain(500);
    expect(a).toContain(200);
  });

  it('lets the CLI drive the control API over verified TLS, configured by the kubeconfig', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-sim-fault-'));
    const kubeconfigPath = path.join(dir, 'kubeconfig');
    const sim = await startFleetSim({ statusIntervalMs: 0, kubeconfigPath });
    const out = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation(() => true);
    try {
      const cli = (...args: string[]) =>
        main([
          'node',
          'fleet-sim',
          'fault',
          '--kubeconfig',
          kubeconfigPath,
          ...args,
        ]);
      await cli('down', 'aws-eu');
      expect(process.exitCode ?? 0).toBe(0);
      expect(sim.faults.snapshot().downClusters).toEqual(['aws-eu']);
      await cli(
        'degrade',
        'gcp-asia',
        'azure-us',
        '--latency-ms',
        '40',
        '--loss',
        '3',
      );
      await cli('api', 'hub', '--delay-ms', '1', '--error-rate', '0');
      expect(sim.faults.snapshot()).toMatchObject({
        links: [
          {
            clusters: ['azure-us', 'gcp-asia'],
            latencyMs: 40,
            packetLossPercent: 3,
          },
        ],
        apis: [{ cluster: 'hub', delayMs: 1 }],
      });
      await cli('list');
      const printed = out.mock.calls.map(c => String(c[0])).join('');
      expect(printed).toContain('"downClusters"');
      await cli('up', 'aws-eu');
      await cli('reset');
      expect(sim.faults.snapshot()).toMatchObject({
        downClusters: [],
        links: [],
        apis: [],
      });

      const err = jest
        .spyOn(process.stderr, 'write')
        .mockImplementation(() => true);
      await cli('down', 'no-such-cluster');
      expect(process.exitCode).toBe(1);
      expect(err.mock.calls.map(c => String(c[0])).join('')).toMatch(
        /400.*unknown cluster/,
      );
      err.mockRestore();
      process.exitCode = 0;
    } finally {
      out.mockRestore();
      await sim.close();
    }
  });

  it('answers 401 without the admin token and 404 for unknown control paths', async () => {
    const sim = await startFleetSim({ tls: false, statusIntervalMs: 0 });
    try {
      expect((await fetch(`${sim.url}/sim/v1/faults`)).status).toBe(401);
      const auth = { authorization: `Bearer ${sim.adminToken}` };
      expect(
        (await fetch(`${sim.url}/sim/v1/nothing`, { headers: auth })).status,
      ).toBe(404);
      const down = await fetch(
        `${sim.url}/sim/v1/faults/clusters/aws-east/down`,
        {
          method: 'POST',
          headers: auth,
        },
      );
      expect(down.status).toBe(200);
      expect((await down.json()).downClusters).toEqual(['aws-east']);
      const put = await fetch(`${sim.url}/sim/v1/faults/apis/hub`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ errorRate: 1, errorCode: 429 }),
      });
      expect(put.status).toBe(200);
      const res = await get(sim, 'hub');
      expect(res).toMatchObject({
        status: 429,
        body: { reason: 'TooManyRequests' },
      });
    } finally {
      await sim.close();
    }
  });
});
