import { preflightSliceConfig } from './preflight';
import { preflightQos } from './qos';
import type { PreflightSliceConfig } from './types';
import { NS, errors, fleet, slice, warnings } from './__testUtils__/fleet';

const create = (s: PreflightSliceConfig, f = fleet()) =>
  preflightSliceConfig({ operation: 'create', proposed: s, fleet: f });
const details = (d: object = {}) => ({
  standardQosProfileName: undefined,
  qosProfileDetails: {
    priority: 1,
    bandwidthCeilingKbps: 5000,
    bandwidthGuaranteedKbps: 1000,
    dscpClass: 'AF21',
    ...d,
  },
});

describe('slice QoS', () => {
  it('accepts a named profile or inline details (queueType/tcType defaulted)', () => {
    expect(create(slice())).toEqual([]);
    expect(create(slice(details()))).toEqual([]);
  });

  it('needs exactly one of the two on a network slice', () => {
    const neither = create(slice({ standardQosProfileName: undefined }));
    expect(neither.map(r => [r.path, r.code])).toEqual([
      ['spec.standardQosProfileName', 'qos.exactlyOne'],
    ]);
    const both = create(
      slice({ ...details(), standardQosProfileName: 'default' }),
    );
    expect(both.map(r => [r.path, r.code])).toEqual([
      ['spec.qosProfileDetails', 'qos.exactlyOne'],
    ]);
  });

  it('refuses a profile name the project does not have', () => {
    expect(errors(create(slice({ standardQosProfileName: 'gold' })))).toEqual([
      'qos.profileNotFound',
    ]);
  });

  it('refuses a ceiling below the guarantee; equal is fine', () => {
    const results = create(slice(details({ bandwidthCeilingKbps: 999 })));
    expect(results.map(r => [r.path, r.code])).toEqual([
      [
        'spec.qosProfileDetails.bandwidthCeilingKbps',
        'qos.ceilingBelowGuaranteed',
      ],
    ]);
    expect(create(slice(details({ bandwidthCeilingKbps: 1000 })))).toEqual([]);
  });

  it('schema: required fields, dscpClass enum, integers', () => {
    expect(
      create(
        slice(
          details({
            priority: undefined,
            dscpClass: 'AF99',
            bandwidthCeilingKbps: 5000.5,
          }),
        ),
      ).map(r => [r.path, r.code]),
    ).toEqual([
      ['spec.qosProfileDetails.priority', 'schema.required'],
      ['spec.qosProfileDetails.bandwidthCeilingKbps', 'schema.type'],
      ['spec.qosProfileDetails.dscpClass', 'schema.enum'],
    ]);
  });

  it('warns about values the worker cannot apply: priority beyond 0–3, other queue or tc types', () => {
    const results = create(
      slice(details({ priority: 7, queueType: 'FQ', tcType: 'POLICE' })),
    );
    expect(errors(results)).toEqual([]);
    expect(results.map(r => r.path)).toEqual([
      'spec.qosProfileDetails.priority',
      'spec.qosProfileDetails.queueType',
      'spec.qosProfileDetails.tcType',
    ]);
    expect(warnings(results)).toEqual([
      'qos.priorityOutOfRange',
      'qos.unsupportedValue',
      'qos.unsupportedValue',
    ]);
  });

  it('does not judge QoS of a no-network slice, only notes it is unused', () => {
    const results = create(
      slice({
        ...details({ bandwidthCeilingKbps: 1 }),
        overlayNetworkDeploymentMode: 'no-network',
        sliceSubnet: undefined,
        sliceGatewayProvider: undefined,
      }),
    );
    expect(results.map(r => [r.code, r.severity])).toEqual([
      ['qos.ignored', 'warning'],
    ]);
  });
});

describe('preflightQos (SliceQoSConfig)', () => {
  const profile = (spec: object = {}, name = 'gold') => ({
    metadata: { name, namespace: NS },
    spec: {
      queueType: 'HTB',
      tcType: 'BANDWIDTH_CONTROL',
      priority: 0,
      bandwidthCeilingKbps: 20000,
      bandwidthGuaranteedKbps: 5000,
      dscpClass: 'EF',
      ...spec,
    },
  });

  it('accepts a complete profile', () => {
    expect(
      preflightQos({
        operation: 'create',
        proposed: profile(),
        fleet: fleet(),
      }),
    ).toEqual([]);
  });

  it('enforces the stricter enums of SliceQoSConfig and the ceiling rule', () => {
    const results = preflightQos({
      operation: 'update',
      proposed: profile({
        queueType: 'FQ',
        tcType: undefined,
        bandwidthCeilingKbps: 10,
        priority: 9,
      }),
      fleet: fleet(),
    });
    expect(results.map(r => [r.path, r.code, r.severity])).toEqual([
      ['spec.tcType', 'schema.required', 'error'],
      ['spec.queueType', 'schema.enum', 'error'],
      ['spec.bandwidthCeilingKbps', 'qos.ceilingBelowGuaranteed', 'error'],
      ['spec.priority', 'qos.priorityOutOfRange', 'warning'],
    ]);
  });

  it('checks name and project namespace', () => {
    const bad = {
      ...profile(),
      metadata: { name: 'Gold', namespace: 'default' },
    };
    expect(
      errors(
        preflightQos({ operation: 'create', proposed: bad, fleet: fleet() }),
      ),
    ).toEqual(['name.invalid', 'namespace.notProject']);
  });

  it('refuses deleting a profile that WorkerSliceConfigs are labelled with', () => {
    const wsc = (sliceName: string, cluster: string, ns = NS) => ({
      metadata: {
        name: `${sliceName}-${cluster}`,
        namespace: ns,
        labels: { 'standard-qos-profile': 'gold' },
      },
      spec: { sliceName },
    });
    const inUse = preflightQos({
      operation: 'delete',
      current: profile(),
      fleet: fleet({
        workerSliceConfigs: [wsc('web', 'c1'), wsc('web', 'c2')],
      }),
    });
    expect(inUse.map(r => [r.path, r.code])).toEqual([
      ['metadata.name', 'qos.inUse'],
    ]);
    expect(inUse[0].message).toContain('slice web;');
    // The same name in another project does not hold it.
    expect(
      preflightQos({
        operation: 'delete',
        current: profile(),
        fleet: fleet({
          workerSliceConfigs: [wsc('web', 'c1', 'kubeslice-other')],
        }),
      }),
    ).toEqual([]);
  });
});
