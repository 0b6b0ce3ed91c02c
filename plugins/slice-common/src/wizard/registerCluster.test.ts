import { stepOfField } from './steps';
import {
  REGISTER_CLUSTER_STEPS,
  coordinateProblem,
  emptyRegisterClusterForm,
  formatPickedPoint,
  locationProblem,
  parseCoordinates,
  pickedPoint,
  registerClusterRequest,
  splitList,
} from './registerCluster';

const form = () => ({
  ...emptyRegisterClusterForm(),
  hub: 'demo',
  project: 'arcade',
  name: ' edge-ams ',
});

describe('registerClusterRequest', () => {
  it('sends only the name and the default interface for a bare form', () => {
    expect(registerClusterRequest(form())).toEqual({
      name: 'edge-ams',
      spec: { networkInterface: 'eth0' },
    });
  });

  it('sends location, node IPs and interface as the Cluster spec', () => {
    expect(
      registerClusterRequest({
        ...form(),
        provider: ' aws ',
        region: 'eu-west-1',
        latitude: '52.37',
        longitude: ' 4.89',
        nodeIPs: '10.0.0.1, 10.0.0.2\n2001:db8::1',
        networkInterface: 'ens5',
      }),
    ).toEqual({
      name: 'edge-ams',
      spec: {
        networkInterface: 'ens5',
        nodeIPs: ['10.0.0.1', '10.0.0.2', '2001:db8::1'],
        clusterProperty: {
          geoLocation: {
            cloudProvider: 'aws',
            cloudRegion: 'eu-west-1',
            latitude: '52.37',
            longitude: '4.89',
          },
        },
      },
    });
  });

  it('leaves the spec out when nothing but the name is set', () => {
    expect(
      registerClusterRequest({ ...form(), networkInterface: ' ' }),
    ).toEqual({ name: 'edge-ams' });
  });
});

describe('coordinates', () => {
  it('accepts decimal degrees in range and empty', () => {
    expect(coordinateProblem('52.37', 90)).toBeUndefined();
    expect(coordinateProblem('-180', 180)).toBeUndefined();
    expect(coordinateProblem('1e1', 90)).toBeUndefined();
    expect(coordinateProblem('', 90)).toBeUndefined();
  });

  it('refuses what the webhook refuses', () => {
    expect(coordinateProblem('91', 90)).toEqual({
      code: 'outOfRange',
      limit: 90,
    });
    expect(coordinateProblem('-180.5', 180)).toEqual({
      code: 'outOfRange',
      limit: 180,
    });
    expect(coordinateProblem(' 52,37 ', 90)).toEqual({
      code: 'notANumber',
      value: '52,37',
    });
    expect(coordinateProblem('NaN', 90)?.code).toBe('notANumber');
    expect(coordinateProblem('52°N', 90)?.code).toBe('notANumber');
  });

  it('wants both or neither', () => {
    expect(locationProblem({ latitude: '1', longitude: '' })).toBe('longitude');
    expect(locationProblem({ latitude: '', longitude: '2' })).toBe('latitude');
    expect(locationProblem({ latitude: '', longitude: '' })).toBeUndefined();
    expect(locationProblem({ latitude: '1', longitude: '2' })).toBeUndefined();
  });

  it('parses a pasted pair, latitude first', () => {
    expect(parseCoordinates('52.37, 4.89')).toEqual({
      latitude: '52.37',
      longitude: '4.89',
    });
    expect(parseCoordinates(' -33.86 151.21 ')).toEqual({
      latitude: '-33.86',
      longitude: '151.21',
    });
    expect(parseCoordinates('1;2')).toEqual({ latitude: '1', longitude: '2' });
    expect(parseCoordinates('52.37')).toBeUndefined();
    expect(parseCoordinates('95, 4')).toBeUndefined();
    expect(parseCoordinates('1, 2, 3')).toBeUndefined();
  });

  it('rounds a picked point to 4 decimals, clamped to the range', () => {
    expect(
      formatPickedPoint({ latitude: 52.370216, longitude: 4.895168 }),
    ).toEqual({ latitude: '52.3702', longitude: '4.8952' });
    expect(formatPickedPoint({ latitude: 90.00001, longitude: -181 })).toEqual({
      latitude: '90',
      longitude: '-180',
    });
  });

  it('marks the typed point only when both are valid', () => {
    expect(pickedPoint({ latitude: '52.37', longitude: '4.89' })).toEqual({
      latitude: 52.37,
      longitude: 4.89,
    });
    expect(pickedPoint({ latitude: '52.37', longitude: '' })).toBeUndefined();
    expect(pickedPoint({ latitude: '99', longitude: '4' })).toBeUndefined();
  });
});

describe('REGISTER_CLUSTER_STEPS', () => {
  it('sends each finding to the step with its field', () => {
    expect(stepOfField(REGISTER_CLUSTER_STEPS, 'metadata.name')).toBe(
      'cluster',
    );
    expect(stepOfField(REGISTER_CLUSTER_STEPS, 'name')).toBe('cluster');
    expect(
      stepOfField(
        REGISTER_CLUSTER_STEPS,
        'spec.clusterProperty.geoLocation.latitude',
      ),
    ).toBe('location');
    expect(stepOfField(REGISTER_CLUSTER_STEPS, 'spec.nodeIPs[1]')).toBe(
      'network',
    );
    expect(stepOfField(REGISTER_CLUSTER_STEPS, 'spec.networkInterface')).toBe(
      'network',
    );
  });
});

describe('splitList', () => {
  it('splits on commas, semicolons and white space', () => {
    expect(splitList(' a, b;c\n d  ')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitList('  ')).toEqual([]);
  });
});
