import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { PluginKnex } from '../database/codeMigrations';
import { onboardingPhase } from '../__testUtils__/onboardingPhase';
import { FakeTrackedFleet } from '../__testUtils__/trackedFleet';
import { VirtualClock } from '../__testUtils__/virtualTime';
import {
  DefaultOperationTracker,
  RESTART_REASON,
  type Operation,
  type OperationNotifier,
  type OperationPhase,
  type OperationTiming,
} from './OperationTracker';
import { OperationStore } from './OperationStore';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const TARGET = { hub: 'prod', project: 'acme', slice: 'payments' };
const ACTOR = 'user:default/alice';
const MIN = 60_000;

/** Phases that only move when the test says so. */
function gate(title: string, calls: string[]) {
  let open = false;
  let failure: string | undefined;
  const phase: OperationPhase = {
    title,
    check: () => {
      calls.push(`check:${title}`);
      return {
        steps: [{ id: title, title, state: open ? 'done' : 'running' }],
        done: open,
        failed: failure,
      };
    },
  };
  return {
    phase,
    open: () => {
      open = true;
    },
    fail: (reason: string) => {
      failure = reason;
    },
  };
}

describe('DefaultOperationTracker', () => {
  let knex: PluginKnex;
  let clock: VirtualClock;
  let fleet: FakeTrackedFleet;
  let logger: ReturnType<typeof mockServices.logger.mock>;
  const trackers: DefaultOperationTracker[] = [];

  const timing: Partial<OperationTiming> = {
    pollIntervalMs: 2_000,
    changeDelayMs: 100,
    heartbeatIntervalMs: 10_000,
    orphanAfterMs: 60_000,
  };

  function tracker(
    options: {
      clock?: VirtualClock;
      notifiers?: OperationNotifier[];
      timing?: Partial<OperationTiming>;
      store?: OperationStore;
    } = {},
  ) {
    const t = new DefaultOperationTracker({
      store: options.store ?? OperationStore.fromKnex(knex),
      fleet,
      logger,
      clock: options.clock ?? clock,
      notifiers: options.notifiers,
      timing: { ...timing, ...options.timing },
    });
    trackers.push(t);
    return t;
  }

  /** Moves virtual time, then waits for the writes it caused. */
  async function advance(t: DefaultOperationTracker, ms: number) {
    await clock.advance(ms);
    await t.idle();
  }

  beforeEach(async () => {
    knex = await databases.init('SQLITE_3');
    clock = new VirtualClock();
    fleet = new FakeTrackedFleet();
    logger = mockServices.logger.mock();
    logger.child.mockReturnValue(logger);
  });

  afterEach(async () => {
    for (const t of trackers.splice(0)) await t.stop();
  });

  it('runs phases in order, calls run() once when its phase starts, and ends done', async () => {
    const calls: string[] = [];
    const first = gate('offboard', calls);
    const deletion = jest.fn(async () => {
      calls.push('run:delete');
    });
    const second: OperationPhase = {
      title: 'delete',
      run: deletion,
      check: () => {
        calls.push('check:delete');
        return { steps: [], done: calls.includes('gone') };
      },
    };
    const t = tracker();
    const started = await t.start({
      kind: 'slice.delete',
      target: TARGET,
      actor: ACTOR,
      timeoutMs: 10 * MIN,
      phases: [first.phase, second],
    });
    // The first phase was checked at once; the second shows only its title, pending.
    expect(started.state).toBe('running');
    expect(started.steps).toEqual([
      { id: 'offboard', title: 'offboard', state: 'running' },
      { id: 'phase-2', title: 'delete', state: 'pending' },
    ]);
    await advance(t, 10_000);
    expect(deletion).not.toHaveBeenCalled();

    first.open();
    fleet.change('prod', () => undefined);
    await advance(t, 100);
    expect(deletion).toHaveBeenCalledTimes(1);
    expect((await t.get(started.id))?.steps).toEqual([
      { id: 'offboard', title: 'offboard', state: 'done' },
      { id: 'phase-2', title: 'delete', state: 'running' },
    ]);

    // Many more changes and polls: run() is not called again.
    for (let i = 0; i < 5; i++) {
      fleet.change('prod', () => undefined);
      await advance(t, 2_000);
    }
    expect(deletion).toHaveBeenCalledTimes(1);

    calls.push('gone');
    await advance(t, 2_000);
    const done = await t.get(started.id);
    expect(done).toMatchObject({
      state: 'done',
      kind: 'slice.delete',
      target: TARGET,
      actor: ACTOR,
    });
    expect(done?.reason).toBeUndefined();
    expect(done?.steps).toEqual([
      { id: 'offboard', title: 'offboard', state: 'done' },
      { id: 'phase-2', title: 'delete', state: 'done' },
    ]);
    // The offboarding check never ran again after its phase was complete.
    expect(calls.indexOf('run:delete')).toBeGreaterThan(
      calls.lastIndexOf('check:offboard'),
    );
    // Nothing is left behind: no timers, no fleet subscription.
    expect(clock.pendingTimers()).toBe(0);
    expect(fleet.listenerCount()).toBe(0);
    expect(t.runningHere()).toEqual([]);
  });

  it('re-checks promptly after a fleet change, and on its poll interval without one', async () => {
    const t = tracker({ timing: { pollIntervalMs: 30_000 } });
    const op = await t.start({
      kind: 'namespace.onboard',
      target: TARGET,
      actor: ACTOR,
      timeoutMs: 10 * MIN,
      phases: [
        onboardingPhase({
          hub: 'prod',
          slice: 'payments',
          namespace: 'ledger',
          clusters: ['aws', 'gcp'],
        }),
      ],
    });
    expect(op.steps.map(s => [s.id, s.state, s.detail])).toEqual([
      [
        'onboard:aws',
        'running',
        'no WorkerSliceConfig of payments for aws yet',
      ],
      [
        'onboard:gcp',
        'running',
        'no WorkerSliceConfig of payments for gcp yet',
      ],
    ]);
    fleet.setOnboarded({
      slice: 'payments',
      cluster: 'aws',
      namespaces: ['ledger'],
    });
    // 100 ms after the change, well before the 30 s poll.
    await advance(t, 100);
    expect((await t.get(op.id))?.steps.map(s => [s.id, s.state])).toEqual([
      ['onboard:aws', 'done'],
      ['onboard:gcp', 'running'],
    ]);
    // A burst of watch events costs one check.
    const reads = fleet.hubReads;
    for (let i = 0; i < 50; i++) fleet.change('prod', () => undefined);
    await advance(t, 100);
    expect(fleet.hubReads - reads).toBe(1);

    // A change that arrives without an event (a missed watch event) is seen on the next poll.
    fleet.hubs.get('prod')!.workerSliceConfigs.push({
      metadata: {
        name: 'payments-gcp',
        labels: { 'original-slice-name': 'payments', 'worker-cluster': 'gcp' },
      },
      status: { onboardedAppNamespaces: [{ name: 'ledger' }] },
    });
    await advance(t, 29_000);
    expect((await t.get(op.id))?.state).toBe('running');
    await advance(t, 1_000);
    expect((await t.get(op.id))?.state).toBe('done');
  });

  it('fails with the message of a run() that throws, and never starts later phases', async () => {
    const later = jest.fn(async () => undefined);
    const t = tracker();
    const op = await t.start({
      kind: 'slice.delete',
      target: TARGET,
      actor: ACTOR,
      timeoutMs: 10 * MIN,
      phases: [
        {
          title: 'delete SliceConfig',
          run: async () => {
            throw new Error('HTTP 403: sliceconfigs is forbidden');
          },
          check: () => ({ steps: [], done: true }),
        },
        {
          title: 'never',
          run: later,
          check: () => ({ steps: [], done: true }),
        },
      ],
    });
    await advance(t, 0);
    const failed = await t.get(op.id);
    expect(failed).toMatchObject({
      state: 'failed',
      reason: 'HTTP 403: sliceconfigs is forbidden',
    });
    expect(failed?.steps).toEqual([
      {
        id: 'phase-1',
        title: 'delete SliceConfig',
        state: 'failed',
        detail: 'HTTP 403: sliceconfigs is forbidden',
      },
      { id: 'phase-2', title: 'never', state: 'pending' },
    ]);
    expect(later).not.toHaveBeenCalled();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('fails with the reason a check gives, keeping the step the check marked failed', async () => {
    const t = tracker();
    const op = await t.start({
      kind: 'namespace.onboard',
      target: TARGET,
      actor: ACTOR,
      timeoutMs: 10 * MIN,
      phases: [
        {
          title: 'onboard',
          check: fleetView =>
            fleetView.hub('prod')?.errors.length
              ? {
                  steps: [
                    {
                      id: 'aws',
                      title: 'aws',
                      state: 'failed',
                      detail: 'denied',
                    },
                    { id: 'gcp', title: 'gcp', state: 'running' },
                  ],
                  done: false,
                  failed: 'the worker on aws refused the namespace',
                }
              : {
                  steps: [
                    { id: 'aws', title: 'aws', state: 'running' },
                    { id: 'gcp', title: 'gcp', state: 'running' },
                  ],
                  done: false,
                },
        },
      ],
    });
    fleet.change('prod', hub => {
      hub.errors.push({ source: 'x', state: 'degraded', message: 'm' });
    });
    await advance(t, 100);
    const failed = await t.get(op.id);
    expect(failed?.state).toBe('failed');
    expect(failed?.reason).toBe('the worker on aws refused the namespace');
    expect(failed?.steps).toEqual([
      { id: 'aws', title: 'aws', state: 'failed', detail: 'denied' },
      { id: 'gcp', title: 'gcp', state: 'running' },
    ]);
  });

  it('fails when a check throws, naming the phase', async () => {
    const t = tracker();
    const op = await t.start({
      kind: 'namespace.onboard',
      target: TARGET,
      actor: ACTOR,
      timeoutMs: 10 * MIN,
      phases: [
        {
          title: 'wait',
          check: () => {
            throw new TypeError(
              "Cannot read properties of undefined (reading 'status')",
            );
          },
        },
      ],
    });
    await advance(t, 0);
    expect(await t.get(op.id)).toMatchObject({
      state: 'failed',
      reason: "wait: Cannot read properties of undefined (reading 'status')",
    });
  });

  it('times out after timeoutMs, saying what it was waiting for, and stops checking', async () => {
    const calls: string[] = [];
    const waiting = gate('offboard', calls);
    const deletion = jest.fn(async () => undefined);
    const t = tracker();
    const op = await t.start({
      kind: 'slice.delete',
      target: TARGET,
      actor: ACTOR,
      timeoutMs: 5 * MIN,
      phases: [
        waiting.phase,
        {
          title: 'delete',
          run: deletion,
          check: () => ({ steps: [], done: true }),
        },
      ],
    });
    await advance(t, 5 * MIN - 1);
    expect((await t.get(op.id))?.state).toBe('running');
    await advance(t, 1);
    const timedOut = await t.get(op.id);
    expect(timedOut?.state).toBe('timedOut');
    expect(timedOut?.reason).toBe(
      'Timed out after 5m00s waiting for: offboard',
    );
    expect(timedOut?.steps).toEqual([
      {
        id: 'offboard',
        title: 'offboard',
        state: 'failed',
        detail: 'Timed out',
      },
      { id: 'phase-2', title: 'delete', state: 'pending' },
    ]);
    expect(timedOut?.updatedAt).toBe(new Date(clock.now()).toISOString());
    const checks = calls.length;
    waiting.open();
    fleet.change('prod', () => undefined);
    await advance(t, 10 * MIN);
    expect(calls.length).toBe(checks);
    expect(deletion).not.toHaveBeenCalled();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('times out even while a run() hangs', async () => {
    const t = tracker();
    const op = await t.start({
      kind: 'slice.delete',
      target: TARGET,
      actor: ACTOR,
      timeoutMs: MIN,
      phases: [
        {
          title: 'delete',
          run: () => new Promise<void>(() => undefined),
          check: () => ({ steps: [], done: true }),
        },
      ],
    });
    await advance(t, MIN);
    expect(await t.get(op.id)).toMatchObject({
      state: 'timedOut',
      reason: 'Timed out after 1m00s waiting for: delete',
    });
  });

  it('persists every change: a second tracker on the same database reads the same operation', async () => {
    const here = tracker();
    const elsewhere = tracker({ store: OperationStore.fromKnex(knex) });
    const op = await here.start({
      kind: 'namespace.onboard',
      target: { ...TARGET, cluster: 'aws' },
      actor: ACTOR,
      timeoutMs: 10 * MIN,
      phases: [
        onboardingPhase({
          hub: 'prod',
          slice: 'payments',
          namespace: 'ledger',
          clusters: ['aws', 'gcp'],
        }),
      ],
    });
    await here.idle();
    const read = async () => {
      const a = await here.get(op.id);
      const b = await elsewhere.get(op.id);
      expect(b).toEqual(a);
      return b!;
    };
    expect((await read()).steps.map(s => s.state)).toEqual([
      'running',
      'running',
    ]);
    fleet.setOnboarded({
      slice: 'payments',
      cluster: 'aws',
      namespaces: ['ledger'],
    });
    await advance(here, 100);
    expect((await read()).steps.map(s => s.state)).toEqual(['done', 'running']);
    fleet.setOnboarded({
      slice: 'payments',
      cluster: 'gcp',
      namespaces: ['ledger'],
    });
    await advance(here, 100);
    const done = await read();
    expect(done).toMatchObject({
      state: 'done',
      target: {
        hub: 'prod',
        project: 'acme',
        slice: 'payments',
        cluster: 'aws',
      },
    });
    expect(await elsewhere.get('no-such-id')).toBeUndefined();
    expect(elsewhere.runningHere()).toEqual([]);
  });

  it('marks an operation whose tracker died failed ("backend restarted") after the grace period', async () => {
    // The first process: its clock stops when it "crashes" (its timers never fire again).
    const crashedClock = new VirtualClock(clock.now());
    const crashed = tracker({ clock: crashedClock });
    const op = await crashed.start({
      kind: 'namespace.onboard',
      target: TARGET,
      actor: ACTOR,
      timeoutMs: 30 * MIN,
      phases: [
        onboardingPhase({
          hub: 'prod',
          slice: 'payments',
          namespace: 'ledger',
          clusters: ['aws'],
        }),
      ],
    });
    await crashedClock.advance(10_000); // one heartbeat
    await crashed.idle();

    // The restarted process, 30 s after the last heartbeat: still within the grace period.
    const restarted = tracker();
    await clock.advance(40_000);
    expect((await restarted.get(op.id))?.state).toBe('running');
    await clock.advance(30_001);
    const failed = await restarted.get(op.id);
    expect(failed).toMatchObject({ state: 'failed', reason: RESTART_REASON });
    expect(failed?.steps).toEqual([
      {
        id: 'onboard:aws',
        title: 'ledger on aws',
        state: 'failed',
        detail: 'no WorkerSliceConfig of payments for aws yet',
      },
    ]);
    // Read again (and by a third replica): the same answer, written once.
    expect(await tracker().get(op.id)).toEqual(failed);

    // Were the first process to come back, its writes are refused and it lets go.
    fleet.setOnboarded({
      slice: 'payments',
      cluster: 'aws',
      namespaces: ['ledger'],
    });
    await crashedClock.advance(100);
    await crashed.idle();
    expect(crashed.runningHere()).toEqual([]);
    expect((await restarted.get(op.id))?.state).toBe('failed');
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('was ended outside this tracker'),
    );
  });

  it('keeps a live operation running while its tracker renews the heartbeat', async () => {
    const running = tracker();
    const other = tracker();
    const op = await running.start({
      kind: 'namespace.onboard',
      target: TARGET,
      actor: ACTOR,
      timeoutMs: 30 * MIN,
      phases: [gate('wait', []).phase],
    });
    await advance(running, 5 * MIN);
    expect((await other.get(op.id))?.state).toBe('running');
  });

  it('ends its running operations at once when the backend stops cleanly, and starts no more', async () => {
    const t = tracker();
    const op = await t.start({
      kind: 'namespace.onboard',
      target: TARGET,
      actor: ACTOR,
      timeoutMs: 30 * MIN,
      phases: [gate('wait', []).phase],
    });
    await t.stop();
    expect(await tracker().get(op.id)).toMatchObject({
      state: 'failed',
      reason: RESTART_REASON,
    });
    await expect(
      t.start({
        kind: 'x',
        target: TARGET,
        actor: ACTOR,
        timeoutMs: MIN,
        phases: [],
      }),
    ).rejects.toThrow('shutting down');
    expect(clock.pendingTimers()).toBe(0);
  });

  it('tells notifiers about every written change; a failing notifier is logged, not thrown', async () => {
    const seen: Operation[] = [];
    const good: OperationNotifier = {
      notify: async o => {
        seen.push(o);
      },
    };
    const bad: OperationNotifier = {
      notify: () => {
        throw new Error('signals down');
      },
    };
    const t = tracker({ notifiers: [bad, good] });
    const open = gate('wait', []);
    const op = await t.start({
      kind: 'namespace.onboard',
      target: TARGET,
      actor: ACTOR,
      timeoutMs: MIN,
      phases: [open.phase],
    });
    await advance(t, 0);
    open.open();
    fleet.change('prod', () => undefined);
    await advance(t, 100);
    expect(seen.map(o => [o.id, o.state, o.steps[0].state])).toEqual([
      [op.id, 'running', 'pending'],
      [op.id, 'running', 'running'],
      [op.id, 'done', 'done'],
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('notification failed: signals down'),
    );
  });

  it('keeps going when a write fails, and writes the latest state on the next round', async () => {
    const store = OperationStore.fromKnex(knex);
    const t = tracker({ store });
    const op = await t.start({
      kind: 'namespace.onboard',
      target: TARGET,
      actor: ACTOR,
      timeoutMs: 10 * MIN,
      phases: [
        onboardingPhase({
          hub: 'prod',
          slice: 'payments',
          namespace: 'ledger',
          clusters: ['aws', 'gcp'],
        }),
      ],
    });
    await t.idle();
    const update = jest
      .spyOn(store, 'update')
      .mockRejectedValueOnce(new Error('SQLITE_BUSY: database is locked'));
    fleet.setOnboarded({
      slice: 'payments',
      cluster: 'aws',
      namespaces: ['ledger'],
    });
    await advance(t, 100);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('could not record its progress: SQLITE_BUSY'),
    );
    expect((await t.get(op.id))?.steps.map(s => s.state)).toEqual([
      'running',
      'running',
    ]);
    // The next poll writes what is current.
    await advance(t, 2_000);
    expect((await t.get(op.id))?.steps.map(s => s.state)).toEqual([
      'done',
      'running',
    ]);
    expect(update.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('rejects a timeout that is not a positive number, and ends an operation without phases done', async () => {
    const t = tracker();
    await expect(
      t.start({
        kind: 'x',
        target: TARGET,
        actor: ACTOR,
        timeoutMs: 0,
        phases: [],
      }),
    ).rejects.toThrow('positive');
    const op = await t.start({
      kind: 'x',
      target: TARGET,
      actor: ACTOR,
      timeoutMs: MIN,
      phases: [],
    });
    await t.idle();
    expect((await t.get(op.id))?.state).toBe('done');
  });
});
