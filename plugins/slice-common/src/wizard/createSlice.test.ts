import { stepOfField } from './steps';
import {
  CREATE_SLICE_STEPS,
  createSliceRequest,
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
