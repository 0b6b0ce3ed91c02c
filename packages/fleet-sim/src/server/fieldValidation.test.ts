import { startFleetSim, type FleetSim } from '../sim/startFleetSim';
import { simRequest, type TestRequest } from '../sim/testClient';

/**
 * `fieldValidation=Strict|Warn|Ignore` over verified HTTPS, on custom
 * resources (the CRD schema) and built-in kinds (the OpenAPI schema).
 */

const C = '/apis/controller.kubeslice.io/v1alpha1/namespaces/kubeslice-arcade';
let sim: FleetSim;
beforeAll(async () => {
  sim = await startFleetSim({ statusIntervalMs: 0 });
});
afterAll(() => sim.close());

const call = (r: TestRequest) => simRequest(sim, r);

const qos = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'controller.kubeslice.io/v1alpha1',
  kind: 'SliceQoSConfig',
  metadata: { name, namespace: 'kubeslice-arcade' },
  spec: {
    queueType: 'HTB',
    priority: 1,
    tcType: 'BANDWIDTH_CONTROL',
    bandwidthCeilingKbps: 20000,
    bandwidthGuaranteedKbps: 5000,
    dscpClass: 'AF21',
    ...extra,
  },
});

describe('fieldValidation', () => {
  it('Strict rejects unknown fields on create with every path, and stores nothing', async () => {
    const body = qos('strict-one', { foo: 1 });
    (body.metadata as any).bogus = true;
    const res = await call({
      method: 'POST',
      path: `${C}/sliceqosconfigs?fieldValidation=Strict`,
      body,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      kind: 'Status',
      reason: 'BadRequest',
      message:
        'SliceQoSConfig in version "v1alpha1" cannot be handled as a SliceQoSConfig: strict decoding error: unknown field "metadata.bogus", unknown field "spec.foo"',
    });
    expect(
      (await call({ path: `${C}/sliceqosconfigs/strict-one` })).status,
    ).toBe(404);
  });

  it('Strict names unknown fields inside lists', async () => {
    const res = await call({
      method: 'POST',
      path: `${C}/sliceconfigs?fieldValidation=Strict&dryRun=All`,
      body: {
        apiVersion: 'controller.kubeslice.io/v1alpha1',
        kind: 'SliceConfig',
        metadata: { name: 'listy' },
        spec: {
          maxClusters: 4,
          externalGatewayConfig: [{ clusters: ['aws-east'], extra: 'x' }],
        },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(
      /unknown field "spec\.externalGatewayConfig\[0\]\.extra"$/,
    );
  });

  it('Warn (the default) answers with a Warning header per field and drops them', async () => {
    for (const [name, query] of [
      ['warned', '?fieldValidation=Warn'],
      ['defaulted', ''],
    ]) {
      const res = await call({
        method: 'POST',
        path: `${C}/sliceqosconfigs${query}`,
        body: qos(name, { foo: 1, bar: 'x' }),
      });
      expect(res.status).toBe(201);
      expect(res.headers.warning).toBe(
        '299 - "unknown field \\"spec.bar\\"", 299 - "unknown field \\"spec.foo\\""',
      );
      expect(res.body.spec.foo).toBeUndefined();
      const stored = await call({ path: `${C}/sliceqosconfigs/${name}` });
      expect(Object.keys(stored.body.spec)).not.toContain('foo');
    }
  });

  it('Ignore drops them silently', async () => {
    const res = await call({
      method: 'POST',
      path: `${C}/sliceqosconfigs?fieldValidation=Ignore`,
      body: qos('ignored', { foo: 1 }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.warning).toBeUndefined();
    expect(res.body.spec.foo).toBeUndefined();
  });

  it('checks PUT with the kind in the message, and patches without it', async () => {
    const current = (await call({ path: `${C}/sliceqosconfigs/ignored` })).body;
    const put = await call({
      method: 'PUT',
      path: `${C}/sliceqosconfigs/ignored?fieldValidation=Strict`,
      body: { ...current, spec: { ...current.spec, foo: 2 } },
    });
    expect(put.status).toBe(400);
    expect(put.body.message).toBe(
      'SliceQoSConfig in version "v1alpha1" cannot be handled as a SliceQoSConfig: strict decoding error: unknown field "spec.foo"',
    );
    const patch = await call({
      method: 'PATCH',
      path: `${C}/sliceqosconfigs/ignored?fieldValidation=Strict`,
      contentType: 'application/merge-patch+json',
      body: { spec: { priority: 3, baz: true } },
    });
    expect(patch.status).toBe(400);
    expect(patch.body.message).toBe(
      'strict decoding error: unknown field "spec.baz"',
    );
    const after = await call({ path: `${C}/sliceqosconfigs/ignored` });
    expect(after.body.spec.priority).toBe(1);
  });

  it('knows the built-in kinds: ConfigMap fields are checked, Pod specs stay open', async () => {
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg' },
      data: { a: 'b' },
      datta: { typo: 'x' },
    };
    const strict = await call({
      method: 'POST',
      path: '/api/v1/namespaces/kubeslice-arcade/configmaps?fieldValidation=Strict',
      body: cm,
    });
    expect(strict.status).toBe(400);
    expect(strict.body.message).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "datta"',
    );
    const warned = await call({
      method: 'POST',
      path: '/api/v1/namespaces/kubeslice-arcade/configmaps',
      body: cm,
    });
    expect(warned.status).toBe(201);
    expect(warned.body).not.toHaveProperty('datta');
    expect(warned.body.data).toEqual({ a: 'b' });

    const pod = await call({
      method: 'POST',
      cluster: 'aws-east',
      path: '/api/v1/namespaces/kubeslice-system/pods?fieldValidation=Strict&dryRun=All',
      body: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: { containers: [{ name: 'c', image: 'nginx' }], newField: 1 },
      },
    });
    expect(pod.status).toBe(201);
    expect(pod.body.spec.newField).toBe(1);
  });

  it('rejects an unknown directive like the API server validates its options', async () => {
    const res = await call({
      method: 'POST',
      path: `${C}/sliceqosconfigs?fieldValidation=Loud`,
      body: qos('loud'),
    });
    expect(res.status).toBe(422);
    expect(res.body.message).toBe(
      'CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "Loud": supported values: "", "Ignore", "Strict", "Warn"',
    );
  });
});
