import type {
  SliceConfigObject,
  WorkerSliceConfigObject,
} from '../kube/objects';
import { namespaceStates } from './namespaces';

const slice: SliceConfigObject = {
  metadata: { name: 'pacman', namespace: 'kubeslice-arcade' },
  spec: {
    clusters: ['aws-east', 'gcp-west'],
    namespaceIsolationProfile: {
      applicationNamespaces: [
        { namespace: 'pacman', clusters: ['*'] },
        { namespace: 'mongodb', clusters: ['gcp-west', 'not-a-member'] },
      ],
      allowedNamespaces: [{ namespace: 'monitoring', clusters: ['aws-east'] }],
    },
  },
};

const ws = (names: string[]): WorkerSliceConfigObject => ({
  status: { onboardedAppNamespaces: names.map(name => ({ name })) },
});

describe('namespaceStates', () => {
  it('expands "*" to every member and compares requested with onboarded', () => {
    const states = namespaceStates(
      slice,
      new Map([
        ['aws-east', ws(['pacman', 'legacy'])],
        ['gcp-west', ws(['mongodb'])],
      ]),
    );
    expect(states.map(s => [s.role, s.namespace, s.cluster, s.state])).toEqual([
      ['allowed', 'monitoring', 'aws-east', 'allowed'],
      ['application', 'legacy', 'aws-east', 'unrequested'],
      ['application', 'mongodb', 'gcp-west', 'onboarded'],
      ['application', 'pacman', 'aws-east', 'onboarded'],
      ['application', 'pacman', 'gcp-west', 'pending'],
    ]);
  });

  it('treats a member without a WorkerSliceConfig as not onboarded yet', () => {
    const states = namespaceStates(slice, new Map([['aws-east', undefined]]));
    expect(
      states
        .filter(s => s.role === 'application')
        .every(s => s.state === 'pending'),
    ).toBe(true);
  });
});
