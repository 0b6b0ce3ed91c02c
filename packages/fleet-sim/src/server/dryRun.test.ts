import { startFleetSim, type FleetSim } from '../sim/startFleetSim';
import { simRequest, type TestRequest } from '../sim/testClient';

/**
 * `dryRun=All` on every write verb over verified HTTPS: admission and
 * schema run, the answer is what would be stored, and nothing changes —
 * no object, no resourceVersion, no managed fields.
 */

const C = '/apis/controller.kubeslice.io/v1alpha1/namespaces/kubeslice-arcade';
let sim: FleetSim;
beforeAll(async () => {
  sim = await startFleetSim({ statusIntervalMs: 0 });
});
afterAll(() => sim.close());

const call = (r: TestRequest) => simRequest(sim, r);
const revision = () => sim.cluster('hub')!.store.resourceVersion();

const qos = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'controller.kubeslice.io/v1alpha1',
  kind: 'SliceQoSConfig',
  metadata: { name, ...extra },
  spec: {
    queueType: 'HTB',
    priority: 1,
    tcType: 'BANDWIDTH_CONTROL',
    bandwidthCeilingKbps: 20000,
    bandwidthGuaranteedKbps: 5000,
    dscpClass: 'AF21',
  },
});

/** Runs `write` and checks the hub's revision did not move. */
async function unchanged<T>(write: () => Promise<T>): Promise<T> {
  await sim.settle();
  const before = revision();
  const result = await write();
  await sim.settle();
  expect(revision()).toBe(before);
  return result;
}

describe('dryRun=All', () => {
  it('create: defaults and webhooks run, nothing is stored', async () => {
    const res = await unchanged(() =>
      call({
        method: 'POST',
        path: `${C}/sliceconfigs?dryRun=All&fieldManager=tester`,
        body: {
          apiVersion: 'controller.kubeslice.io/v1alpha1',
          kind: 'SliceConfig',
          metadata: { name: 'dry' },
          spec: {
            clusters: ['aws-east', 'gcp-west'],
            sliceSubnet: '10.60.0.0/16',
            sliceGatewayProvider: {
              sliceGatewayType: 'OpenVPN',
              sliceCaType: 'Local',
            },
            standardQosProfileName: 'default',
          },
        },
      }),
    );
    expect(res.status).toBe(201);
    // The schema default (REFERENCE §10: maxClusters 16) is in the answer.
    expect(res.body.spec.maxClusters).toBe(16);
    expect(res.body.metadata.uid).toEqual(expect.any(String));
    expect(res.body.metadata.managedFields[0].manager).toBe('tester');
    expect((await call({ path: `${C}/sliceconfigs/dry` })).status).toBe(404);
    const denied = await unchanged(() =>
      call({
        method: 'POST',
        path: `${C}/sliceconfigs?dryRun=All`,
        body: {
          apiVersion: 'controller.kubeslice.io/v1alpha1',
          kind: 'SliceConfig',
          metadata: { name: 'dry' },
          spec: {
            clusters: ['nowhere'],
            maxClusters: 4,
            sliceSubnet: '10.61.0.0/16',
          },
        },
      }),
    );
    expect(denied.status).toBe(422);
    expect(denied.body.message).toMatch(
      /^admission webhook ".*" denied the request/,
    );
  });

  it('update, patch and apply answer the would-be object with the old resourceVersion', async () => {
    const current = (await call({ path: `${C}/sliceconfigs/pacman` })).body;
    const rv = current.metadata.resourceVersion;
    const put = await unchanged(() =>
      call({
        method: 'PUT',
        path: `${C}/sliceconfigs/pacman?dryRun=All`,
        body: {
          ...current,
          metadata: { ...current.metadata, labels: { dry: 'put' } },
        },
      }),
    );
    expect(put.status).toBe(200);
    expect(put.body.metadata.labels).toEqual({ dry: 'put' });
    expect(put.body.metadata.resourceVersion).toBe(rv);
    const patch = await unchanged(() =>
      call({
        method: 'PATCH',
        path: `${C}/sliceconfigs/pacman?dryRun=All`,
        contentType: 'application/merge-patch+json',
        body: { spec: { maxClusters: 6 } },
      }),
    );
    // Admission ran: maxClusters is immutable.
    expect(patch.status).toBe(422);
    await call({
      method: 'POST',
      path: `${C}/sliceqosconfigs`,
      body: qos('gen'),
    });
    const stored = (await call({ path: `${C}/sliceqosconfigs/gen` })).body;
    const json = await unchanged(() =>
      call({
        method: 'PATCH',
        path: `${C}/sliceqosconfigs/gen?dryRun=All`,
        contentType: 'application/json-patch+json',
        body: [{ op: 'replace', path: '/spec/priority', value: 2 }],
      }),
    );
    expect(json.status).toBe(200);
    expect(json.body.spec.priority).toBe(2);
    expect(json.body.metadata.generation).toBe(stored.metadata.generation + 1);
    expect(json.body.metadata.resourceVersion).toBe(
      stored.metadata.resourceVersion,
    );
    expect((await call({ path: `${C}/sliceqosconfigs/gen` })).body).toEqual(
      stored,
    );
    const applied = await unchanged(() =>
      call({
        method: 'PATCH',
        path: `${C}/sliceqosconfigs/dry-apply?dryRun=All&fieldManager=alice`,
        contentType: 'application/apply-patch+yaml',
        body: qos('dry-apply'),
      }),
    );
    expect(applied.status).toBe(201);
    expect(
      (await call({ path: `${C}/sliceqosconfigs/dry-apply` })).status,
    ).toBe(404);
    const after = (await call({ path: `${C}/sliceconfigs/pacman` })).body;
    expect(after).toEqual(current);
  });

  it('delete: the object stays; with finalizers the answer carries the deletionTimestamp', async () => {
    await call({
      method: 'POST',
      path: `${C}/sliceqosconfigs`,
      body: qos('held', { finalizers: ['test/hold'] }),
    });
    await call({
      method: 'POST',
      path: `${C}/sliceqosconfigs`,
      body: qos('plain'),
    });
    const held = await unchanged(() =>
      call({ method: 'DELETE', path: `${C}/sliceqosconfigs/held?dryRun=All` }),
    );
    expect(held.status).toBe(200);
    expect(held.body.metadata.deletionTimestamp).toEqual(expect.any(String));
    expect(
      (await call({ path: `${C}/sliceqosconfigs/held` })).body.metadata
        .deletionTimestamp,
    ).toBeUndefined();
    const plain = await unchanged(() =>
      call({ method: 'DELETE', path: `${C}/sliceqosconfigs/plain?dryRun=All` }),
    );
    expect(plain.status).toBe(200);
    expect((await call({ path: `${C}/sliceqosconfigs/plain` })).status).toBe(
      200,
    );
    const all = await unchanged(() =>
      call({ method: 'DELETE', path: `${C}/sliceqosconfigs?dryRun=All` }),
    );
    expect(all.body.items.map((i: any) => i.metadata.name)).toEqual(
      expect.arrayContaining(['held', 'plain']),
    );
    expect((await call({ path: `${C}/sliceqosconfigs/plain` })).status).toBe(
      200,
    );
    const ns = await unchanged(() =>
      call({
        method: 'DELETE',
        path: '/api/v1/namespaces/kubeslice-arcade?dryRun=All',
      }),
    );
    expect(ns.status).toBe(200);
    expect((await call({ path: `${C}/sliceconfigs/pacman` })).status).toBe(200);
  });

  it('rejects any other dryRun value', async () => {
    const res = await call({
      method: 'DELETE',
      path: `${C}/sliceqosconfigs/plain?dryRun=Some`,
    });
    expect(res.status).toBe(422);
    expect(res.body.message).toBe(
      'DeleteOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: "Some": supported values: "All"',
    );
  });
});
