import type { FleetRuntime } from '../emulation/FleetRuntime';

/**
 * The periodic part of the worker emulation: real workers re-post cluster and
 * slice health (with a fresh `lastUpdated`) and re-sample tunnel metrics every
 * reconcile. Without this, a portal would rightly flag the demo as stale.
 * Down clusters skip their round, so their hub status goes stale as it would.
 */
export class StatusTicker {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly runtime: FleetRuntime,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => this.refresh(), this.intervalMs);
    // Never keep a process alive just for this (tests, embedded use).
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One reconcile round; public so tests can drive it without waiting. */
  refresh(): void {
    this.runtime.refresh();
  }
}
