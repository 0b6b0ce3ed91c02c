import { startFleetSim, type FleetSim } from '../sim/startFleetSim';
import { simRequest } from '../sim/testClient';
import { toV2Schema } from './v2';

/**
 * The OpenAPI documents over verified HTTPS: v3 discovery and per-group
 * documents named like kube-apiserver's, v2 as JSON and protobuf.
 */

let sim: FleetSim;
beforeAll(async () => {
  sim = await startFleetSim({ statusIntervalMs: 0 });
});
afterAll(() => sim.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  simRequest(sim, { path, headers });

describe('OpenAPI v3', () => {
  it('lists one document per served group/version with a content hash', async () => {
    const res = await get('/openapi/v3');
    expect(res.status).toBe(200);
    const paths = res.body.paths;
    expect(Object.keys(paths).sort()).toEqual([
      'api/v1',
      'apis/controller.kubeslice.io/v1alpha1',
      'apis/rbac.authorization.k8s.io/v1',
      'apis/worker.kubeslice.io/v1alpha1',
    ]);
    expect(
      paths['apis/controller.kubeslice.io/v1alpha1'].serverRelativeURL,
    ).toMatch(
      /^\/openapi\/v3\/apis\/controller\.kubeslice\.io\/v1alpha1\?hash=[0-9A-F]{128}$/,
    );
    const onWorker = await simRequest(sim, {
      path: '/openapi/v3',
      cluster: 'aws-east',
    });
    expect(Object.keys(onWorker.body.paths)).toContain(
      'apis/networking.kubeslice.io/v1beta1',
    );
  });

  it('names CRD schemas by reversed group, with the GVK extension, and advertises fieldValidation on PATCH', async () => {
    const url = (await get('/openapi/v3')).body.paths[
      'apis/controller.kubeslice.io/v1alpha1'
    ].serverRelativeURL;
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, immutable');
    const doc = res.body;
    expect(doc.openapi).toBe('3.0.0');
    const schema =
      doc.components.schemas['io.kubeslice.controller.v1alpha1.SliceConfig'];
    expect(schema['x-kubernetes-group-version-kind']).toEqual([
      {
        group: 'controller.kubeslice.io',
        kind: 'SliceConfig',
        version: 'v1alpha1',
      },
    ]);
    expect(schema.properties.metadata.allOf).toEqual([
      {
        $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
      },
    ]);
    expect(schema.properties.spec.properties.maxClusters.maximum).toBe(32);
    expect(
      doc.components.schemas['io.kubeslice.controller.v1alpha1.SliceConfigList']
        .properties.items.items,
    ).toEqual({
      allOf: [
        {
          $ref: '#/components/schemas/io.kubeslice.controller.v1alpha1.SliceConfig',
        },
      ],
    });
    expect(
      doc.components.schemas['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
    ).toBeDefined();
    const item =
      doc.paths[
        '/apis/controller.kubeslice.io/v1alpha1/namespaces/{namespace}/sliceconfigs/{name}'
      ];
    expect(item.patch['x-kubernetes-group-version-kind']).toEqual({
      group: 'controller.kubeslice.io',
      kind: 'SliceConfig',
      version: 'v1alpha1',
    });
    expect(item.patch.parameters.map((p: any) => p.name)).toEqual([
      'dryRun',
      'fieldManager',
      'fieldValidation',
      'force',
    ]);
    expect(Object.keys(item.patch.requestBody.content)).toEqual([
      'application/apply-patch+yaml',
      'application/json-patch+json',
      'application/merge-patch+json',
    ]);
    expect(item.patch.operationId).toBe(
      'patchControllerKubesliceIoV1alpha1NamespacedSliceConfig',
    );
    expect(
      doc.paths[
        '/apis/controller.kubeslice.io/v1alpha1/namespaces/{namespace}/sliceconfigs/{name}/status'
      ].put['x-kubernetes-action'],
    ).toBe('put');
  });

  it('serves the core group with built-in names and redirects a stale hash', async () => {
    const res = await get('/openapi/v3/api/v1');
    expect(res.headers['cache-control']).toBe('no-cache, private');
    const schemas = res.body.components.schemas;
    expect(
      schemas['io.k8s.api.core.v1.ConfigMap'][
        'x-kubernetes-group-version-kind'
      ],
    ).toEqual([{ group: '', kind: 'ConfigMap', version: 'v1' }]);
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining([
        'io.k8s.api.core.v1.Secret',
        'io.k8s.api.core.v1.NamespaceList',
        'io.k8s.apimachinery.pkg.apis.meta.v1.Status',
      ]),
    );
    expect(
      Object.keys(
        res.body.paths['/api/v1/namespaces/{namespace}/configmaps/{name}'].patch
          .requestBody.content,
      ),
    ).toContain('application/strategic-merge-patch+json');
    const stale = await get('/openapi/v3/api/v1?hash=0123');
    expect(stale.status).toBe(301);
    expect(stale.headers.location).toMatch(
      /^\/clusters\/hub\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{128}$/,
    );
    const again = await get('/openapi/v3/api/v1', {
      'if-none-match': String(res.headers.etag),
    });
    expect(again.status).toBe(304);
    expect((await get('/openapi/v3/apis/nope/v1')).status).toBe(404);
  });

  it('needs a valid token', async () => {
    const res = await simRequest(sim, { path: '/openapi/v3', token: 'nope' });
    expect(res.status).toBe(401);
  });
});

describe('OpenAPI v2', () => {
  it('serves Swagger 2.0 JSON with the same definitions', async () => {
    const res = await get('/openapi/v2', { accept: 'application/json' });
    expect(res.headers['content-type']).toBe('application/json');
    const doc = res.body;
    expect(doc.swagger).toBe('2.0');
    const def = doc.definitions['io.kubeslice.controller.v1alpha1.SliceConfig'];
    expect(def['x-kubernetes-group-version-kind']).toEqual([
      {
        group: 'controller.kubeslice.io',
        kind: 'SliceConfig',
        version: 'v1alpha1',
      },
    ]);
    expect(def.properties.metadata.$ref).toBe(
      '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
    );
    expect(JSON.stringify(doc)).not.toMatch(/#\/components\//);
    const patch =
      doc.paths[
        '/apis/controller.kubeslice.io/v1alpha1/namespaces/{namespace}/sliceconfigs/{name}'
      ].patch;
    expect(patch.consumes).toContain('application/apply-patch+yaml');
    expect(patch.parameters.map((p: any) => p.name)).toContain(
      'fieldValidation',
    );
    expect(doc.definitions['io.k8s.api.rbac.v1.RoleBinding']).toBeDefined();
  });

  it('drops v3-only keywords and turns single-reference allOfs into $refs', () => {
    expect(
      toV2Schema({
        type: 'object',
        nullable: true,
        properties: {
          a: {
            oneOf: [{ type: 'string' }],
            anyOf: [],
            not: {},
            type: 'string',
          },
          b: {
            allOf: [{ $ref: '#/components/schemas/X' }],
            description: 'd',
          },
        },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        a: { type: 'string' },
        b: { $ref: '#/definitions/X', description: 'd' },
      },
    });
  });

  it('serves the protobuf client-go asks for', async () => {
    const res = await get('/openapi/v2', {
      accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf',
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/com.github.proto-openapi.spec.v2.v1.0+protobuf',
    );
    // Field 1 (swagger), length 3, "2.0"; the definition names are in it.
    expect([...res.raw.subarray(0, 5)]).toEqual([0x0a, 3, 0x32, 0x2e, 0x30]);
    expect(
      res.raw.includes('io.kubeslice.controller.v1alpha1.SliceConfig'),
    ).toBe(true);
    const notAcceptable = await get('/openapi/v2', { accept: 'text/html' });
    expect(notAcceptable.status).toBe(406);
  });
});
