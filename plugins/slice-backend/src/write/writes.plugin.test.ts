import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { startFleetSim, type FleetSim } from '@slice-portal/fleet-sim';
import { sliceApiSpec } from '@slice-portal/plugin-slice-common';
import Ajv from 'ajv';
import request from 'supertest';
import { slicePlugin } from '../plugin';
import {
  ACME,
  ARCADE,
  PLATFORM,
  examplePolicyPermissions,
} from './__testUtils__/harness';
import { START_TIMEOUT_MS } from '../__testUtils__/processes';

/**
 * The write routes as the plugin serves them (plugin.ts wiring: the write router before
 * the read router, the plugin's operation tracker and audit log), through the public API
 * only: the write, then `GET /v1/operations/{id}` and `GET /v1/audit`. Answers are checked
 * against the API document's schemas.
 */
describe('write routes of the slice plugin', () => {
  let sim: FleetSim;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  const call = (
    method: 'get' | 'post' | 'delete',
    path: string,
    user = PLATFORM,
  ) =>
    request(backend.server)
      [method](`/api/slice${path}`)
      .set('Authorization', mockCredentials.user.header(user));

  const ajv = new Ajv({
    strict: false,
    validateFormats: false,
    allErrors: true,
  });
  ajv.addSchema({ $id: 'spec', components: sliceApiSpec.components });
  const documented = (schema: string, body: unknown) => {
    const validate = ajv.compile({
      $ref: `spec#/components/schemas/${schema}`,
    });
    return { valid: validate(body), errors: validate.errors ?? null };
  };

  beforeAll(async () => {
    sim = await startFleetSim({
      scenario: 'demo',
      port: 0,
      seed: 7,
      statusIntervalMs: 1000,
      onboardDelayMs: 200,
    });
    const scheduler = mockServices.scheduler();
    backend = await startTestBackend({
      features: [
        slicePlugin,
        examplePolicyPermissions,
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
                  workers: { credentials: 'none' },
                },
              ],
              tenancy: {
                platformGroups: ['group:default/platform-team'],
                projects: {
                  acme: ['group:default/team-acme'],
                  arcade: ['group:default/team-arcade'],
                },
              },
            },
          },
        }),
      ],
    });
    // The caches have listed the hub (operations are followed through them).
    for (let i = 0; i < 300; i++) {
      const fleet = await call('get', '/v1/fleet');
      if (fleet.body.hubs?.[0]?.sync?.state === 'ok') break;
      await new Promise(r => setTimeout(r, 100));
    }
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await backend?.stop();
    await sim?.close();
  }, 30_000);

  it('serves and documents the write routes', async () => {
    const doc = (await call('get', '/openapi.json').expect(200)).body;
    expect(
      doc.paths['/api/slice/v1/slices/{hub}/{project}'].post.operationId,
    ).toBe('createSlice');
    expect(
      Object.keys(
        doc.paths['/api/slice/v1/slices/{hub}/{project}/{name}'],
      ).sort(),
    ).toEqual(['delete', 'get', 'patch']);
    const dry = await call('post', '/v1/slices/demo/acme?dryRun=true')
      .send({
        name: 'viaplugin',
        spec: {
          clusters: ['aws-eu'],
          overlayNetworkDeploymentMode: 'no-network',
        },
      })
      .expect(200);
    expect(documented('WriteResult', dry.body)).toEqual({
      valid: true,
      errors: null,
    });
  });

  it('onboards as a tenant and follows the operation to done through GET /v1/operations/{id}', async () => {
    const res = await call(
      'post',
      '/v1/slices/demo/acme/payments/namespaces',
      ACME,
    )
      .send({ namespace: 'plugin-ns', clusters: ['*'] })
      .expect(200);
    expect(documented('WriteResult', res.body)).toEqual({
      valid: true,
      errors: null,
    });
    let op = res.body.operation;
    for (let i = 0; i < 300 && op.state === 'running'; i++) {
      await new Promise(r => setTimeout(r, 100));
      op = (await call('get', `/v1/operations/${op.id}`, ACME).expect(200))
        .body;
    }
    expect(op.state).toBe('done');
    expect(op.actor).toBe(ACME);
    expect(
      op.steps
        .filter((s: { id: string }) => s.id.startsWith('onboard:'))
        .map((s: { state: string }) => s.state),
    ).toEqual(['done', 'done', 'done']);
  });

  it('refuses a tenant outside its project (403) and invalid input (400), with documented errors, all audited', async () => {
    const denied = await call(
      'post',
      '/v1/slices/demo/acme/payments/namespaces',
      ARCADE,
    )
      .send({ namespace: 'sneaky', clusters: ['*'] })
      .expect(403);
    expect(documented('WriteError', denied.body)).toEqual({
      valid: true,
      errors: null,
    });
    expect(denied.body.error.permission).toBe('kubeslice.slice.update');
    const invalid = await call(
      'post',
      '/v1/slices/demo/acme/payments/namespaces',
      ACME,
    )
      .send({ namespace: 'Not_A_Label', clusters: ['*'], extra: true })
      .expect(400);
    expect(documented('WriteError', invalid.body)).toEqual({
      valid: true,
      errors: null,
    });
    expect(
      invalid.body.error.fields.map((f: { path: string }) => f.path).sort(),
    ).toEqual(['extra', 'namespace']);

    const audit = (
      await call('get', '/v1/audit?project=acme&slice=payments').expect(200)
    ).body.items as {
      actor: string;
      action: string;
      result: string;
      dryRun: boolean;
    }[];
    expect(audit.slice(0, 3).map(r => [r.actor, r.action, r.result])).toEqual([
      [ACME, 'namespace.onboard', 'rejected'],
      [ARCADE, 'namespace.onboard', 'denied'],
      [ACME, 'namespace.onboard', 'succeeded'],
    ]);
  });
});
