import { forEachLimited } from './forEachLimited';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('forEachLimited', () => {
  it('never runs more than the limit at once, and runs every item', async () => {
    const gates = Array.from({ length: 10 }, deferred);
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    const all = forEachLimited([...gates.keys()], 3, async i => {
      running++;
      peak = Math.max(peak, running);
      await gates[i].promise;
      running--;
      done.push(i);
    });
    await Promise.resolve();
    expect(running).toBe(3);
    // Release out of order: a free slot is refilled at once.
    for (const i of [2, 0, 1, 5, 3, 4, 8, 6, 7, 9]) {
      gates[i].resolve();
      await new Promise(r => setImmediate(r));
    }
    await all;
    expect(peak).toBe(3);
    expect([...done].sort((a, b) => a - b)).toEqual([...gates.keys()]);
  });

  it('finishes the other items when one throws, then throws the first error', async () => {
    const done: string[] = [];
    await expect(
      forEachLimited(['a', 'b', 'c', 'd'], 2, async item => {
        if (item === 'b' || item === 'c') throw new Error(`failed ${item}`);
        done.push(item);
      }),
    ).rejects.toThrow('failed b');
    expect(done).toEqual(['a', 'd']);
  });

  it('resolves at once for no items', async () => {
    await expect(forEachLimited([], 4, async () => {})).resolves.toBeUndefined();
  });
});
