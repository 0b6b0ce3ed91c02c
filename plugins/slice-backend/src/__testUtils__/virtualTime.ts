import type { Clock, TimerHandle } from '../hubs/clock';

/** Lets pending promise chains (several hops deep) run to their next wait. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise(r => setImmediate(r));
}

/**
 * A clock whose time moves only when a test says so: `advance(ms)` runs every timer due in
 * that span in order, letting promises settle between them.
 */
export class VirtualClock implements Clock {
  private time: number;
  private sequence = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  constructor(start = Date.parse('2026-12-01T00:00:00Z')) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = ++this.sequence;
    this.timers.set(id, { at: this.time + Math.max(0, ms), fn });
    return { id };
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (handle) this.timers.delete(handle.id as number);
  }

  /** Timers not yet run, for asserting that nothing is left behind. */
  pendingTimers(): number {
    return this.timers.size;
  }

  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await flush();
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.timers) {
        if (entry[1].at <= end && (!next || entry[1].at < next[1].at))
          next = entry;
      }
      if (!next) break;
      this.timers.delete(next[0]);
      this.time = next[1].at;
      next[1].fn();
    }
    this.time = end;
    await flush();
  }
}
