import { startFleetSim, type FleetSim } from '../sim/startFleetSim';

const WORKER_API = '/apis/worker.kubeslice.io/v1alpha1';
const PROJECT = 'kubeslice-arcade';
const GATEWAYS = `${WORKER_API}/namespaces/${PROJECT}/workerslicegateways`;
const CONFIGS = `${WORKER_API}/namespaces/${PROJECT}/workersliceconfigs`;
const SLICES = `/apis/controller.kubeslice.io/v1alpha1/namespaces/${PROJECT}/sliceconfigs`;

async function get(sim: FleetSim, path: string, cluster = 'hub') {
  const started = Date.now();
  const res = await fetch(`${sim.clusterUrl(cluster)}${path}`, {
    headers: { authorization: `Bearer ${sim.adminToken}` },
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? JSON.parse(text.split('\n')[0]) : undefined,
    ms: Date.now() - started,
  };
}

describe('API faults of one resource', () => {
  let sim: FleetSim;

  beforeAll(async () => {
    sim = await startFleetSim({ tls: false, statusIntervalMs: 0, seed: 4 });
  });
  afterEach(() => sim.faults.reset());
  afterAll(() => sim.close());

  it('fails list, get and watch of that resource only', async () => {
    const gw = (await get(sim, GATEWAYS)).body.items[0].metadata.name;
    sim.faults.apiFault('hub', {
      resource: 'workerslicegateways',
      errorRate: 1,
      errorCode: 500,
    });
    for (const path of [
      GATEWAYS,
      `${GATEWAYS}/${gw}`,
      `${GATEWAYS}?watch=1`,
      `${WORKER_API}/workerslicegateways?watch=true&resourceVersion=0`,
    ]) {
      const res = await get(sim, path);
      expect({ path, status: res.status, body: res.body }).toMatchObject({
        status: 500,
        body: { kind: 'Status', code: 500, reason: 'InternalError' },
      });
    }
    expect((await get(sim, CONFIGS)).status).toBe(200);
    expect((await get(sim, SLICES)).status).toBe(200);
    expect((await get(sim, '/api/v1/namespaces')).status).toBe(200);
    expect((await get(sim, '/apis')).status).toBe(200);
    // The same resource on a worker cluster is not affected.
    expect(
      (
        await get(
          sim,
          '/apis/networking.kubeslice.io/v1beta1/slicegateways',
          'aws-east',
        )
      ).status,
    ).toBe(200);

    sim.faults.clearApiFault('hub', { resource: 'workerslicegateways' });
    expect((await get(sim, GATEWAYS)).status).toBe(200);
  });

  it('coexists with other resources’ faults and a whole-cluster one; clearing is per resource or all', async () => {
    sim.faults.apiFault('hub', {
      resource: 'workerslicegateways',
      errorRate: 1,
      errorCode: 500,
    });
    sim.faults.apiFault('hub', {
      resource: 'workersliceconfigs',
      errorRate: 1,
      errorCode: 429,
    });
    sim.faults.apiFault('hub', { resource: 'sliceconfigs', delayMs: 300 });
    sim.faults.apiFault('hub', { delayMs: 1 });
    expect(sim.faults.snapshot().apis).toEqual([
      { cluster: 'hub', delayMs: 1, errorRate: 0, errorCode: 500 },
      {
        cluster: 'hub',
        resource: 'sliceconfigs',
        delayMs: 300,
        errorRate: 0,
        errorCode: 500,
      },
      {
        cluster: 'hub',
        resource: 'workersliceconfigs',
        delayMs: 0,
        errorRate: 1,
        errorCode: 429,
      },
      {
        cluster: 'hub',
        resource: 'workerslicegateways',
        delayMs: 0,
        errorRate: 1,
        errorCode: 500,
      },
    ]);
    expect((await get(sim, GATEWAYS)).status).toBe(500);
    expect(await get(sim, CONFIGS)).toMatchObject({
      status: 429,
      body: { reason: 'TooManyRequests' },
    });
    const slow = await get(sim, SLICES);
    expect(slow.status).toBe(200);
    // Timers may fire a millisecond early; 300 ms of delay is well above that.
    expect(slow.ms).toBeGreaterThanOrEqual(290);

    sim.faults.clearApiFault('hub', { resource: 'workersliceconfigs' });
    expect((await get(sim, CONFIGS)).status).toBe(200);
    expect((await get(sim, GATEWAYS)).status).toBe(500);
    sim.faults.clearApiFault('hub');
    expect(sim.faults.snapshot().apis).toEqual([]);
    expect((await get(sim, GATEWAYS)).status).toBe(200);
  });

  it('a whole-cluster error fault still fails every resource', async () => {
    sim.faults.apiFault('hub', { resource: 'sliceconfigs', delayMs: 1 });
    sim.faults.apiFault('hub', { errorRate: 1, errorCode: 503 });
    expect((await get(sim, SLICES)).status).toBe(503);
    expect((await get(sim, CONFIGS)).status).toBe(503);
  });

  it('is reachable through the control API and rejects resources the cluster does not serve', async () => {
    const auth = { authorization: `Bearer ${sim.adminToken}` };
    const put = await fetch(
      `${sim.url}/sim/v1/faults/apis/hub/workerslicegateways`,
      {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ errorRate: 1, errorCode: 504 }),
      },
    );
    expect(put.status).toBe(200);
    expect((await put.json()).apis).toEqual([
      {
        cluster: 'hub',
        resource: 'workerslicegateways',
        delayMs: 0,
        errorRate: 1,
        errorCode: 504,
      },
    ]);
    expect(await get(sim, GATEWAYS)).toMatchObject({
      status: 504,
      body: { reason: 'Timeout' },
    });
    const del = await fetch(
      `${sim.url}/sim/v1/faults/apis/hub/workerslicegateways`,
      { method: 'DELETE', headers: auth },
    );
    expect((await del.json()).apis).toEqual([]);

    const bad = await fetch(`${sim.url}/sim/v1/faults/apis/hub/gadgets`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 1 }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(
      /cluster "hub" serves no resource "gadgets"/,
    );
    // Workers serve SliceGateways, the hub does not.
    expect(() =>
      sim.faults.apiFault('hub', { resource: 'slicegateways', errorRate: 1 }),
    ).toThrow(/serves no resource/);
  });
});
