import type { ClusterObject } from '../kube/objects';
import { clusterHealth } from './clusterHealth';

const now = new Date('2026-11-21T12:00:00Z');
const fresh = '2026-11-21T11:59:00Z';

function cluster(status: ClusterObject['status']): ClusterObject {
  return {
    metadata: { name: 'edge-nyc', namespace: 'kubeslice-arcade' },
    status,
  };
}

describe('clusterHealth', () => {
  it('is ok for a registered cluster with normal, fresh health', () => {
    const result = clusterHealth(
      cluster({
        registrationStatus: 'Registered',
        networkPresent: true,
        clusterHealth: {
          clusterHealthStatus: 'Normal',
          componentStatuses: [
            { component: 'nsmgr', componentHealthStatus: 'Normal' },
          ],
          lastUpdated: fresh,
        },
      }),
      now,
    );
    expect(result).toEqual({ state: 'ok', reasons: [] });
  });

  it('names the components in Warning', () => {
    const result = clusterHealth(
      cluster({
        registrationStatus: 'Registered',
        clusterHealth: {
          clusterHealthStatus: 'Warning',
          componentStatuses: [
            { component: 'nsmgr', componentHealthStatus: 'Normal' },
            { component: 'forwarder', componentHealthStatus: 'Warning' },
          ],
          lastUpdated: fresh,
        },
      }),
      now,
    );
    expect(result).toEqual({
      state: 'warning',
      reasons: ['cluster health Warning: forwarder'],
    });
  });

  it('is an error when a component is in Error', () => {
    const result = clusterHealth(
      cluster({
        registrationStatus: 'Registered',
        clusterHealth: {
          clusterHealthStatus: 'Warning',
          componentStatuses: [
            { component: 'netop', componentHealthStatus: 'Error' },
          ],
          lastUpdated: fresh,
        },
      }),
      now,
    );
    expect(result.state).toBe('error');
    expect(result.reasons).toEqual(['cluster health Error: netop']);
  });

  it('says when the status is older than 5 min', () => {
    const result = clusterHealth(
      cluster({
        registrationStatus: 'Registered',
        clusterHealth: {
          clusterHealthStatus: 'Normal',
          lastUpdated: '2026-11-21T11:48:00Z',
        },
      }),
      now,
    );
    expect(result.state).toBe('unknown');
    expect(result.reasons).toEqual([
      'cluster edge-nyc status older than 5 min (last update 12 min ago)',
    ]);
  });

  it.each([
    ['Pending', 'warning'],
    ['InProgress', 'warning'],
    ['DeregisterInProgress', 'warning'],
    ['Failed', 'error'],
    ['DeregisterFailed', 'error'],
  ])('registration %s is %s', (registrationStatus, state) => {
    const result = clusterHealth(cluster({ registrationStatus }), now);
    expect(result.state).toBe(state);
    expect(result.reasons).toEqual([
      `cluster edge-nyc registration ${registrationStatus}`,
    ]);
  });

  it('is unknown before the worker reported anything (older CRDs, fresh registration)', () => {
    expect(clusterHealth(cluster(undefined), now)).toEqual({
      state: 'unknown',
      reasons: ['cluster edge-nyc has not reported status yet'],
    });
  });
});
