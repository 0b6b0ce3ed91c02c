import type { KubeObject } from '../api/types';
import { startFleetSim, type FleetSim } from '../sim/startFleetSim';

const NET = 'networking.kubeslice.io';
const CTRL = 'controller.kubeslice.io';
const WORKER = 'worker.kubeslice.io';
const SYS = 'kubeslice-system';
const PROJECT = 'kubeslice-arcade';
const LONG_AGO = '2000-01-01T00:00:00Z';

async function call(
  sim: FleetSim,
  cluster: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
) {
  const res = await fetch(`${sim.clusterUrl(cluster)}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${sim.adminToken}`,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

/** Creates ServiceExport `<name>` on the pacman slice in namespace `pacman` (onboarded on its members) over HTTP. */
function exportService(sim: FleetSim, cluster: string, name: string) {
  return call(
    sim,
    cluster,
    `/apis/${NET}/v1beta1/namespaces/pacman/serviceexports`,
    {
      method: 'POST',
      body: {
        apiVersion: `${NET}/v1beta1`,
        kind: 'ServiceExport',
        metadata: { name, namespace: 'pacman' },
        spec: {
          slice: 'pacman',
          selector: { matchLabels: { app: name } },
          ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        },
      },
    },
  );
}

function serviceExport(
  sim: FleetSim,
  cluster: string,
  ns: string,
  name: string,
) {
  const vc = sim.cluster(cluster)!;
  return vc.store.get(vc.resourceType('serviceexports', NET), ns, name);
}

function exportConfig(sim: FleetSim, name: string) {
  const hub = sim.cluster('hub')!;
  return hub.store.get(
    hub.resourceType('serviceexportconfigs', CTRL),
    PROJECT,
    name,
  );
}

function hubObject(sim: FleetSim, plural: string, group: string, name: string) {
  const hub = sim.cluster('hub')!;
  return hub.store.get(hub.resourceType(plural, group), PROJECT, name)!;
}

/** Back-dates the heartbeat a worker posts, so a test sees whether the next round refreshes it. */
function ageHeartbeat(sim: FleetSim, cluster: string): void {
  const hub = sim.cluster('hub')!;
  hub.store.mutate(hub.resourceType('clusters', CTRL), PROJECT, cluster, o => {
    o.status.clusterHealth.lastUpdated = LONG_AGO;
  });
}

const heartbeat = (sim: FleetSim, cluster: string) =>
  hubObject(sim, 'clusters', CTRL, cluster).status.clusterHealth.lastUpdated;

function ageSliceHealth(sim: FleetSim, wsc: string): void {
  const hub = sim.cluster('hub')!;
  hub.store.mutate(
    hub.resourceType('workersliceconfigs', WORKER),
    PROJECT,
    wsc,
    o => {
      o.status.sliceHealth.lastUpdated = LONG_AGO;
    },
  );
}

const sliceHealthStamp = (sim: FleetSim, wsc: string) =>
  hubObject(sim, 'workersliceconfigs', WORKER, wsc).status.sliceHealth
    .lastUpdated;

function gateway(sim: FleetSim, cluster: string, name: string): KubeObject {
  const vc = sim.cluster(cluster)!;
  return vc.store.get(vc.resourceType('slicegateways', NET), SYS, name)!;
}

const gatewayRv = (sim: FleetSim, cluster: string, name: string) =>
  gateway(sim, cluster, name).metadata.resourceVersion;

describe('worker operator and hub partition faults', () => {
  let sim: FleetSim;

  beforeEach(async () => {
    sim = await startFleetSim({ tls: false, statusIntervalMs: 0, seed: 3 });
  });
  afterEach(() => sim.close());

  it('operator down: the API takes writes, but nothing is reconciled or reaches the hub until operator up', async () => {
    sim.faults.operatorDown('aws-east');
    expect(sim.faults.snapshot().operatorDownClusters).toEqual(['aws-east']);
    ageHeartbeat(sim, 'aws-east');
    ageHeartbeat(sim, 'gcp-west');
    const frozenGw = gatewayRv(sim, 'aws-east', 'pacman-aws-east-gcp-west');
    const liveGw = gatewayRv(sim, 'gcp-west', 'pacman-gcp-west-aws-east');

    expect((await exportService(sim, 'aws-east', 'web')).status).toBe(201);
    // A ServiceExport the operator had posted, deleted while it is down.
    const removed = await call(
      sim,
      'aws-east',
      `/apis/${NET}/v1beta1/namespaces/mongodb/serviceexports/mongodb`,
      { method: 'DELETE' },
    );
    expect(removed.status).toBe(200);
    await sim.settle();
    sim.refreshStatus();

    expect(serviceExport(sim, 'aws-east', 'pacman', 'web')?.status).toBeFalsy();
    expect(exportConfig(sim, 'web-pacman-aws-east')).toBeUndefined();
    expect(exportConfig(sim, 'mongodb-mongodb-aws-east')).toBeDefined();
    // Statuses freeze on the worker and its heartbeat on the hub ages; other workers go on.
    expect(gatewayRv(sim, 'aws-east', 'pacman-aws-east-gcp-west')).toBe(
      frozenGw,
    );
    expect(gatewayRv(sim, 'gcp-west', 'pacman-gcp-west-aws-east')).not.toBe(
      liveGw,
    );
    expect(heartbeat(sim, 'aws-east')).toBe(LONG_AGO);
    expect(heartbeat(sim, 'gcp-west')).not.toBe(LONG_AGO);

    sim.faults.operatorUp('aws-east');
    await sim.settle();
    expect(sim.faults.snapshot().operatorDownClusters).toEqual([]);
    expect(
      serviceExport(sim, 'aws-east', 'pacman', 'web')?.status,
    ).toMatchObject({
      exportStatus: 'READY',
      dnsName: 'web.pacman.svc.slice.local',
    });
    expect(exportConfig(sim, 'web-pacman-aws-east')?.spec).toMatchObject({
      serviceName: 'web',
      serviceNamespace: 'pacman',
      sourceCluster: 'aws-east',
      sliceName: 'pacman',
    });
    expect(exportConfig(sim, 'mongodb-mongodb-aws-east')).toBeUndefined();
    expect(heartbeat(sim, 'aws-east')).not.toBe(LONG_AGO);
    expect(gatewayRv(sim, 'aws-east', 'pacman-aws-east-gcp-west')).not.toBe(
      frozenGw,
    );
  });

  it('operator down freezes tunnel status: a peer going down shows only once the operator is back', () => {
    sim.faults.operatorDown('aws-east');
    sim.faults.clusterDown('gcp-west');
    const state = () =>
      gateway(sim, 'aws-east', 'pacman-aws-east-gcp-west').status
        .gatewayPodStatus[0].tunnelStatus.TunnelState;
    expect(state()).toBe('UP');
    sim.faults.operatorUp('aws-east');
    expect(state()).toBe('DOWN');
  });

  it('partition: both APIs answer, the worker goes on locally, but its hub status stops refreshing until heal', async () => {
    sim.faults.partition('gcp-west');
    expect(sim.faults.snapshot().partitionedClusters).toEqual(['gcp-west']);
    for (const c of ['gcp-west', 'azure-eu']) {
      ageHeartbeat(sim, c);
      ageSliceHealth(sim, `pacman-${c}`);
    }
    const localGw = gatewayRv(sim, 'gcp-west', 'pacman-gcp-west-aws-east');

    expect((await call(sim, 'hub', '/api/v1/namespaces')).status).toBe(200);
    expect((await call(sim, 'gcp-west', '/api/v1/namespaces')).status).toBe(
      200,
    );
    expect((await exportService(sim, 'gcp-west', 'web')).status).toBe(201);
    await sim.settle();
    sim.refreshStatus();

    expect(exportConfig(sim, 'web-pacman-gcp-west')).toBeUndefined();
    expect(heartbeat(sim, 'gcp-west')).toBe(LONG_AGO);
    expect(sliceHealthStamp(sim, 'pacman-gcp-west')).toBe(LONG_AGO);
    expect(heartbeat(sim, 'azure-eu')).not.toBe(LONG_AGO);
    expect(sliceHealthStamp(sim, 'pacman-azure-eu')).not.toBe(LONG_AGO);
    // Tunnel status is the worker's own business: it keeps refreshing.
    expect(gatewayRv(sim, 'gcp-west', 'pacman-gcp-west-aws-east')).not.toBe(
      localGw,
    );

    sim.faults.heal('gcp-west');
    await sim.settle();
    expect(sim.faults.snapshot().partitionedClusters).toEqual([]);
    expect(exportConfig(sim, 'web-pacman-gcp-west')?.spec.sourceCluster).toBe(
      'gcp-west',
    );
    expect(
      serviceExport(sim, 'gcp-west', 'pacman', 'web')?.status.exportStatus,
    ).toBe('READY');
    expect(heartbeat(sim, 'gcp-west')).not.toBe(LONG_AGO);
    expect(sliceHealthStamp(sim, 'pacman-gcp-west')).not.toBe(LONG_AGO);
  });

  it('a worker catches up only once its last fault is gone; reset catches everyone up', async () => {
    sim.faults.partition('azure-eu');
    sim.faults.operatorDown('azure-eu');
    expect((await exportService(sim, 'azure-eu', 'web')).status).toBe(201);
    sim.faults.heal('azure-eu');
    await sim.settle();
    expect(exportConfig(sim, 'web-pacman-azure-eu')).toBeUndefined();

    // The catch-up is done when the call returns (no settle needed).
    sim.faults.reset();
    expect(sim.faults.snapshot()).toMatchObject({
      operatorDownClusters: [],
      partitionedClusters: [],
    });
    expect(exportConfig(sim, 'web-pacman-azure-eu')).toBeDefined();
  });

  it('rejects the hub and unknown clusters', () => {
    expect(() => sim.faults.operatorDown('hub')).toThrow(
      /unknown worker cluster "hub"/,
    );
    expect(() => sim.faults.partition('nope')).toThrow(/unknown worker/);
    expect(() => sim.faults.heal('nope')).toThrow(/unknown worker/);
  });
});
