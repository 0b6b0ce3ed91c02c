import { sortEvents, toSliceEvent } from './events';

describe('toSliceEvent', () => {
  it('reads the recorder labels, accepting the project namespace form', () => {
    expect(
      toSliceEvent('demo', {
        metadata: {
          name: 'x.1',
          namespace: 'kubeslice-system',
          labels: {
            eventTitle: 'ClusterUnhealthy',
            sliceProject: 'kubeslice-arcade',
            sliceCluster: 'edge-nyc',
            sliceName: '',
          },
        },
        type: 'Warning',
        reason: 'ComponentStatusChange',
        message: 'forwarder is not running',
        count: 3,
        lastTimestamp: '2026-11-21T10:00:00Z',
        involvedObject: { kind: 'Cluster', name: 'edge-nyc' },
      }),
    ).toEqual({
      hub: 'demo',
      project: 'arcade',
      slice: undefined,
      cluster: 'edge-nyc',
      title: 'ClusterUnhealthy',
      type: 'Warning',
      reason: 'ComponentStatusChange',
      message: 'forwarder is not running',
      count: 3,
      time: '2026-11-21T10:00:00Z',
      object: 'Cluster/edge-nyc',
    });
  });

  it('accepts Date objects (typed list calls) as well as strings (watch events)', () => {
    const event = toSliceEvent('h', {
      metadata: { namespace: 'kubeslice-a' },
      lastTimestamp: new Date('2026-11-21T10:00:00Z') as unknown as string,
    });
    expect(event.time).toBe('2026-11-21T10:00:00.000Z');
  });

  it('sorts newest first', () => {
    const e = (time?: string) =>
      toSliceEvent('h', {
        metadata: { namespace: 'kubeslice-a' },
        lastTimestamp: time,
      });
    expect(
      sortEvents([
        e('2026-01-01T00:00:00Z'),
        e(undefined),
        e('2026-02-01T00:00:00Z'),
      ]).map(x => x.time),
    ).toEqual(['2026-02-01T00:00:00Z', '2026-01-01T00:00:00Z', undefined]);
  });
});
