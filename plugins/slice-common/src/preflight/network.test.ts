import { preflightSliceConfig } from './preflight';
import type { PreflightSliceConfig } from './types';
import { NS, errors, fleet, slice, warnings } from './__testUtils__/fleet';

const create = (s: PreflightSliceConfig, f = fleet()) =>
  preflightSliceConfig({ operation: 'create', proposed: s, fleet: f });
const update = (
  current: PreflightSliceConfig,
  proposed: PreflightSliceConfig,
  f = fleet(),
  now = new Date('2025-06-01T00:00:00Z'),
) =>
  preflightSliceConfig(
    { operation: 'update', current, proposed, fleet: f },
    { now },
  );

describe('slice subnet', () => {
  it.each([
    ['10.1.0.0/16', []],
    ['172.16.0.0/16', []],
    ['192.168.0.0/16', []],
    ['8.8.0.0/16', ['subnet.notPrivate']],
    ['10.1.0.0/24', ['subnet.notSlash16']],
    ['10.1.1.0/16', ['subnet.notNetworkAddress']],
    ['10.1.0.5/16', ['subnet.notNetworkAddress']],
    [
      '11.1.1.0/20',
      ['subnet.notSlash16', 'subnet.notPrivate', 'subnet.notNetworkAddress'],
    ],
    ['10.1.0.0', ['subnet.invalid']],
    ['ten.one/16', ['subnet.invalid']],
    ['', ['subnet.required']],
  ])('%p → %p', (subnet, expected) => {
    const results = create(slice({ sliceSubnet: subnet }));
    expect(errors(results)).toEqual(expected);
    for (const r of results) expect(r.path).toBe('spec.sliceSubnet');
  });

  it('is required for network slices and ignored (with a warning) for no-network ones', () => {
    expect(errors(create(slice({ sliceSubnet: undefined })))).toEqual([
      'subnet.required',
    ]);
    const noNet = create(
      slice({
        overlayNetworkDeploymentMode: 'no-network',
        sliceSubnet: '8.8.0.0/24',
      }),
    );
    expect(errors(noNet)).toEqual([]);
    expect(warnings(noNet)).toContain('subnet.ignored');
  });

  it('warns when it overlaps another network slice on a shared cluster', () => {
    const other = slice(
      { sliceSubnet: '10.1.0.0/16', clusters: ['c2', 'c3'] },
      'other',
    );
    const f = fleet({ sliceConfigs: [other] });
    const results = create(slice(), f);
    expect(errors(results)).toEqual([]);
    expect(warnings(results)).toEqual(['subnet.overlapsSlice']);
    expect(results[0].message).toContain('c2');
    // No shared cluster, or a no-network slice: no route clash.
    expect(create(slice({ clusters: ['c1'] }), f)).toEqual([]);
    const noNet = slice(
      { overlayNetworkDeploymentMode: 'no-network', clusters: ['c2'] },
      'other',
    );
    expect(create(slice(), fleet({ sliceConfigs: [noNet] }))).toEqual([]);
  });
});

describe('gateway provider and external gateways', () => {
  it('requires sliceGatewayProvider on network slices only', () => {
    expect(errors(create(slice({ sliceGatewayProvider: undefined })))).toEqual([
      'gateway.providerRequired',
    ]);
    expect(
      errors(
        create(
          slice({
            overlayNetworkDeploymentMode: 'no-network',
            sliceGatewayProvider: undefined,
            sliceSubnet: undefined,
          }),
        ),
      ),
    ).toEqual([]);
  });

  it('checks sliceGatewayServiceType clusters: set, member or "*", once', () => {
    const results = create(
      slice({
        sliceGatewayProvider: {
          sliceGatewayType: 'OpenVPN',
          sliceCaType: 'Local',
          sliceGatewayServiceType: [
            { cluster: 'c1', type: 'LoadBalancer', protocol: 'TCP' },
            { cluster: '*', type: 'NodePort', protocol: 'UDP' },
            { cluster: 'c3' },
            { cluster: 'c1' },
            { cluster: '' },
          ],
        },
      }),
    );
    expect(results.map(r => [r.path, r.code])).toEqual([
      [
        'spec.sliceGatewayProvider.sliceGatewayServiceType[2].cluster',
        'gateway.serviceClusterNotMember',
      ],
      [
        'spec.sliceGatewayProvider.sliceGatewayServiceType[3].cluster',
        'gateway.serviceClusterDuplicate',
      ],
      [
        'spec.sliceGatewayProvider.sliceGatewayServiceType[4].cluster',
        'gateway.serviceClusterRequired',
      ],
    ]);
  });

  it('refuses enum violations of the gateway, service, protocol and cipher', () => {
    const results = create(
      slice({
        sliceGatewayProvider: {
          sliceGatewayType: 'IPSec',
          sliceCaType: 'Local',
          sliceGatewayServiceType: [
            { cluster: 'c1', type: 'ClusterIP', protocol: 'SCTP' },
          ],
        },
        vpnConfig: { cipher: 'DES' },
        externalGatewayConfig: [{ clusters: ['c1'], gatewayType: 'nginx' }],
      }),
    );
    expect(results.map(r => [r.path, r.code])).toEqual([
      ['spec.externalGatewayConfig[0].gatewayType', 'schema.enum'],
      ['spec.sliceGatewayProvider.sliceGatewayType', 'schema.enum'],
      [
        'spec.sliceGatewayProvider.sliceGatewayServiceType[0].protocol',
        'schema.enum',
      ],
      [
        'spec.sliceGatewayProvider.sliceGatewayServiceType[0].type',
        'schema.enum',
      ],
      ['spec.vpnConfig.cipher', 'schema.enum'],
    ]);
  });

  it('checks externalGatewayConfig clusters: "*" alone and once, members, one entry each', () => {
    const results = create(
      slice({
        externalGatewayConfig: [
          { clusters: ['*', 'c1'] },
          { clusters: ['*'] },
          { clusters: ['c2', 'c3'] },
          { clusters: ['c2'] },
        ],
      }),
    );
    expect(results.map(r => [r.path, r.code])).toEqual([
      [
        'spec.externalGatewayConfig[0].clusters',
        'externalGateway.starNotAlone',
      ],
      [
        'spec.externalGatewayConfig[1].clusters',
        'externalGateway.starRepeated',
      ],
      [
        'spec.externalGatewayConfig[2].clusters[1]',
        'externalGateway.clusterNotMember',
      ],
      [
        'spec.externalGatewayConfig[3].clusters[0]',
        'externalGateway.clusterDuplicate',
      ],
    ]);
  });
});

describe('updates of the network', () => {
  const current = slice({
    sliceGatewayProvider: {
      sliceGatewayType: 'OpenVPN',
      sliceCaType: 'Local',
      sliceGatewayServiceType: [
        { cluster: 'c1', type: 'LoadBalancer', protocol: 'TCP' },
        { cluster: 'c2', type: 'NodePort', protocol: 'UDP' },
      ],
    },
  });

  it('accepts an unchanged slice, including omitted fields that default to the stored values', () => {
    expect(update(current, current)).toEqual([]);
    // vpnConfig and sliceType are defaulted (mutating webhook, schema) to what is stored.
    const stored = {
      ...current,
      spec: {
        ...current.spec,
        vpnConfig: { cipher: 'AES-256-CBC' },
        sliceType: 'Application',
      },
    };
    expect(update(stored, current)).toEqual([]);
  });

  it.each([
    ['spec.sliceSubnet', { sliceSubnet: '10.2.0.0/16' }],
    ['spec.sliceType', { sliceType: 'Other' }],
    ['spec.sliceIpamType', { sliceIpamType: 'Static' }],
    ['spec.maxClusters', { maxClusters: 8 }],
    ['spec.maxClusters', { maxClusters: undefined }], // defaults to 16, stored is 4
    ['spec.vpnConfig.cipher', { vpnConfig: { cipher: 'AES-128-CBC' } }],
    [
      'spec.sliceGatewayProvider.sliceGatewayType',
      {
        sliceGatewayProvider: {
          ...current.spec!.sliceGatewayProvider,
          sliceGatewayType: 'Wireguard',
        },
      },
    ],
    [
      'spec.sliceGatewayProvider.sliceCaType',
      {
        sliceGatewayProvider: {
          ...current.spec!.sliceGatewayProvider,
          sliceCaType: 'Vault',
        },
      },
    ],
  ])('refuses a change of %s', (path, change) => {
    const results = update(current, {
      ...current,
      spec: { ...current.spec, ...change },
    });
    expect(results.map(r => [r.path, r.code])).toEqual([
      [path, 'field.immutable'],
    ]);
  });

  it('lets the overlay mode move only away from no-network, lifting immutability then', () => {
    const noNet = slice({
      overlayNetworkDeploymentMode: 'no-network',
      sliceSubnet: undefined,
      sliceGatewayProvider: undefined,
      standardQosProfileName: undefined,
      maxClusters: 8,
    });
    const toNet = slice({
      overlayNetworkDeploymentMode: 'multi-network',
      maxClusters: 10,
    });
    expect(update(noNet, toNet)).toEqual([]);
    // Moving to a network checks what a network slice needs.
    expect(
      errors(
        update(noNet, {
          ...toNet,
          spec: { ...toNet.spec, sliceSubnet: undefined },
        }),
      ),
    ).toEqual(['subnet.required']);
    expect(
      errors(
        update(current, {
          ...current,
          spec: { ...current.spec, overlayNetworkDeploymentMode: 'no-network' },
        }),
      ),
    ).toEqual([
      'overlayMode.transitionNotAllowed',
      // The mutating webhook drops vpnConfig of a no-network slice: the cipher "changes" too.
      'field.immutable',
    ]);
    expect(
      errors(
        update(current, {
          ...current,
          spec: {
            ...current.spec,
            overlayNetworkDeploymentMode: 'multi-network',
          },
        }),
      ),
    ).toEqual(['overlayMode.transitionNotAllowed']);
  });

  it('lets a gateway go NodePort → LoadBalancer, never back, and never change protocol', () => {
    const change = (entries: object[]) =>
      update(current, {
        ...current,
        spec: {
          ...current.spec,
          sliceGatewayProvider: {
            ...current.spec!.sliceGatewayProvider,
            sliceGatewayServiceType: entries,
          },
        },
      });
    expect(
      change([
        { cluster: 'c1', type: 'LoadBalancer', protocol: 'TCP' },
        { cluster: 'c2', type: 'LoadBalancer', protocol: 'UDP' },
      ]),
    ).toEqual([]);
    expect(
      change([
        { cluster: 'c1', type: 'NodePort', protocol: 'UDP' },
        { cluster: 'c2', type: 'NodePort', protocol: 'UDP' },
      ]).map(r => [r.path, r.code]),
    ).toEqual([
      [
        'spec.sliceGatewayProvider.sliceGatewayServiceType[0].type',
        'gateway.typeDowngrade',
      ],
      [
        'spec.sliceGatewayProvider.sliceGatewayServiceType[0].protocol',
        'gateway.protocolChanged',
      ],
    ]);
  });

  it('renewBefore: a new value must be in the past and every gateway rotation COMPLETE', () => {
    const rotation = (status: string) => ({
      metadata: { name: 'web', namespace: NS },
      spec: { sliceName: 'web' },
      status: {
        currentRotationState: {
          'web-c1-c2': { status: 'COMPLETE' },
          'web-c2-c1': { status },
        },
      },
    });
    const renew = (value: string) => ({
      ...current,
      spec: { ...current.spec, renewBefore: value },
    });
    expect(update(current, renew('2025-05-31T00:00:00Z'))).toEqual([]);
    expect(errors(update(current, renew('2025-06-02T00:00:00Z')))).toEqual([
      'renewBefore.notPast',
    ]);
    expect(
      errors(
        update(
          current,
          renew('2025-05-31T00:00:00Z'),
          fleet({ vpnKeyRotations: [rotation('IN_PROGRESS')] }),
        ),
      ),
    ).toEqual(['renewBefore.rotationInProgress']);
    expect(
      update(
        current,
        renew('2025-05-31T00:00:00Z'),
        fleet({ vpnKeyRotations: [rotation('COMPLETE')] }),
      ),
    ).toEqual([]);
    // An unchanged future value is not a renewal request.
    const stored = renew('2025-06-02T00:00:00Z');
    expect(update(stored, stored)).toEqual([]);
    expect(errors(update(current, renew('tomorrow')))).toEqual(['schema.type']);
  });

  it('refuses rotationInterval outside 30–90 (schema)', () => {
    expect(errors(create(slice({ rotationInterval: 10 })))).toEqual([
      'schema.range',
    ]);
    expect(errors(create(slice({ rotationInterval: 91 })))).toEqual([
      'schema.range',
    ]);
    expect(errors(create(slice({ rotationInterval: 90 })))).toEqual([]);
  });

  it('refuses an unknown overlay mode (schema enum)', () => {
    expect(
      errors(create(slice({ overlayNetworkDeploymentMode: 'l2' }))),
    ).toEqual(['schema.enum']);
  });
});
