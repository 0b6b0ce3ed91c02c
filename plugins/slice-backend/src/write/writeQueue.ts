/**
 * Writes to one object from this process, one at a time, in arrival order.
 *
 * Read-modify-write with a resourceVersion precondition is what keeps concurrent writers
 * from losing each other's changes, across replicas and against anyone else writing the
 * object; it does so by refusing all but one of them each round (409) and making the
 * rest read and write again. Writers in the same process need not race at all: queued
 * here, each reads the object after the previous one wrote it, so 50 users onboarding
 * onto one slice through one replica cost 50 writes instead of hundreds of refused ones.
 * Conflicts that remain (other replicas, kubectl, the controller) are still retried.
 */
export class WriteQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `job` after every job queued before it under the same key. */
  async run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>(resolve => {
      release = resolve;
    });
    const tail = before.then(() => mine);
    this.tails.set(key, tail);
    await before;
    try {
      return await job();
    } finally {
      release();
      // The last job of a key leaves no entry behind.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Keys with jobs queued or running (for tests). */
  size(): number {
    return this.tails.size;
  }
}
