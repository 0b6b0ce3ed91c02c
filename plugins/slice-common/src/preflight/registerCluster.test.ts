import { preflightCluster } from './registerCluster';
import { NS, errors, fleet, warnings } from './__testUtils__/fleet';

const register = (spec: object, name = 'edge-1', namespace = NS) =>
  preflightCluster({
    operation: 'create',
    proposed: { metadata: { name, namespace }, spec },
    fleet: fleet(),
  });

describe('preflightCluster', () => {
  it('accepts the minimal registration and a full one', () => {
    expect(register({})).toEqual([]);
    expect(
      register({
        networkInterface: 'enp1s0',
        nodeIPs: ['192.0.2.10', '2001:db8::10'],
        clusterProperty: {
          geoLocation: {
            latitude: '-33.87',
            longitude: '151.21',
            cloudProvider: 'aws',
          },
        },
      }),
    ).toEqual([]);
  });

  it.each([
    ['90', '180', []],
    ['-90', '-180', []],
    ['', '', []],
    ['1e1', '+5', []], // Go's ParseFloat reads these
    ['90.01', '0', ['geo.latitudeInvalid']],
    ['0', '-180.5', ['geo.longitudeInvalid']],
    ['north', '4.8 E', ['geo.latitudeInvalid', 'geo.longitudeInvalid']],
    ['NaN', 'Inf', ['geo.latitudeInvalid', 'geo.longitudeInvalid']],
  ])('latitude %p, longitude %p → %p', (latitude, longitude, expected) => {
    expect(
      errors(
        register({ clusterProperty: { geoLocation: { latitude, longitude } } }),
      ),
    ).toEqual(expected);
  });

  it('refuses node IPs that are not IP addresses', () => {
    const results = register({
      nodeIPs: ['192.0.2.1', 'gw.example.com', '300.1.1.1'],
    });
    expect(results.map(r => [r.path, r.code])).toEqual([
      ['spec.nodeIPs[1]', 'nodeIP.invalid'],
      ['spec.nodeIPs[2]', 'nodeIP.invalid'],
    ]);
  });

  it('warns about the deprecated nodeIP, odd interface names and long names', () => {
    expect(warnings(register({ nodeIP: '192.0.2.1' }))).toEqual([
      'nodeIP.deprecated',
    ]);
    expect(warnings(register({ networkInterface: 'eth0/1' }))).toEqual([
      'networkInterface.invalid',
    ]);
    expect(
      warnings(register({ networkInterface: 'averyveryverylongif' })),
    ).toEqual(['networkInterface.invalid']);
    expect(warnings(register({}, 'a-very-long-cluster'))).toEqual([
      'name.tooLong',
    ]);
  });

  it('refuses bad names, non-project namespaces and wrong types', () => {
    expect(errors(register({}, 'Edge_1'))).toEqual(['name.invalid']);
    expect(errors(register({}, 'edge-1', 'default'))).toEqual([
      'namespace.notProject',
    ]);
    expect(errors(register({ nodeIPs: '192.0.2.1' }))).toEqual(['schema.type']);
    expect(
      errors(
        register({ clusterProperty: { geoLocation: { latitude: 52.3 } } }),
      ),
    ).toEqual(['schema.type']);
  });

  it('refuses deregistering a cluster that is in a slice other than the default one', () => {
    const wsc = (slice: string) => ({
      metadata: {
        name: `${slice}-c1`,
        namespace: NS,
        labels: { 'original-slice-name': slice, 'worker-cluster': 'c1' },
      },
    });
    const current = fleet().clusters![0];
    const inUse = preflightCluster({
      operation: 'delete',
      current,
      fleet: fleet({ workerSliceConfigs: [wsc('web'), wsc('shop')] }),
    });
    expect(inUse.map(r => [r.path, r.code])).toEqual([
      ['metadata.name', 'cluster.inUse'],
    ]);
    expect(inUse[0].message).toContain('web, shop');
    expect(
      preflightCluster({
        operation: 'delete',
        current,
        fleet: fleet({ workerSliceConfigs: [wsc('demo-default-slice')] }),
      }),
    ).toEqual([]);
  });
});
