/**
 * The fleet's clock. While a scenario is applied it is set to moments in
 * the past (a project two months ago, a cluster registered weeks ago, a
 * slice created then), so objects and the events the emulation records
 * carry the history the scenario describes; afterwards it follows real time.
 */
export class Timeline {
  private at?: Date;

  now(): Date {
    return this.at ? new Date(this.at.getTime()) : new Date();
  }

  /** Freezes the clock at `at` (a moment no later than now). */
  set(at: Date): void {
    const now = Date.now();
    this.at = new Date(Math.min(at.getTime(), now));
  }

  /** Back to real time. */
  release(): void {
    this.at = undefined;
  }
}
