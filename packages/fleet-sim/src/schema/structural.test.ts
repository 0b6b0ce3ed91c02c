import { kubesliceResourceTypes } from '../api/crds';
import { admitCustomResource, type JsonSchema } from './structural';
import { startTestServer, NS, SLICES } from '../server/testHarness';

const schemaOf = (plural: string) =>
  kubesliceResourceTypes().find(t => t.plural === plural)!.schema as JsonSchema;

const slice = (spec: Record<string, unknown>) => ({
  apiVersion: 'controller.kubeslice.io/v1alpha1',
  kind: 'SliceConfig',
  metadata: { name: 's', namespace: NS },
  spec,
});

describe('structural schema (real SliceConfig CRD)', () => {
  const schema = schemaOf('sliceconfigs');

  it.each([
    [
      { maxClusters: 40 },
      'spec.maxClusters',
      'FieldValueInvalid',
      'should be less than or equal to 32',
    ],
    [
      { maxClusters: 1 },
      'spec.maxClusters',
      'FieldValueInvalid',
      'should be greater than or equal to 2',
    ],
    [
      { maxClusters: 'four' },
      'spec.maxClusters',
      'FieldValueTypeInvalid',
      'must be of type integer',
    ],
    [
      { overlayNetworkDeploymentMode: 'mesh' },
      'spec.overlayNetworkDeploymentMode',
      'FieldValueNotSupported',
      'supported values: "single-network", "multi-network", "no-network"',
    ],
    [
      { clusters: 'a' },
      'spec.clusters',
      'FieldValueTypeInvalid',
      'must be of type array',
    ],
    [
      { clusters: [1] },
      'spec.clusters[0]',
      'FieldValueTypeInvalid',
      'must be of type string',
    ],
    [
      { qosProfileDetails: { priority: 1 } },
      'spec.qosProfileDetails.bandwidthCeilingKbps',
      'FieldValueRequired',
      'Required value',
    ],
    [
      { renewBefore: 'tomorrow' },
      'spec.renewBefore',
      'FieldValueInvalid',
      'must be of type date-time',
    ],
    [
      { rotationInterval: 10 },
      'spec.rotationInterval',
      'FieldValueInvalid',
      'greater than or equal to 30',
    ],
  ])('rejects %j at %s', (spec, field, reason, message) => {
    const { causes } = admitCustomResource(schema, slice(spec));
    expect(causes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field,
          reason,
          message: expect.stringContaining(message),
        }),
      ]),
    );
  });

  it('accepts a valid slice, applies defaults and prunes unknown fields', () => {
    const { object, causes } = admitCustomResource(
      schema,
      slice({
        clusters: ['a', 'b'],
        sliceSubnet: '10.1.0.0/16',
        sliceGatewayProvider: {},
        qosProfileDetails: {
          priority: 1,
          bandwidthCeilingKbps: 5,
          bandwidthGuaranteedKbps: 1,
          dscpClass: 'AF11',
        },
        surprise: true,
      }),
    );
    expect(causes).toEqual([]);
    expect(object.spec).toMatchObject({
      maxClusters: 16,
      overlayNetworkDeploymentMode: 'single-network',
      sliceType: 'Application',
      sliceIpamType: 'Local',
      rotationInterval: 30,
      sliceGatewayProvider: {
        sliceGatewayType: 'OpenVPN',
        sliceCaType: 'Local',
      },
      qosProfileDetails: { queueType: 'HTB', tcType: 'BANDWIDTH_CONTROL' },
    });
    expect(object.spec).not.toHaveProperty('surprise');
    expect(object.metadata).toEqual({ name: 's', namespace: NS });
  });

  it('validates map values (additionalProperties) and nested arrays', () => {
    const vkr = schemaOf('vpnkeyrotations');
    const bad = admitCustomResource(vkr, {
      apiVersion: 'controller.kubeslice.io/v1alpha1',
      kind: 'VpnKeyRotation',
      metadata: { name: 's' },
      spec: { clusterGatewayMapping: { a: [1] } },
    });
    expect(bad.causes[0].field).toBe('spec.clusterGatewayMapping.a[0]');
  });
});

describe('schema validation over HTTP', () => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.server.close());

  it('answers 422 Invalid with field causes, and stores defaults on create', async () => {
    const bad = await t.request(
      'POST',
      SLICES,
      slice({ maxClusters: 64, overlayNetworkDeploymentMode: 'x' }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({
      kind: 'Status',
      reason: 'Invalid',
      code: 422,
    });
    expect(bad.body.message).toBe(
      'SliceConfig.controller.kubeslice.io "s" is invalid: [spec.maxClusters: Invalid value: 64: spec.maxClusters in body should be less than or equal to 32, spec.overlayNetworkDeploymentMode: Unsupported value: "x": supported values: "single-network", "multi-network", "no-network"]',
    );
    expect(bad.body.details.causes.map((c: any) => c.field)).toEqual([
      'spec.maxClusters',
      'spec.overlayNetworkDeploymentMode',
    ]);
    const ok = await t.request(
      'POST',
      SLICES,
      slice({ clusters: ['a', 'b'], unknownField: 1 }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body.spec.maxClusters).toBe(16);
    expect(ok.body.spec).not.toHaveProperty('unknownField');
  });

  it('validates patches and status writes too', async () => {
    const patch = await t.request(
      'PATCH',
      `${SLICES}/pacman`,
      { spec: { maxClusters: 100 } },
      {
        'content-type': 'application/merge-patch+json',
      },
    );
    expect(patch.status).toBe(422);
    const status = await t.request(
      'PATCH',
      `${SLICES}/pacman/status`,
      { status: { kubesliceEvents: [{}] } },
      {
        'content-type': 'application/merge-patch+json',
      },
    );
    expect(status.status).toBe(422);
    expect(status.body.details.causes[0]).toMatchObject({
      field: 'status.kubesliceEvents[0].event',
      reason: 'FieldValueRequired',
    });
  });
});
