import { mockCredentials } from '@backstage/backend-test-utils';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import request from 'supertest';
import {
  ACME,
  ARCADE,
  PLATFORM,
  hubObject,
  startWriteHarness,
  type Harness,
} from './__testUtils__/harness';
import { START_TIMEOUT_MS } from '../__testUtils__/processes';

/**
 * Cluster registration and deregistration, the worker registration values, service export
 * (with and without worker write credentials) and separate hub write credentials, against
 * the fleet simulator.
 */

const NS = 'kubeslice-acme';

describe('cluster and export writes against the fleet simulator', () => {
  let h: Harness;
  const call = (
    method: 'post' | 'delete',
    path: string,
    user = PLATFORM,
    server = h.server,
  ) =>
    request(server)
      [method](`/api/slice${path}`)
      .set('Authorization', mockCredentials.user.header(user));
  const core = () => {
    const kc = new KubeConfig();
    kc.loadFromString(h.sim.kubeconfig);
    kc.setCurrentContext('hub');
    return kc.makeApiClient(CoreV1Api);
  };

  beforeAll(async () => {
    // The portal may write to aws-eu only; other workers get the manifest to apply.
    h = await startWriteHarness({ workerWrite: ['aws-eu'] });
  }, START_TIMEOUT_MS);
  afterAll(() => h?.close(), 30_000);
  beforeEach(() => h.audit.clear());

  const tokyo = {
    name: 'aws-tokyo',
    spec: {
      networkInterface: 'eth0',
      nodeIPs: ['203.0.113.10', '2001:db8::10'],
      clusterProperty: {
        geoLocation: {
          cloudProvider: 'aws',
          cloudRegion: 'ap-northeast-1',
          latitude: '35.68',
          longitude: '139.69',
        },
      },
    },
  };

  it('previews a registration, refuses bad coordinates in preflight and bad IPs at the webhook', async () => {
    const dry = await call(
      'post',
      '/v1/projects/demo/acme/clusters?dryRun=true',
    )
      .send(tokyo)
      .expect(200);
    expect(dry.body.object.spec).toEqual(tokyo.spec);
    expect(await hubObject(h, 'clusters', NS, 'aws-tokyo')).toBeUndefined();

    const lat = await call('post', '/v1/projects/demo/acme/clusters')
      .send({
        ...tokyo,
        spec: {
          ...tokyo.spec,
          clusterProperty: {
            geoLocation: { latitude: '95', longitude: '139.69' },
          },
        },
      })
      .expect(400);
    expect(lat.body.error.fields).toEqual([
      expect.objectContaining({
        path: 'spec.clusterProperty.geoLocation.latitude',
        code: 'geo.latitudeInvalid',
        source: 'preflight',
      }),
    ]);

    const restore = h.withoutPreflight('cluster');
    try {
      const ip = await call('post', '/v1/projects/demo/acme/clusters')
        .send({ ...tokyo, spec: { ...tokyo.spec, nodeIPs: ['not-an-ip'] } })
        .expect(400);
      expect(ip.body.error.message).toContain(
        'admission webhook "vcluster.kb.io" denied the request',
      );
      expect(ip.body.error.fields).toEqual([
        expect.objectContaining({ path: 'spec.nodeIPs[0]', source: 'cluster' }),
      ]);
    } finally {
      restore();
    }
    expect(await hubObject(h, 'clusters', NS, 'aws-tokyo')).toBeUndefined();
    expect(h.audit.records.map(r => [r.action, r.dryRun, r.result])).toEqual([
      ['cluster.register', true, 'succeeded'],
      ['cluster.register', false, 'rejected'],
      ['cluster.register', false, 'rejected'],
    ]);
  });

  it('lets only platform users register clusters', async () => {
    const res = await call('post', '/v1/projects/demo/acme/clusters', ACME)
      .send(tokyo)
      .expect(403);
    expect(res.body.error.message).toBe(
      "You may not register clusters in project 'acme' on hub 'demo' (kubeslice.cluster.register)",
    );
    await call(
      'post',
      '/v1/projects/demo/acme/clusters/aws-eu/registration-values',
      ACME,
    )
      .send({})
      .expect(403);
    await call('delete', '/v1/projects/demo/acme/clusters/aws-eu', ACME).expect(
      403,
    );
    expect(await hubObject(h, 'clusters', NS, 'aws-tokyo')).toBeUndefined();
    expect(h.audit.records.map(r => r.result)).toEqual([
      'denied',
      'denied',
      'denied',
    ]);
  });

  it('registers a cluster, follows it until the controller issued its Secret, and hands out the worker values once', async () => {
    const res = await call('post', '/v1/projects/demo/acme/clusters')
      .send(tokyo)
      .expect(201);
    const op = await h.tracker.settled(res.body.operation.id);
    expect(op.state).toBe('done');
    expect(op.steps.map(s => [s.id, s.state])).toEqual([
      ['cluster:aws-tokyo', 'done'],
      ['secret', 'done'],
    ]);
    const stored = await hubObject(h, 'clusters', NS, 'aws-tokyo');
    expect(stored.status.secretName).toBe('kubeslice-rbac-worker-aws-tokyo');

    // Everything written to the console or the logs while the values are read.
    const written: string[] = [];
    const spies = [
      jest.spyOn(process.stdout, 'write').mockImplementation((chunk: any) => {
        written.push(String(chunk));
        return true;
      }),
      jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => {
        written.push(String(chunk));
        return true;
      }),
      ...(['log', 'info', 'warn', 'error', 'debug'] as const).map(m =>
        jest.spyOn(console, m).mockImplementation((...args: unknown[]) => {
          written.push(args.map(String).join(' '));
        }),
      ),
    ];
    let values: request.Response;
    try {
      values = await call(
        'post',
        '/v1/projects/demo/acme/clusters/aws-tokyo/registration-values',
      )
        .send({ clusterEndpoint: 'https://tokyo.example.com:6443' })
        .expect(200);
    } finally {
      spies.forEach(s => s.mockRestore());
    }
    const secret = await core().readNamespacedSecret({
      namespace: NS,
      name: 'kubeslice-rbac-worker-aws-tokyo',
    });
    expect(values.headers['cache-control']).toBe('no-store');
    expect(values.body.values).toEqual({
      controllerSecret: {
        namespace: secret.data!.namespace,
        endpoint: secret.data!.controllerEndpoint,
        'ca.crt': secret.data!['ca.crt'],
        token: secret.data!.token,
      },
      cluster: {
        name: 'aws-tokyo',
        endpoint: 'https://tokyo.example.com:6443',
      },
    });
    expect(values.body.yaml).toContain(`token: ${secret.data!.token}`);
    const token = secret.data!.token!;
    const plain = Buffer.from(token, 'base64').toString('utf8');
    expect(written.join('\n')).not.toContain(token);
    expect(written.join('\n')).not.toContain(plain);
    const audit = JSON.stringify(h.audit.records);
    expect(audit).not.toContain(token);
    expect(audit).not.toContain(plain);
    expect(h.audit.records[h.audit.records.length - 1]).toMatchObject({
      action: 'cluster.register',
      result: 'succeeded',
      summary: 'read the worker registration values of cluster aws-tokyo',
      target: { hub: 'demo', project: 'acme', cluster: 'aws-tokyo' },
    });
    await call(
      'post',
      '/v1/projects/demo/acme/clusters/nowhere/registration-values',
    )
      .send({})
      .expect(404);
  });

  it('refuses to deregister a cluster that is in a slice, naming the slices, and deregisters a free one', async () => {
    const refused = await call(
      'delete',
      '/v1/projects/demo/acme/clusters/aws-eu',
    ).expect(400);
    expect(refused.body.error.fields).toEqual([
      expect.objectContaining({ code: 'cluster.inUse', path: 'metadata.name' }),
    ]);
    expect(refused.body.error.message).toContain(
      'aws-eu is still a member of slices analytics, payments',
    );
    const restore = h.withoutPreflight('cluster');
    try {
      const denied = await call(
        'delete',
        '/v1/projects/demo/acme/clusters/aws-eu',
      ).expect(400);
      expect(denied.body.error.message).toContain(
        'The cluster cannot be deleted which is participating in slice config',
      );
    } finally {
      restore();
    }
    expect(await hubObject(h, 'clusters', NS, 'aws-eu')).toBeDefined();

    const before = await hubObject(h, 'clusters', NS, 'aws-tokyo');
    const dry = await call(
      'delete',
      '/v1/projects/demo/acme/clusters/aws-tokyo?dryRun=true',
    ).expect(200);
    expect(dry.body.diff.changes).toEqual([
      expect.objectContaining({ path: '', op: 'remove' }),
    ]);
    const after = await hubObject(h, 'clusters', NS, 'aws-tokyo');
    expect(after.metadata.resourceVersion).toBe(
      before.metadata.resourceVersion,
    );
    expect(after.metadata.deletionTimestamp).toBeUndefined();

    const res = await call(
      'delete',
      '/v1/projects/demo/acme/clusters/aws-tokyo',
    ).expect(202);
    const op = await h.tracker.settled(res.body.operation.id);
    expect(op.state).toBe('done');
    expect(await hubObject(h, 'clusters', NS, 'aws-tokyo')).toBeUndefined();
    expect(h.audit.records.map(r => [r.action, r.dryRun, r.result])).toEqual([
      ['cluster.deregister', false, 'rejected'],
      ['cluster.deregister', false, 'rejected'],
      ['cluster.deregister', true, 'succeeded'],
      ['cluster.deregister', false, 'succeeded'],
    ]);
  });

  const exportBody = (cluster: string, name = 'payments-web') => ({
    cluster,
    namespace: 'payments',
    name,
    spec: {
      selector: { matchLabels: { app: 'payments-api' } },
      ports: [{ name: 'http-web', containerPort: 8443, protocol: 'TCP' }],
      aliases: ['web.payments.example.com'],
    },
  });
  const workerExport = async (cluster: string, name: string) => {
    try {
      return await h.worker(cluster).getNamespacedCustomObject({
        group: 'networking.kubeslice.io',
        version: 'v1beta1',
        namespace: 'payments',
        plural: 'serviceexports',
        name,
      });
    } catch (e) {
      if ((e as { code?: number }).code === 404) return undefined;
      throw e;
    }
  };

  it('exports a service through the worker write credentials and follows it to the imports', async () => {
    const dry = await call(
      'post',
      '/v1/slices/demo/acme/payments/exports?dryRun=true',
    )
      .send(exportBody('aws-eu'))
      .expect(200);
    expect(dry.body.object.spec).toMatchObject({
      slice: 'payments',
      aliases: ['web.payments.example.com'],
    });
    expect(await workerExport('aws-eu', 'payments-web')).toBeUndefined();

    const res = await call('post', '/v1/slices/demo/acme/payments/exports')
      .send(exportBody('aws-eu'))
      .expect(201);
    expect(res.body.applied).toBe(true);
    expect(await workerExport('aws-eu', 'payments-web')).toBeDefined();
    const op = await h.tracker.settled(res.body.operation.id);
    expect(op.state).toBe('done');
    expect(op.steps.map(s => [s.id, s.state])).toEqual([
      ['export', 'done'],
      ['sec', 'done'],
      ['import:aws-eu', 'done'],
      ['import:gcp-asia', 'done'],
      ['import:azure-us', 'done'],
    ]);
    expect(
      await hubObject(
        h,
        'serviceexportconfigs',
        NS,
        'payments-web-payments-aws-eu',
      ),
    ).toBeDefined();
    expect(
      h.audit.records.map(r => [r.action, r.dryRun, r.result, r.target]),
    ).toEqual([
      [
        'service.export',
        true,
        'succeeded',
        { hub: 'demo', project: 'acme', slice: 'payments', cluster: 'aws-eu' },
      ],
      [
        'service.export',
        false,
        'succeeded',
        { hub: 'demo', project: 'acme', slice: 'payments', cluster: 'aws-eu' },
      ],
    ]);
  });

  it('hands out the manifest where the portal may not write to the worker', async () => {
    const res = await call('post', '/v1/slices/demo/acme/payments/exports')
      .send(exportBody('gcp-asia'))
      .expect(200);
    expect(res.body.applied).toBe(false);
    expect(res.body.operation).toBeUndefined();
    expect(res.body.yaml).toContain('kind: ServiceExport');
    expect(res.body.yaml).toContain('slice: payments');
    expect(res.body.instructions).toContain('kubectl --context gcp-asia apply');
    expect(await workerExport('gcp-asia', 'payments-web')).toBeUndefined();
    expect(h.audit.records[0].summary).toContain('(manifest handed out)');
  });

  it('refuses an export from a non-member, warns about a namespace that is not onboarded, and checks permissions', async () => {
    const res = await call('post', '/v1/slices/demo/acme/analytics/exports')
      .send(exportBody('azure-us'))
      .expect(400);
    expect(res.body.error.fields).toEqual([
      expect.objectContaining({
        path: 'cluster',
        code: 'export.clusterNotMember',
      }),
    ]);
    const pending = await call(
      'post',
      '/v1/slices/demo/acme/analytics/exports?dryRun=true',
    )
      .send(exportBody('aws-eu', 'analytics-web'))
      .expect(200);
    expect(pending.body.preflight).toEqual([
      expect.objectContaining({
        path: 'namespace',
        code: 'export.namespaceNotOnboarded',
        severity: 'warning',
      }),
    ]);
    expect(await workerExport('aws-eu', 'analytics-web')).toBeUndefined();
    // A second export of an existing name is the worker's 409, with its message.
    const again = await call('post', '/v1/slices/demo/acme/payments/exports')
      .send(exportBody('aws-eu'))
      .expect(409);
    expect(again.body.error.message).toBe(
      'serviceexports.networking.kubeslice.io "payments-web" already exists',
    );
    expect(again.body.error.cluster).toMatchObject({
      target: 'worker aws-eu',
      httpStatus: 409,
    });
    await call('post', '/v1/slices/demo/acme/payments/exports', ARCADE)
      .send(exportBody('aws-eu', 'x'))
      .expect(403);
    expect(await workerExport('aws-eu', 'x')).toBeUndefined();
  });

  it('writes with separate hub write credentials; a cluster refusing them is a 403 with its message', async () => {
    // A second backend on the same simulator whose hub writes use the project's read-only
    // token (kubeslice-rbac-ro-auditor): reads for preflight work, writes are forbidden.
    const ro = await core().readNamespacedSecret({
      namespace: NS,
      name: 'kubeslice-rbac-ro-auditor',
    });
    const readOnly = await startWriteHarness({
      sim: h.sim,
      hubWriteToken: () =>
        Buffer.from(ro.data!.token!, 'base64').toString('utf8'),
    });
    try {
      const res = await call(
        'post',
        '/v1/slices/demo/acme',
        PLATFORM,
        readOnly.server,
      )
        .send({
          name: 'rofail',
          spec: {
            clusters: ['aws-eu'],
            overlayNetworkDeploymentMode: 'no-network',
          },
        })
        .expect(403);
      expect(res.body.error.message).toMatch(
        /^hub demo refused the portal's write credentials: sliceconfigs\.controller\.kubeslice\.io is forbidden: User ".*auditor" cannot create resource "sliceconfigs"/,
      );
      expect(res.body.error.cluster).toMatchObject({
        httpStatus: 403,
        reason: 'Forbidden',
      });
      expect(readOnly.audit.records).toEqual([
        expect.objectContaining({ action: 'slice.create', result: 'failed' }),
      ]);
    } finally {
      await readOnly.close();
    }
    expect(await hubObject(h, 'sliceconfigs', NS, 'rofail')).toBeUndefined();
  });
  it('answers 503 (never 500) when the hub is slow or failing, and writes nothing', async () => {
    // A backend on the same simulator whose calls to clusters time out after 1 s.
    const impatient = await startWriteHarness({
      sim: h.sim,
      extraSliceConfig: { write: { requestTimeout: '1s' } },
    });
    const body = {
      name: 'faulty',
      spec: {
        clusters: ['aws-eu'],
        overlayNetworkDeploymentMode: 'no-network',
      },
    };
    try {
      h.sim.faults.apiFault('hub', { resource: 'sliceconfigs', delayMs: 3000 });
      const slow = await call(
        'post',
        '/v1/slices/demo/acme',
        PLATFORM,
        impatient.server,
      )
        .send(body)
        .expect(503);
      expect(slow.body.error.message).toMatch(
        /^hub demo could not be reached: /,
      );
      h.sim.faults.clearApiFault('hub', { resource: 'sliceconfigs' });

      h.sim.faults.apiFault('hub', {
        resource: 'sliceconfigs',
        errorRate: 1,
        errorCode: 500,
      });
      const failing = await call(
        'post',
        '/v1/slices/demo/acme',
        PLATFORM,
        impatient.server,
      )
        .send(body)
        .expect(503);
      expect(failing.body.error.message).toMatch(/^hub demo answered 500: /);
      expect(failing.body.error.cluster).toMatchObject({ httpStatus: 500 });
      expect(impatient.audit.records.map(r => r.result)).toEqual([
        'failed',
        'failed',
      ]);
    } finally {
      h.sim.faults.clearApiFault('hub');
      await impatient.close();
    }
    expect(await hubObject(h, 'sliceconfigs', NS, 'faulty')).toBeUndefined();
  });
});
