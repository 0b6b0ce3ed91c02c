import { mockCredentials } from '@backstage/backend-test-utils';
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
 * The slice write routes against the fleet simulator (HTTPS, the controller's real
 * webhooks, worker emulation): create, change, onboard, offboard, guided delete and QoS
 * profiles, each with dry run, preflight and admission refusals, permissions, audit rows
 * and the progress of the tracked operation.
 */

const NS = 'kubeslice-acme';

describe('slice writes against the fleet simulator', () => {
  let h: Harness;
  const call = (
    method: 'post' | 'patch' | 'put' | 'delete',
    path: string,
    user = PLATFORM,
  ) =>
    request(h.server)
      [method](`/api/slice${path}`)
      .set('Authorization', mockCredentials.user.header(user));
  const slice = (name: string) => hubObject(h, 'sliceconfigs', NS, name);
  const lastAudit = () => h.audit.records[h.audit.records.length - 1];

  beforeAll(async () => {
    h = await startWriteHarness();
  }, START_TIMEOUT_MS);
  afterAll(() => h?.close(), 30_000);
  beforeEach(() => h.audit.clear());

  const ordersSpec = {
    clusters: ['aws-eu', 'azure-us'],
    maxClusters: 4,
    sliceSubnet: '10.30.0.0/16',
    standardQosProfileName: 'gold',
    namespaceIsolationProfile: {
      isolationEnabled: true,
      applicationNamespaces: [{ namespace: 'orders', clusters: ['*'] }],
      allowedNamespaces: [{ namespace: 'monitoring', clusters: ['aws-eu'] }],
    },
  };

  it('previews a slice with dryRun: the object with defaults, its YAML and diff; nothing is stored', async () => {
    const res = await call('post', '/v1/slices/demo/acme?dryRun=true')
      .send({ name: 'orders', spec: ordersSpec })
      .expect(200);
    expect(res.body.dryRun).toBe(true);
    // Defaults of the CRD schema and the mutating webhook, as the API server computed them.
    expect(res.body.object.spec).toMatchObject({
      sliceType: 'Application',
      sliceIpamType: 'Local',
      sliceGatewayProvider: {
        sliceGatewayType: 'OpenVPN',
        sliceCaType: 'Local',
      },
      overlayNetworkDeploymentMode: 'single-network',
      vpnConfig: { cipher: 'AES-256-CBC' },
      rotationInterval: 30,
    });
    expect(res.body.object.metadata.managedFields).toBeUndefined();
    expect(res.body.yaml).toContain('kind: SliceConfig');
    expect(res.body.yaml).toContain('sliceSubnet: 10.30.0.0/16');
    expect(res.body.yaml).not.toContain('resourceVersion');
    expect(res.body.diff.changes).toEqual([
      expect.objectContaining({ path: '', op: 'add' }),
    ]);
    expect(res.body.diff.text).toContain('+kind: SliceConfig');
    expect(res.body.preflight).toEqual([]);
    expect(await slice('orders')).toBeUndefined();
    expect(h.audit.records).toEqual([
      expect.objectContaining({
        actor: PLATFORM,
        action: 'slice.create',
        dryRun: true,
        result: 'succeeded',
        target: { hub: 'demo', project: 'acme', slice: 'orders' },
      }),
    ]);
  });

  it('creates a network slice with QoS by profile, isolation and a namespace, and follows it to done', async () => {
    const res = await call('post', '/v1/slices/demo/acme')
      .send({ name: 'orders', spec: ordersSpec })
      .expect(201);
    expect(res.body.dryRun).toBe(false);
    expect(res.body.object.metadata.resourceVersion).toBeDefined();
    const stored = await slice('orders');
    expect(stored.spec).toMatchObject({
      clusters: ['aws-eu', 'azure-us'],
      standardQosProfileName: 'gold',
      namespaceIsolationProfile: { isolationEnabled: true },
    });
    const op = await h.tracker.settled(res.body.operation.id);
    expect(op.state).toBe('done');
    expect(op.steps.map(s => [s.id, s.state])).toEqual([
      ['wsc:aws-eu', 'done'],
      ['wsc:azure-us', 'done'],
      ['tunnel:aws-eu|azure-us', 'done'],
      ['onboard:orders@aws-eu', 'done'],
      ['onboard:orders@azure-us', 'done'],
    ]);
    const wsc = await hubObject(
      h,
      'workersliceconfigs',
      NS,
      'orders-azure-us',
      'worker.kubeslice.io',
    );
    expect(wsc.status.onboardedAppNamespaces).toEqual([{ name: 'orders' }]);
    expect(lastAudit()).toMatchObject({
      action: 'slice.create',
      dryRun: false,
      result: 'succeeded',
      operationId: res.body.operation.id,
    });
  });

  it('creates a no-network slice with inline QoS', async () => {
    const res = await call('post', '/v1/slices/demo/acme')
      .send({
        name: 'reports',
        spec: {
          clusters: ['aws-eu', 'gcp-asia'],
          overlayNetworkDeploymentMode: 'no-network',
          qosProfileDetails: {
            priority: 2,
            bandwidthCeilingKbps: 20000,
            bandwidthGuaranteedKbps: 5000,
            dscpClass: 'AF21',
          },
        },
      })
      .expect(201);
    // The mutating webhook drops vpnConfig on no-network slices; no gateway provider is sent.
    expect(res.body.object.spec.vpnConfig).toBeUndefined();
    expect(res.body.object.spec.sliceGatewayProvider).toBeUndefined();
    expect((await h.tracker.settled(res.body.operation.id)).state).toBe('done');
  });

  it('refuses in preflight what the webhooks would refuse, with field paths, and sends nothing', async () => {
    const res = await call('post', '/v1/slices/demo/acme')
      .send({
        name: 'badnet',
        spec: {
          ...ordersSpec,
          sliceSubnet: '8.8.0.0/16',
          clusters: ['aws-eu', 'nowhere'],
        },
      })
      .expect(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(/^Preflight refused slice badnet: /);
    expect(res.body.error.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'spec.sliceSubnet',
          code: 'subnet.notPrivate',
          source: 'preflight',
        }),
        expect.objectContaining({
          path: 'spec.clusters[1]',
          code: 'cluster.notFound',
          source: 'preflight',
        }),
      ]),
    );
    expect(await slice('badnet')).toBeUndefined();
    expect(lastAudit()).toMatchObject({
      action: 'slice.create',
      result: 'rejected',
    });
    expect(lastAudit().error).toContain('spec.sliceSubnet');
  });

  it("answers the webhook's denial with its message and causes when preflight lets a write through", async () => {
    const restore = h.withoutPreflight('sliceConfig');
    try {
      const spec = {
        clusters: ['aws-eu', 'azure-us'],
        sliceSubnet: '8.8.0.0/16',
        standardQosProfileName: 'gold',
      };
      const res = await call('post', '/v1/slices/demo/acme')
        .send({ name: 'badnet', spec })
        .expect(400);
      expect(res.body.error.message).toBe(
        'admission webhook "vsliceconfig.kb.io" denied the request: SliceConfig.controller.kubeslice.io "badnet" is invalid: spec.sliceSubnet: Invalid value: "8.8.0.0/16": sliceSubnet "8.8.0.0/16" must be a private (RFC 1918) range',
      );
      expect(res.body.error.fields).toEqual([
        {
          path: 'spec.sliceSubnet',
          message:
            'Invalid value: "8.8.0.0/16": sliceSubnet "8.8.0.0/16" must be a private (RFC 1918) range',
          source: 'cluster',
          code: 'FieldValueInvalid',
        },
      ]);
      expect(res.body.error.cluster).toEqual({
        target: 'hub demo',
        httpStatus: 422,
        reason: 'Invalid',
      });
      // The same refusal on a dry run: admission runs with dryRun=All too.
      const dry = await call('post', '/v1/slices/demo/acme?dryRun=true')
        .send({ name: 'badnet', spec })
        .expect(400);
      expect(dry.body.error.message).toContain('denied the request');
    } finally {
      restore();
    }
    expect(await slice('badnet')).toBeUndefined();
    expect(h.audit.records.map(r => [r.dryRun, r.result])).toEqual([
      [false, 'rejected'],
      [true, 'rejected'],
    ]);
  });

  it('answers a second create of the same name with 409 and the API server message', async () => {
    const res = await call('post', '/v1/slices/demo/acme')
      .send({
        name: 'payments',
        spec: {
          clusters: ['aws-eu'],
          overlayNetworkDeploymentMode: 'no-network',
        },
      })
      .expect(409);
    expect(res.body.error.message).toBe(
      'sliceconfigs.controller.kubeslice.io "payments" already exists',
    );
    expect(lastAudit().result).toBe('rejected');
  });

  it('previews a change without storing it (resourceVersion unchanged), then makes it', async () => {
    const before = await slice('analytics');
    const dry = await call(
      'patch',
      '/v1/slices/demo/acme/analytics?dryRun=true',
    )
      .send({
        addClusters: ['azure-us'],
        addAllowedNamespaces: [{ namespace: 'monitoring', clusters: ['*'] }],
      })
      .expect(200);
    expect(dry.body.resourceVersion).toBe(before.metadata.resourceVersion);
    expect(dry.body.diff.changes).toEqual(
      expect.arrayContaining([
        { path: 'spec.clusters', op: 'add', after: 'azure-us' },
        {
          path: 'spec.namespaceIsolationProfile.allowedNamespaces[namespace=monitoring]',
          op: 'add',
          after: { namespace: 'monitoring', clusters: ['*'] },
        },
      ]),
    );
    expect(dry.body.diff.text).toMatch(/^\+\s+- azure-us$/m);
    const after = await slice('analytics');
    expect(after.metadata.resourceVersion).toBe(
      before.metadata.resourceVersion,
    );
    expect(after.spec.clusters).toEqual(['aws-eu', 'gcp-asia']);

    const real = await call('patch', '/v1/slices/demo/acme/analytics')
      .send({ addClusters: ['azure-us'] })
      .expect(200);
    expect(real.body.attempts).toBe(1);
    expect((await slice('analytics')).spec.clusters).toEqual([
      'aws-eu',
      'gcp-asia',
      'azure-us',
    ]);
    const op = await h.tracker.settled(real.body.operation.id);
    expect(op.state).toBe('done');
    expect(op.steps.map(s => s.id)).toEqual([
      'wsc:aws-eu',
      'wsc:gcp-asia',
      'wsc:azure-us',
    ]);
    expect(h.audit.records.map(r => [r.action, r.dryRun, r.result])).toEqual([
      ['slice.update', true, 'succeeded'],
      ['slice.update', false, 'succeeded'],
    ]);
  });

  it('removes a member with its namespace bindings, switches QoS to inline and toggles isolation', async () => {
    // orders: namespace orders on '*', monitoring allowed on aws-eu only.
    const res = await call('patch', '/v1/slices/demo/acme/orders')
      .send({
        removeClusters: ['aws-eu'],
        qos: {
          qosProfileDetails: {
            priority: 1,
            bandwidthCeilingKbps: 40000,
            bandwidthGuaranteedKbps: 10000,
            dscpClass: 'AF31',
          },
        },
        isolationEnabled: false,
      })
      .expect(200);
    const spec = (await slice('orders')).spec;
    expect(spec.clusters).toEqual(['azure-us']);
    expect(spec.standardQosProfileName).toBeUndefined();
    expect(spec.qosProfileDetails).toMatchObject({
      dscpClass: 'AF31',
      queueType: 'HTB',
    });
    expect(spec.namespaceIsolationProfile.isolationEnabled).toBe(false);
    // The '*' entry stays; the one bound only to the removed member goes.
    expect(spec.namespaceIsolationProfile.applicationNamespaces).toEqual([
      { namespace: 'orders', clusters: ['*'] },
    ]);
    expect(spec.namespaceIsolationProfile.allowedNamespaces).toEqual([]);
    const op = await h.tracker.settled(res.body.operation.id);
    expect(op.steps.map(s => [s.id, s.state])).toEqual([
      ['wsc:azure-us', 'done'],
      ['wsc-removed:aws-eu', 'done'],
    ]);
    expect(
      await hubObject(
        h,
        'workersliceconfigs',
        NS,
        'orders-aws-eu',
        'worker.kubeslice.io',
      ),
    ).toBeUndefined();
  });

  it('refuses adding a cluster that is not registered, in preflight', async () => {
    const res = await call('patch', '/v1/slices/demo/acme/orders')
      .send({ addClusters: ['nowhere'] })
      .expect(400);
    expect(res.body.error.fields).toEqual([
      expect.objectContaining({
        path: 'spec.clusters[1]',
        code: 'cluster.notFound',
      }),
    ]);
  });

  it('onboards a namespace on one cluster, then on all, and offboards it per cluster and entirely', async () => {
    const unchanged = await slice('payments');
    const preview = await call(
      'post',
      '/v1/slices/demo/acme/payments/namespaces?dryRun=true',
    )
      .send({ namespace: 'billing', clusters: ['aws-eu'] })
      .expect(200);
    expect(preview.body.diff.changes).toEqual([
      {
        path: 'spec.namespaceIsolationProfile.applicationNamespaces[namespace=billing]',
        op: 'add',
        after: { namespace: 'billing', clusters: ['aws-eu'] },
      },
    ]);
    expect(preview.body.operation).toBeUndefined();
    expect((await slice('payments')).metadata.resourceVersion).toBe(
      unchanged.metadata.resourceVersion,
    );
    const onboard = await call(
      'post',
      '/v1/slices/demo/acme/payments/namespaces',
    )
      .send({ namespace: 'billing', clusters: ['aws-eu'] })
      .expect(200);
    let op = await h.tracker.settled(onboard.body.operation.id);
    expect(op.state).toBe('done');
    expect(op.steps.map(s => [s.id, s.state, s.detail])).toEqual([
      ['stored:payments', 'done', undefined],
      ['onboard:billing@aws-eu', 'done', 'onboarded ✓'],
    ]);
    const everywhere = await call(
      'post',
      '/v1/slices/demo/acme/payments/namespaces',
    )
      .send({ namespace: 'billing', clusters: ['*'] })
      .expect(200);
    op = await h.tracker.settled(everywhere.body.operation.id);
    expect(op.steps.map(s => s.id)).toEqual([
      'stored:payments',
      'onboard:billing@aws-eu',
      'onboard:billing@gcp-asia',
      'onboard:billing@azure-us',
    ]);
    const entry = () =>
      slice('payments').then(s =>
        s.spec.namespaceIsolationProfile.applicationNamespaces.find(
          (e: { namespace: string }) => e.namespace === 'billing',
        ),
      );
    expect(await entry()).toEqual({ namespace: 'billing', clusters: ['*'] });

    // Offboarding from one cluster expands '*' to the other members.
    const partial = await call(
      'delete',
      '/v1/slices/demo/acme/payments/namespaces/billing?clusters=gcp-asia',
    ).expect(200);
    expect(await entry()).toEqual({
      namespace: 'billing',
      clusters: ['aws-eu', 'azure-us'],
    });
    op = await h.tracker.settled(partial.body.operation.id);
    expect(op.steps.map(s => [s.id, s.state])).toEqual([
      ['offboard:billing@gcp-asia', 'done'],
    ]);

    const dry = await call(
      'delete',
      '/v1/slices/demo/acme/payments/namespaces/billing?dryRun=true',
    ).expect(200);
    expect(dry.body.diff.changes).toEqual([
      expect.objectContaining({
        path: 'spec.namespaceIsolationProfile.applicationNamespaces[namespace=billing]',
        op: 'remove',
      }),
    ]);
    expect(await entry()).toBeDefined();
    const full = await call(
      'delete',
      '/v1/slices/demo/acme/payments/namespaces/billing',
    ).expect(200);
    expect(await entry()).toBeUndefined();
    expect((await h.tracker.settled(full.body.operation.id)).state).toBe(
      'done',
    );
    await call(
      'delete',
      '/v1/slices/demo/acme/payments/namespaces/billing',
    ).expect(404);
    expect(h.audit.records.map(r => [r.action, r.dryRun, r.result])).toEqual([
      ['namespace.onboard', true, 'succeeded'],
      ['namespace.onboard', false, 'succeeded'],
      ['namespace.onboard', false, 'succeeded'],
      ['namespace.offboard', false, 'succeeded'],
      ['namespace.offboard', true, 'succeeded'],
      ['namespace.offboard', false, 'succeeded'],
      ['namespace.offboard', false, 'rejected'],
    ]);
  });

  it('refuses to onboard a namespace another slice holds on that cluster (preflight)', async () => {
    // `analytics` is onboarded on aws-eu by the analytics slice.
    const res = await call('post', '/v1/slices/demo/acme/payments/namespaces')
      .send({ namespace: 'analytics', clusters: ['aws-eu'] })
      .expect(400);
    expect(res.body.error.fields[0]).toMatchObject({
      code: 'namespace.boundToOtherSlice',
      path: expect.stringContaining(
        'spec.namespaceIsolationProfile.applicationNamespaces',
      ),
    });
  });

  it('creates and updates a QoS profile; a ceiling below the guarantee is refused', async () => {
    const profile = {
      priority: 1,
      bandwidthCeilingKbps: 30000,
      bandwidthGuaranteedKbps: 20000,
      dscpClass: 'AF41',
    };
    const dry = await call(
      'put',
      '/v1/projects/demo/acme/qos-profiles/silver?dryRun=true',
    )
      .send({ spec: profile })
      .expect(200);
    expect(dry.body.object.spec).toEqual({
      queueType: 'HTB',
      tcType: 'BANDWIDTH_CONTROL',
      ...profile,
    });
    expect(await hubObject(h, 'sliceqosconfigs', NS, 'silver')).toBeUndefined();
    await call('put', '/v1/projects/demo/acme/qos-profiles/silver')
      .send({ spec: profile })
      .expect(201);
    const before = await hubObject(h, 'sliceqosconfigs', NS, 'silver');
    const updated = await call(
      'put',
      '/v1/projects/demo/acme/qos-profiles/silver',
    )
      .send({ spec: { ...profile, bandwidthCeilingKbps: 50000 } })
      .expect(200);
    expect(updated.body.resourceVersion).toBe(before.metadata.resourceVersion);
    expect(updated.body.diff.changes).toEqual([
      {
        path: 'spec.bandwidthCeilingKbps',
        op: 'replace',
        before: 30000,
        after: 50000,
      },
    ]);
    const bad = await call('put', '/v1/projects/demo/acme/qos-profiles/silver')
      .send({ spec: { ...profile, bandwidthCeilingKbps: 100 } })
      .expect(400);
    expect(bad.body.error.fields[0]).toMatchObject({
      code: 'qos.ceilingBelowGuaranteed',
      source: 'preflight',
    });
    expect(
      (await hubObject(h, 'sliceqosconfigs', NS, 'silver')).spec
        .bandwidthCeilingKbps,
    ).toBe(50000);
    expect(h.audit.records.map(r => [r.action, r.dryRun, r.result])).toEqual([
      ['qos.upsert', true, 'succeeded'],
      ['qos.upsert', false, 'succeeded'],
      ['qos.upsert', false, 'succeeded'],
      ['qos.upsert', false, 'rejected'],
    ]);
  });

  it('lets tenants write in their own project only; 403 elsewhere and nothing reaches the cluster', async () => {
    const before = await hubObject(
      h,
      'sliceconfigs',
      'kubeslice-arcade',
      'pacman',
    );
    const create = await call('post', '/v1/slices/demo/arcade', ACME)
      .send({
        name: 'intruder',
        spec: {
          clusters: ['aws-east'],
          overlayNetworkDeploymentMode: 'no-network',
        },
      })
      .expect(403);
    expect(create.body.error.message).toBe(
      "You may not create slices in project 'arcade' on hub 'demo' (kubeslice.slice.create)",
    );
    const onboard = await call(
      'post',
      '/v1/slices/demo/arcade/pacman/namespaces',
      ACME,
    )
      .send({ namespace: 'sneaky', clusters: ['*'] })
      .expect(403);
    expect(onboard.body.error.message).toBe(
      "You may not change slice 'pacman' in project 'arcade' on hub 'demo' (kubeslice.slice.update)",
    );
    await call('patch', '/v1/slices/demo/arcade/pacman', ACME)
      .send({ isolationEnabled: true })
      .expect(403);
    await call('delete', '/v1/slices/demo/arcade/pacman', ACME).expect(403);
    await call('put', '/v1/projects/demo/arcade/qos-profiles/x', ACME)
      .send({
        spec: {
          priority: 0,
          bandwidthCeilingKbps: 1,
          bandwidthGuaranteedKbps: 1,
          dscpClass: 'EF',
        },
      })
      .expect(403);
    expect(
      await hubObject(h, 'sliceconfigs', 'kubeslice-arcade', 'intruder'),
    ).toBeUndefined();
    expect(
      (await hubObject(h, 'sliceconfigs', 'kubeslice-arcade', 'pacman'))
        .metadata.resourceVersion,
    ).toBe(before.metadata.resourceVersion);
    expect(h.audit.records.map(r => [r.actor, r.result])).toEqual(
      Array(5).fill([ACME, 'denied']),
    );

    // In its own project the same tenant may.
    await call('post', '/v1/slices/demo/acme/payments/namespaces', ACME)
      .send({ namespace: 'tenant-ns', clusters: ['gcp-asia'] })
      .expect(200);
    await call('post', '/v1/slices/demo/arcade/pacman/namespaces', ARCADE)
      .send({ namespace: 'arcade-ns', clusters: ['aws-east'] })
      .expect(200);
  });

  it('deletes a slice guided: offboards, waits for every worker, then deletes', async () => {
    await call('post', '/v1/slices/demo/acme/reports/namespaces')
      .send({ namespace: 'quarterly', clusters: ['*'] })
      .expect(200);
    const onboarded = () =>
      hubObject(
        h,
        'workersliceconfigs',
        NS,
        'reports-gcp-asia',
        'worker.kubeslice.io',
      ).then(w => (w?.status?.onboardedAppNamespaces ?? []).length);
    for (let i = 0; i < 100 && (await onboarded()) === 0; i++)
      await new Promise(r => setTimeout(r, 100));
    expect(await onboarded()).toBe(1);

    const before = await slice('reports');
    const dry = await call(
      'delete',
      '/v1/slices/demo/acme/reports?dryRun=true',
    ).expect(200);
    expect(dry.body.plan).toEqual([
      'Offboard quarterly from every member',
      'Wait until every WorkerSliceConfig reports no onboarded namespace and no ServiceExportConfig of the slice remains',
      'Delete SliceConfig reports',
    ]);
    expect((await slice('reports')).metadata.resourceVersion).toBe(
      before.metadata.resourceVersion,
    );

    const res = await call('delete', '/v1/slices/demo/acme/reports').expect(
      202,
    );
    const op = await h.tracker.settled(res.body.operation.id);
    expect(op.state).toBe('done');
    expect(op.steps.map(s => [s.id, s.state])).toEqual([
      ['stored:reports', 'done'],
      ['drain:aws-eu', 'done'],
      ['drain:gcp-asia', 'done'],
      ['drain:exports', 'done'],
      ['delete:reports', 'done'],
      ['delete:wsc', 'done'],
    ]);
    expect(await slice('reports')).toBeUndefined();
    expect(lastAudit()).toMatchObject({
      action: 'slice.delete',
      dryRun: false,
      result: 'succeeded',
      operationId: op.id,
    });
  });

  it('keeps a guided delete waiting while services are still exported', async () => {
    // leaderboard exports `scores` from aws-east: the ServiceExportConfig stays until the
    // ServiceExport is deleted on the worker, so the wait phase names it.
    const res = await call(
      'delete',
      '/v1/slices/demo/arcade/leaderboard?dryRun=true',
    ).expect(200);
    expect(res.body.preflight).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'delete.serviceExportsExist',
          severity: 'warning',
          message: expect.stringContaining('scores-leaderboard-aws-east'),
        }),
      ]),
    );
    expect(
      res.body.preflight.filter(
        (r: { severity: string }) => r.severity === 'error',
      ),
    ).toEqual([]);
  });

  it('answers 404 for unknown hubs, projects and slices', async () => {
    expect(
      (
        await call('patch', '/v1/slices/elsewhere/acme/payments')
          .send({ isolationEnabled: true })
          .expect(404)
      ).body.error.message,
    ).toBe("No hub named 'elsewhere'");
    expect(
      (
        await call('patch', '/v1/slices/demo/acme/nope')
          .send({ isolationEnabled: true })
          .expect(404)
      ).body.error.message,
    ).toBe("No slice 'nope' in project 'acme' on hub 'demo'");
    await call('post', '/v1/slices/demo/nobody')
      .send({
        name: 'x',
        spec: { clusters: [], overlayNetworkDeploymentMode: 'no-network' },
      })
      .expect(404);
  });
});
