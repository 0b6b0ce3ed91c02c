import type { LoggerService } from '@backstage/backend-plugin-api';
import { formatDuration, type Clock, type TimerHandle } from '../hubs/clock';
import { describeError } from '../hubs/describeError';
import type { OperationStore } from './OperationStore';
import {
  cleanStep,
  completedSteps,
  interruptedSteps,
  phaseTitleStep,
} from './steps';
import type {
  FleetSnapshotView,
  Operation,
  OperationPhase,
  OperationState,
  OperationStep,
} from './types';

export interface OperationTiming {
  /** `check` runs at least this often even without fleet changes (a missed event, a clock-based check). */
  pollIntervalMs: number;
  /** After a fleet change, wait this long before checking, so a burst of watch events costs one check. */
  changeDelayMs: number;
  /** How often a running operation's row says "my tracker is alive". */
  heartbeatIntervalMs: number;
  /** A running row whose heartbeat is older than this has lost its tracker (see the tracker's get()). */
  orphanAfterMs: number;
}

export const DEFAULT_OPERATION_TIMING: OperationTiming = {
  pollIntervalMs: 2_000,
  changeDelayMs: 100,
  heartbeatIntervalMs: 10_000,
  orphanAfterMs: 60_000,
};

/** What a run needs from the tracker that owns it. */
export interface OperationRunContext {
  store: OperationStore;
  owner: string;
  clock: Clock;
  logger: LoggerService;
  timing: OperationTiming;
  /** A fresh view of the fleet for one round of checks. */
  view(): FleetSnapshotView;
  /** After each change was written (the tracker catches the notifiers' failures). */
  written(operation: Operation): void;
  /** Once, when the run has ended (before its last write may have finished). */
  ended(run: OperationRun): void;
}

/**
 * One operation while its tracker runs it: phases in order, each `run()` once when its phase
 * starts, `check()` after fleet changes and on a poll timer, the deadline, the heartbeat, and
 * the writes of every change. Nothing here rejects into the void: the evaluation loop, every
 * timer callback and every database write end in a catch that ends the operation or logs.
 */
export class OperationRun {
  private operation: Operation;
  private readonly phases: OperationPhase[];
  /** Steps of each phase reached so far; unreached phases show their title as one step. */
  private readonly phaseSteps: (OperationStep[] | undefined)[];
  private index = 0;
  private readonly started = new Set<number>();
  private hasEnded = false;
  private evaluating = false;
  private again = false;
  private pollTimer?: TimerHandle;
  private changeTimer?: TimerHandle;
  private deadlineTimer?: TimerHandle;
  private heartbeatTimer?: TimerHandle;
  /** Writes happen one after the other, in order; each writes the state current when it runs. */
  private writes: Promise<void> = Promise.resolve();
  private dirty = false;
  private writeQueued = false;
  private readonly deadlineAt: number;

  constructor(
    private readonly context: OperationRunContext,
    options: {
      operation: Operation;
      phases: OperationPhase[];
      deadlineAt: number;
    },
  ) {
    this.operation = options.operation;
    this.phases = options.phases;
    this.phaseSteps = options.phases.map(() => undefined);
    this.deadlineAt = options.deadlineAt;
  }

  get id(): string {
    return this.operation.id;
  }

  get ended(): boolean {
    return this.hasEnded;
  }

  /** The operation as it is now in memory (its write may still be queued). */
  current(): Operation {
    return structuredClone(this.operation);
  }

  /** The steps of an operation that has not started a phase yet. */
  static initialSteps(phases: OperationPhase[]): OperationStep[] {
    return phases.map((p, i) => phaseTitleStep(p, i, 'pending'));
  }

  /** Arms the deadline and the heartbeat, and runs the first phase. */
  begin(): void {
    const { clock } = this.context;
    this.deadlineTimer = clock.setTimeout(
      () => this.timeOut(),
      Math.max(0, this.deadlineAt - clock.now()),
    );
    this.armHeartbeat();
    this.kick();
  }

  /** The fleet changed: check again shortly (once per burst). */
  changed(): void {
    if (this.hasEnded || this.changeTimer) return;
    this.changeTimer = this.context.clock.setTimeout(() => {
      this.changeTimer = undefined;
      this.kick();
    }, this.context.timing.changeDelayMs);
  }

  /** Ends a run that is still going (the backend is stopping) and waits for its writes. */
  async stop(reason: string): Promise<void> {
    this.end('failed', reason);
    await this.flush();
  }

  /** Resolves once every write queued so far has finished (successfully or not). */
  async flush(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.writes;
      await current;
    } while (current !== this.writes);
  }

  private kick(): void {
    this.evaluate().catch(error =>
      this.end('failed', `Tracking failed: ${describeError(error)}`),
    );
  }

  private async evaluate(): Promise<void> {
    if (this.hasEnded) return;
    if (this.evaluating) {
      // A change arrived mid-evaluation (e.g. while a phase's run() is in flight): go again after.
      this.again = true;
      return;
    }
    this.evaluating = true;
    try {
      do {
        this.again = false;
        await this.advance();
      } while (this.again && !this.hasEnded);
    } finally {
      this.evaluating = false;
      if (!this.hasEnded) {
        this.armPoll();
        // A write that failed earlier is retried on every round.
        if (this.dirty) this.persist();
      }
    }
  }

  /** Starts and checks phases until one is not complete yet, or the operation ends. */
  private async advance(): Promise<void> {
    let view = this.context.view();
    while (!this.hasEnded && this.index < this.phases.length) {
      const i = this.index;
      const phase = this.phases[i];
      if (phase.run && !this.started.has(i)) {
        this.started.add(i);
        this.setSteps(i, [phaseTitleStep(phase, i, 'running')]);
        try {
          await phase.run();
        } catch (error) {
          this.end('failed', describeError(error));
          return;
        }
        if (this.hasEnded) return;
        // What run() did may already be in the caches.
        view = this.context.view();
      }
      let result: ReturnType<OperationPhase['check']>;
      try {
        result = phase.check(view);
      } catch (error) {
        this.end('failed', `${phase.title}: ${describeError(error)}`);
        return;
      }
      const steps = (Array.isArray(result?.steps) ? result.steps : []).map(
        cleanStep,
      );
      const shown = (state: OperationStep['state']) =>
        steps.length > 0 ? steps : [phaseTitleStep(phase, i, state)];
      if (result.failed) {
        this.setSteps(i, shown('failed'));
        this.end('failed', String(result.failed));
        return;
      }
      if (!result.done) {
        this.setSteps(i, shown('running'));
        return;
      }
      this.setSteps(i, completedSteps(shown('done')));
      this.index += 1;
    }
    if (!this.hasEnded) this.end('done');
  }

  private timeOut(): void {
    this.deadlineTimer = undefined;
    const waitingFor = this.phases[this.index]?.title;
    const after = formatDuration(
      this.deadlineAt - Date.parse(this.operation.createdAt),
    );
    this.end(
      'timedOut',
      `Timed out after ${after}${
        waitingFor ? ` waiting for: ${waitingFor}` : ''
      }`,
    );
  }

  private end(state: Exclude<OperationState, 'running'>, reason?: string) {
    if (this.hasEnded) return;
    this.hasEnded = true;
    const { clock } = this.context;
    for (const timer of [
      this.pollTimer,
      this.changeTimer,
      this.deadlineTimer,
      this.heartbeatTimer,
    ]) {
      clock.clearTimeout(timer);
    }
    if (state !== 'done' && this.index < this.phases.length) {
      const i = this.index;
      const current = this.phaseSteps[i] ?? [
        phaseTitleStep(this.phases[i], i, 'running'),
      ];
      this.phaseSteps[i] = interruptedSteps(
        current,
        state === 'timedOut' ? 'Timed out' : reason ?? 'Failed',
      );
    }
    this.change({ state, reason });
    this.context.ended(this);
  }

  private setSteps(index: number, steps: OperationStep[]): void {
    const before = JSON.stringify(this.phaseSteps[index]);
    this.phaseSteps[index] = steps;
    if (JSON.stringify(steps) !== before) this.change({});
  }

  /** Applies a change to the operation and queues its write. */
  private change(patch: { state?: OperationState; reason?: string }): void {
    const steps = this.phases.flatMap(
      (p, i) => this.phaseSteps[i] ?? [phaseTitleStep(p, i, 'pending')],
    );
    const next: Operation = {
      ...this.operation,
      ...(patch.state ? { state: patch.state } : {}),
      steps,
      updatedAt: new Date(this.context.clock.now()).toISOString(),
    };
    if (patch.reason !== undefined) next.reason = patch.reason;
    this.operation = next;
    this.persist();
  }

  private persist(): void {
    this.dirty = true;
    if (this.writeQueued) return; // the queued write will take the latest state
    this.writeQueued = true;
    this.writes = this.writes.then(() => this.write());
  }

  /** Never rejects: a failed write is logged and retried on the next round (or lost at the end). */
  private async write(): Promise<void> {
    this.writeQueued = false;
    this.dirty = false;
    const operation = this.operation;
    const { store, owner, logger } = this.context;
    try {
      const written = await store.update(operation.id, owner, {
        state: operation.state,
        reason: operation.reason,
        steps: operation.steps,
        updatedAt: Date.parse(operation.updatedAt),
      });
      if (!written) {
        // Ended elsewhere, e.g. declared orphaned by another replica while our heartbeats failed.
        logger.warn(
          `Operation ${operation.id} was ended outside this tracker; no longer tracking it`,
        );
        this.abandon();
        return;
      }
      this.context.written(operation);
    } catch (error) {
      this.dirty = true;
      logger.error(
        `Operation ${
          operation.id
        }: could not record its progress: ${describeError(error)}`,
      );
    }
  }

  /** Stops locally without writing: the row belongs to someone else now. */
  private abandon(): void {
    if (this.hasEnded) return;
    this.hasEnded = true;
    const { clock } = this.context;
    for (const timer of [
      this.pollTimer,
      this.changeTimer,
      this.deadlineTimer,
      this.heartbeatTimer,
    ]) {
      clock.clearTimeout(timer);
    }
    this.context.ended(this);
  }

  private armPoll(): void {
    const { clock, timing } = this.context;
    clock.clearTimeout(this.pollTimer);
    this.pollTimer = clock.setTimeout(() => {
      this.pollTimer = undefined;
      this.kick();
    }, timing.pollIntervalMs);
  }

  private armHeartbeat(): void {
    const { clock, timing } = this.context;
    this.heartbeatTimer = clock.setTimeout(() => {
      this.heartbeatTimer = undefined;
      if (this.hasEnded) return;
      this.writes = this.writes.then(() => this.beat());
      this.armHeartbeat();
    }, timing.heartbeatIntervalMs);
  }

  private async beat(): Promise<void> {
    const { store, owner, clock, logger } = this.context;
    if (this.hasEnded) return;
    try {
      const alive = await store.heartbeat(this.id, owner, clock.now());
      if (!alive) {
        logger.warn(
          `Operation ${this.id} was ended outside this tracker; no longer tracking it`,
        );
        this.abandon();
      }
    } catch (error) {
      logger.warn(
        `Operation ${this.id}: heartbeat not recorded: ${describeError(error)}`,
      );
    }
  }
}
