/**
 * The reconcile queue of the emulated controllers, like controller-runtime's
 * work queue: keys are de-duplicated (a burst of changes to one object is
 * one reconcile), work runs after the write that caused it has returned (on
 * the next turn of the event loop, as a real controller reacts to a watch
 * event), and `drain()` runs everything pending now, which is how scenario
 * loading and tests wait for the fleet to settle.
 *
 * Delayed work (`after`) models steps that take a worker a while (namespace
 * onboarding): it runs when its timer fires, or at once on `flushDelayed()`.
 */
export class WorkQueue {
  private readonly pending = new Map<string, () => void>();
  private readonly delayed = new Map<
    string,
    { timer?: NodeJS.Timeout; fn: () => void }
  >();
  private scheduled = false;
  private draining = false;
  private closed = false;
  /** Errors of reconciles (a reconcile that throws is logged here, not retried forever). */
  readonly errors: Error[] = [];

  /** Queues `fn` under `key`; a key already queued keeps its place and takes the newest function. */
  enqueue(key: string, fn: () => void): void {
    if (this.closed) return;
    this.pending.set(key, fn);
    if (!this.scheduled && !this.draining) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.drain();
      }).unref();
    }
  }

  /** Runs `fn` after `ms` (0 = with the next drain). A key already waiting is not rescheduled. */
  after(key: string, ms: number, fn: () => void): void {
    if (this.closed) return;
    if (ms <= 0) {
      this.enqueue(key, fn);
      return;
    }
    if (this.delayed.has(key)) {
      this.delayed.get(key)!.fn = fn;
      return;
    }
    const entry: { timer?: NodeJS.Timeout; fn: () => void } = { fn };
    entry.timer = setTimeout(() => {
      this.delayed.delete(key);
      this.enqueue(key, entry.fn);
    }, ms);
    entry.timer.unref();
    this.delayed.set(key, entry);
  }

  /** Whether anything is queued or waiting. */
  idle(): boolean {
    return this.pending.size === 0 && this.delayed.size === 0;
  }

  /** Runs queued work (and the work it queues) until the queue is empty. */
  drain(maxRounds = 1_000_000): void {
    if (this.draining) return;
    this.draining = true;
    try {
      let rounds = 0;
      while (this.pending.size) {
        const [key, fn] = this.pending.entries().next().value as [
          string,
          () => void,
        ];
        this.pending.delete(key);
        try {
          fn();
        } catch (e) {
          this.errors.push(e as Error);
          if (this.errors.length > 100) this.errors.shift();
        }
        if (++rounds > maxRounds)
          throw new Error('reconcile queue does not settle');
      }
    } finally {
      this.draining = false;
    }
  }

  /** Moves every delayed item into the queue now. */
  flushDelayed(): void {
    for (const [key, entry] of [...this.delayed]) {
      clearTimeout(entry.timer);
      this.delayed.delete(key);
      this.enqueue(key, entry.fn);
    }
  }

  /** Drains, including delayed work, until nothing is left. */
  settle(): void {
    for (let i = 0; i < 1000; i++) {
      this.drain();
      if (!this.delayed.size) return;
      this.flushDelayed();
    }
    throw new Error('reconcile queue does not settle');
  }

  close(): void {
    this.closed = true;
    for (const entry of this.delayed.values()) clearTimeout(entry.timer);
    this.delayed.clear();
    this.pending.clear();
  }
}
