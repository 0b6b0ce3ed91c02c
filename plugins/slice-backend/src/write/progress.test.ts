import type { FleetSnapshotView } from './contracts';
import {
  drainedPhase,
  onboardedPhase,
  tunnelsPhase,
  workerSlicesPhase,
} from './progress';

const t = { hub: 'prod', namespace: 'kubeslice-acme', slice: 'pay' };
const wsc = (cluster: string, listed: string[], onboarded: string[]) => ({
  metadata: {
    name: `pay-${cluster}`,
    namespace: 'kubeslice-acme',
    labels: { 'original-slice-name': 'pay', 'worker-cluster': cluster },
  },
  spec: {
    sliceName: 'pay',
    namespaceIsolationProfile: { applicationNamespaces: listed },
  },
  status: { onboardedAppNamespaces: onboarded.map(name => ({ name })) },
});
function view(
  hub: Record<string, unknown>,
  slices: unknown[] = [],
): FleetSnapshotView {
  const objects = {
    name: 'prod',
    sliceConfigs: [
      {
        metadata: { name: 'pay', namespace: 'kubeslice-acme' },
        spec: { clusters: ['a', 'b', 'c'] },
      },
    ],
    workerSliceConfigs: [],
    clusters: [],
    ...hub,
  };
  return {
    snapshot: { slices } as any,
    hub: name => (name === 'prod' ? (objects as any) : undefined),
  };
}

describe('progress phases', () => {
  it('shows a namespace per cluster: pending until the controller lists it, running until the worker reports it', () => {
    const phase = onboardedPhase(t, 'web', ['*']);
    const result = phase.check(
      view({
        workerSliceConfigs: [
          wsc('a', ['web'], ['web']),
          wsc('b', ['web'], []),
          wsc('c', [], []),
        ],
      }),
    );
    expect(result.done).toBe(false);
    expect(result.steps.map(s => [s.id, s.state, s.detail])).toEqual([
      ['onboard:web@a', 'done', 'onboarded ✓'],
      ['onboard:web@b', 'running', 'waiting for the worker to onboard it'],
      [
        'onboard:web@c',
        'pending',
        'waiting for the controller to pass it to the worker',
      ],
    ]);
    const all = onboardedPhase(t, 'web', ['a', 'b']).check(
      view({
        workerSliceConfigs: [
          wsc('a', ['web'], ['web']),
          wsc('b', ['web'], ['web']),
        ],
      }),
    );
    expect(all.done).toBe(true);
  });

  it('waits for every member to drain and for the exports to go, naming what is left', () => {
    const exportLeft = {
      metadata: {
        name: 'api-web-a',
        namespace: 'kubeslice-acme',
        labels: { 'original-slice-name': 'pay' },
      },
    };
    const waiting = drainedPhase(t).check(
      view({
        workerSliceConfigs: [wsc('a', [], ['web']), wsc('b', [], [])],
        serviceExportConfigs: [exportLeft],
      }),
    );
    expect(waiting.done).toBe(false);
    expect(waiting.steps.map(s => [s.id, s.state, s.detail])).toEqual([
      ['drain:a', 'running', 'still onboarded: web'],
      ['drain:b', 'done', 'none onboarded ✓'],
      [
        'drain:exports',
        'running',
        'still exported: api-web-a (delete their ServiceExports on the workers)',
      ],
    ]);
    expect(
      drainedPhase(t).check(view({ workerSliceConfigs: [wsc('a', [], [])] }))
        .done,
    ).toBe(true);
  });

  it('counts tunnels UP from the snapshot, and pairs it cannot see once both gateways exist', () => {
    const gateways = ['pay-a-b', 'pay-b-a'].map(name => ({
      metadata: {
        name,
        namespace: 'kubeslice-acme',
        labels: { 'original-slice-name': 'pay' },
      },
    }));
    const blind = tunnelsPhase(t, ['b', 'a']).check(
      view({ workerSliceGateways: gateways }),
    );
    expect(blind.steps).toEqual([
      {
        id: 'tunnel:a|b',
        title: 'tunnel a↔b',
        state: 'done',
        detail: 'gateways created; tunnel state not visible (no worker access)',
      },
    ]);
    const workers = ['a', 'b'].map(cluster => ({
      cluster,
      project: 'acme',
      sync: { state: 'ok' },
    }));
    const down = tunnelsPhase(t, ['a', 'b']).check(
      view({ workerSliceGateways: gateways, workers }, [
        {
          hub: 'prod',
          project: 'acme',
          name: 'pay',
          tunnels: [{ a: 'a', b: 'b', state: 'DOWN' }],
        },
      ]),
    );
    expect(down.steps[0]).toMatchObject({
      state: 'running',
      detail: 'DOWN (UP 0/1)',
    });
    const up = tunnelsPhase(t, ['a', 'b']).check(
      view({ workerSliceGateways: gateways, workers }, [
        {
          hub: 'prod',
          project: 'acme',
          name: 'pay',
          tunnels: [{ a: 'a', b: 'b', state: 'UP' }],
        },
      ]),
    );
    expect(up.done).toBe(true);
  });

  it('is done when every member has its WorkerSliceConfig and removed members none', () => {
    const phase = workerSlicesPhase(t, ['a', 'b'], ['c']);
    expect(
      phase
        .check(
          view({ workerSliceConfigs: [wsc('a', [], []), wsc('c', [], [])] }),
        )
        .steps.map(s => s.state),
    ).toEqual(['done', 'running', 'running']);
    expect(
      phase.check(
        view({ workerSliceConfigs: [wsc('a', [], []), wsc('b', [], [])] }),
      ).done,
    ).toBe(true);
    // An unknown hub is not progress.
    expect(
      phase.check({ snapshot: { slices: [] } as any, hub: () => undefined })
        .done,
    ).toBe(false);
  });
});
