import { stepOfField } from './steps';
import {
  CREATE_SLICE_STEPS,
  createSliceRequest,
  createSliceRequestFor,
  needsSubnetSuggestion,
  emptyCreateSliceForm,
} from './createSlice';

const form = () => ({
  ...emptyCreateSliceForm(),
  hub: 'demo',
  project: 'arcade',
  name: ' tetris ',
  clusters: ['aws-east', 'gcp-west'],
  subnet: '10.5.0.0/16',
});

describe('createSliceRequest', () => {
  it('sends what was chosen, every-member namespaces as "*"', () => {
    expect(
      createSliceRequest({
        ...form(),
        namespaces: [
          { namespace: 'web', clusters: [] },
          { namespace: ' ', clusters: [] },
          { namespace: 'db', clusters: ['aws-east'] },
        ],
        isolationEnabled: true,
        qos: { kind: 'profile', profile: 'gold' },
      }),
    ).toEqual({
      name: 'tetris',
      spec: {
        clusters: ['aws-east', 'gcp-west'],
        maxClusters: 16,
        overlayNetworkDeploymentMode: 'single-network',
        sliceSubnet: '10.5.0.0/16',
        standardQosProfileName: 'gold',
        namespaceIsolationProfile: {
          isolationEnabled: true,
          applicationNamespaces: [
            { namespace: 'web', clusters: ['*'] },
            { namespace: 'db', clusters: ['aws-east'] },
          ],
        },
      },
    });
  });

  it('sends no subnet for a no-network slice and inline QoS as details', () => {
    const body = createSliceRequest({ ...form(), mode: 'no-network' });
    expect(body.spec.sliceSubnet).toBeUndefined();
    expect(body.spec.standardQosProfileName).toBeUndefined();
    expect(body.spec.qosProfileDetails).toMatchObject({
      bandwidthCeilingKbps: 20000,
    });
    expect(body.spec.namespaceIsolationProfile).toBeUndefined();
  });
});

describe('CREATE_SLICE_STEPS', () => {
  it('own the paths preflight and the request check report', () => {
    expect(stepOfField(CREATE_SLICE_STEPS, 'metadata.name')).toBe('project');
    expect(stepOfField(CREATE_SLICE_STEPS, 'name')).toBe('project');
    expect(stepOfField(CREATE_SLICE_STEPS, 'spec.clusters[2]')).toBe(
      'clusters',
    );
    expect(stepOfField(CREATE_SLICE_STEPS, 'spec.sliceSubnet')).toBe('network');
    expect(
      stepOfField(
        CREATE_SLICE_STEPS,
        'spec.namespaceIsolationProfile.applicationNamespaces[0].namespace',
      ),
    ).toBe('namespaces');
    expect(
      stepOfField(CREATE_SLICE_STEPS, 'spec.qosProfileDetails.priority'),
    ).toBe('qos');
  });
});

describe('createSliceRequestFor', () => {
  const base = {
    hub: 'demo',
    project: 'acme',
    name: 'checkout',
    clusters: ['aws-eu', 'azure-us'],
  };

  it('fills what the caller left out with the wizard defaults and the suggested subnet', () => {
    expect(needsSubnetSuggestion(base)).toBe(true);
    expect(createSliceRequestFor(base, '10.3.0.0/16')).toEqual({
      name: 'checkout',
      spec: {
        clusters: ['aws-eu', 'azure-us'],
        maxClusters: 16,
        overlayNetworkDeploymentMode: 'single-network',
        sliceSubnet: '10.3.0.0/16',
        qosProfileDetails: {
          queueType: 'HTB',
          tcType: 'BANDWIDTH_CONTROL',
          priority: 1,
          bandwidthCeilingKbps: 20000,
          bandwidthGuaranteedKbps: 10000,
          dscpClass: 'AF11',
        },
      },
    });
  });

  it('keeps a given subnet, QoS over the defaults or a profile, and namespaces on every member', () => {
    const options = {
      ...base,
      sliceSubnet: '10.9.0.0/16',
      qos: { priority: 3 },
      namespaces: [{ namespace: 'web' }],
    };
    expect(needsSubnetSuggestion(options)).toBe(false);
    const body = createSliceRequestFor(options, '10.3.0.0/16');
    expect(body.spec.sliceSubnet).toBe('10.9.0.0/16');
    expect(body.spec.qosProfileDetails).toMatchObject({
      priority: 3,
      dscpClass: 'AF11',
    });
    expect(body.spec.namespaceIsolationProfile).toEqual({
      isolationEnabled: false,
      applicationNamespaces: [{ namespace: 'web', clusters: ['*'] }],
    });
    expect(
      createSliceRequestFor({ ...base, qosProfile: 'gold' }).spec,
    ).toMatchObject({ standardQosProfileName: 'gold' });
  });

  it('asks for no subnet for a slice without a network', () => {
    const options = {
      ...base,
      overlayNetworkDeploymentMode: 'no-network' as const,
    };
    expect(needsSubnetSuggestion(options)).toBe(false);
    expect(
      createSliceRequestFor(options, '10.3.0.0/16').spec,
    ).not.toHaveProperty('sliceSubnet');
  });
});
