import { randomUUID } from 'crypto';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { systemClock, type Clock } from '../hubs/clock';
import { describeError } from '../hubs/describeError';
import type { FleetService } from '../service/FleetService';
import {
  DEFAULT_OPERATION_TIMING,
  OperationRun,
  type OperationTiming,
} from './OperationRun';
import type { OperationStore } from './OperationStore';
import { interruptedSteps } from './steps';
import type {
  FleetSnapshotView,
  Operation,
  OperationNotifier,
  OperationPhase,
  OperationTarget,
  OperationTracker,
} from './types';

export type * from './types';
export { DEFAULT_OPERATION_TIMING, type OperationTiming } from './OperationRun';

/** The reason given to operations whose tracker went away (restart, crash, scale-down). */
export const RESTART_REASON = 'backend restarted';

/** What the tracker needs of the fleet: the snapshot, one hub's raw objects, and change events. */
export type TrackedFleet = Pick<
  FleetService,
  'snapshot' | 'hubObjects' | 'onChange'
>;

export interface DefaultOperationTrackerOptions {
  store: OperationStore;
  fleet: TrackedFleet;
  logger: LoggerService;
  clock?: Clock;
  /** Told about every written change, e.g. to publish signals. */
  notifiers?: readonly OperationNotifier[];
  timing?: Partial<OperationTiming>;
  /** Identifies this tracker in the rows it owns; default: a random id per process. */
  instanceId?: string;
}

/**
 * Runs operations in this process and keeps them in the plugin database, so that a page
 * reload or another replica reads the same state (`get` always reads the database).
 *
 * Restarts: an operation is not resumed by another process. Its phases are closures of
 * the request that started it (what to write, what to wait for, with the caller's
 * credentials), and a `run()` may have been cut off halfway, so replaying it from the
 * database would need every write to be re-describable and idempotent for an uncertain
 * gain. Instead a running operation's tracker renews a heartbeat on its row; a `get` that
 * finds a running row with a heartbeat older than `orphanAfterMs` (and not run here)
 * ends it as `failed` with reason "backend restarted", and a backend that stops cleanly
 * ends its own operations that way at once. The user sees where it stopped (the steps) and
 * can repeat the change: the writes are declarative (desired namespaces, desired clusters),
 * so repeating one is safe.
 */
export class DefaultOperationTracker implements OperationTracker {
  private readonly store: OperationStore;
  private readonly fleet: TrackedFleet;
  private readonly logger: LoggerService;
  private readonly clock: Clock;
  private readonly notifiers: readonly OperationNotifier[];
  private readonly timing: OperationTiming;
  private readonly owner: string;
  private readonly active = new Map<string, OperationRun>();
  /** Ended runs whose last writes may still be in flight (see idle()). */
  private readonly finishing = new Set<OperationRun>();
  private unsubscribe?: () => void;
  private stopped = false;

  constructor(options: DefaultOperationTrackerOptions) {
    this.store = options.store;
    this.fleet = options.fleet;
    this.logger = options.logger;
    this.clock = options.clock ?? systemClock;
    this.notifiers = options.notifiers ?? [];
    this.timing = { ...DEFAULT_OPERATION_TIMING, ...options.timing };
    this.owner = options.instanceId ?? randomUUID();
  }

  async start(options: {
    kind: string;
    target: OperationTarget;
    actor: string;
    timeoutMs: number;
    phases: OperationPhase[];
  }): Promise<Operation> {
    if (this.stopped) {
      throw new ServiceUnavailableError(
        'The backend is shutting down; operations cannot be started',
      );
    }
    const { kind, target, actor, timeoutMs, phases } = options;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
      throw new InputError(
        `Operation timeout must be a positive number of milliseconds, got ${timeoutMs}`,
      );
    }
    const now = this.clock.now();
    const createdAt = new Date(now).toISOString();
    const operation: Operation = {
      id: randomUUID(),
      kind,
      target: {
        hub: target.hub,
        project: target.project,
        ...(target.slice ? { slice: target.slice } : {}),
        ...(target.cluster ? { cluster: target.cluster } : {}),
      },
      actor,
      createdAt,
      updatedAt: createdAt,
      state: 'running',
      steps: OperationRun.initialSteps(phases),
    };
    const deadlineAt = now + timeoutMs;
    await this.store.insert(operation, {
      deadlineAt,
      heartbeatAt: now,
      owner: this.owner,
    });
    const run = new OperationRun(
      {
        store: this.store,
        owner: this.owner,
        clock: this.clock,
        logger: this.logger.child({ operation: operation.id }),
        timing: this.timing,
        view: () => this.view(),
        written: op => this.notify(op),
        ended: r => this.forget(r),
      },
      { operation, phases: [...phases], deadlineAt },
    );
    this.active.set(operation.id, run);
    this.subscribe();
    this.notify(operation);
    // A first phase without run() is checked right here, so the answer may already show
    // its per-cluster steps.
    run.begin();
    return run.current();
  }

  async get(id: string): Promise<Operation | undefined> {
    const stored = await this.store.get(id);
    if (!stored) return undefined;
    const { operation } = stored;
    if (operation.state !== 'running' || this.active.has(id)) return operation;
    const now = this.clock.now();
    if (now - stored.heartbeatAt <= this.timing.orphanAfterMs) return operation;
    // Its tracker has been silent for longer than it would ever be while alive.
    const ended: Operation = {
      ...operation,
      state: 'failed',
      reason: RESTART_REASON,
      steps: interruptedSteps(operation.steps, RESTART_REASON),
      updatedAt: new Date(now).toISOString(),
    };
    if (
      await this.store.failOrphan(stored, {
        state: ended.state,
        reason: ended.reason,
        steps: ended.steps,
        updatedAt: now,
      })
    ) {
      this.logger.warn(
        `Operation ${id} (${operation.kind}) lost its tracker; marked failed: ${RESTART_REASON}`,
      );
      this.notify(ended);
      return ended;
    }
    // Someone else got there first (or the tracker renewed its heartbeat): read their answer.
    return (await this.store.get(id))?.operation;
  }

  /** Operations running here now (for tests and diagnostics). */
  runningHere(): string[] {
    return [...this.active.keys()];
  }

  /** Resolves when every write queued so far (by running and just-ended operations) is done. */
  async idle(): Promise<void> {
    await Promise.all(
      [...this.active.values(), ...this.finishing].map(run => run.flush()),
    );
  }

  /**
   * Ends every operation running here as failed ("backend restarted") and waits for those
   * writes; no new operation starts afterwards. Never rejects.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    const runs = [...this.active.values()];
    await Promise.all(
      runs.map(run =>
        run
          .stop(RESTART_REASON)
          .catch(error =>
            this.logger.warn(
              `Operation ${run.id}: not ended cleanly: ${describeError(error)}`,
            ),
          ),
      ),
    );
    await this.idle();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** One round of checks sees one snapshot and each hub's objects read at most once. */
  private view(): FleetSnapshotView {
    const fleet = this.fleet;
    let snapshot: ReturnType<TrackedFleet['snapshot']> | undefined;
    const hubs = new Map<string, ReturnType<TrackedFleet['hubObjects']>>();
    return {
      get snapshot() {
        snapshot ??= fleet.snapshot();
        return snapshot;
      },
      hub(name: string) {
        if (!hubs.has(name)) hubs.set(name, fleet.hubObjects(name));
        return hubs.get(name);
      },
    };
  }

  /** Watch events only matter while something runs here: subscribe for that long. */
  private subscribe(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.fleet.onChange(() => {
      for (const run of this.active.values()) run.changed();
    });
  }

  private forget(run: OperationRun): void {
    this.active.delete(run.id);
    this.finishing.add(run);
    // flush() never rejects; the catch is for the rule, not for a known failure.
    run
      .flush()
      .catch(() => undefined)
      .then(() => {
        this.finishing.delete(run);
      });
    if (this.active.size === 0 && this.unsubscribe) {
      this.unsubscribe();
      this.unsubscribe = undefined;
    }
  }

  /** Notifiers run in the background; their failures are logged, never thrown. */
  private notify(operation: Operation): void {
    for (const notifier of this.notifiers) {
      Promise.resolve()
        .then(() => notifier.notify(structuredClone(operation)))
        .catch(error =>
          this.logger.warn(
            `Operation ${operation.id}: notification failed: ${describeError(
              error,
            )}`,
          ),
        );
    }
  }
}
