import type { ClusterSummary } from '../fleet/types';
import { whyNotPickable } from './clusters';

const cluster = (over: Partial<ClusterSummary> = {}): ClusterSummary => ({
  hub: 'demo',
  project: 'arcade',
  name: 'aws-east',
  geo: {},
  registrationStatus: 'Registered',
  networkPresent: true,
  nodeIPs: ['10.0.0.1'],
  cniSubnets: [],
  slices: [],
  health: { state: 'ok', reasons: [] },
  ...over,
});
const target = { hub: 'demo', project: 'arcade', needsNetwork: true };

describe('whyNotPickable', () => {
  it('accepts a registered, healthy cluster of the project with its network', () => {
    expect(whyNotPickable(cluster(), target)).toEqual([]);
    expect(
      whyNotPickable(
        cluster({ health: { state: 'warning', reasons: [] } }),
        target,
      ),
    ).toEqual([]);
  });

  it('names every reason a cluster cannot join', () => {
    expect(
      whyNotPickable(
        cluster({
          registrationStatus: 'Pending',
          networkPresent: false,
          health: { state: 'error', reasons: ['down'] },
        }),
        target,
      ),
    ).toEqual(['notRegistered', 'noNetwork', 'unhealthy']);
    expect(
      whyNotPickable(cluster({ registrationStatus: undefined }), target),
    ).toEqual(['notRegistered']);
  });

  it('needs no network for a no-network slice, and no cluster of another project', () => {
    expect(
      whyNotPickable(cluster({ networkPresent: false }), {
        ...target,
        needsNetwork: false,
      }),
    ).toEqual([]);
    expect(whyNotPickable(cluster({ project: 'acme' }), target)).toEqual([
      'otherProject',
    ]);
  });
});
