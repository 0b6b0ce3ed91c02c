import { WriteQueue } from './writeQueue';

const tick = () => new Promise(r => setTimeout(r, 5));

describe('WriteQueue', () => {
  it('runs jobs of one key one at a time in arrival order, other keys in parallel', async () => {
    const queue = new WriteQueue();
    const log: string[] = [];
    const job = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([
      queue.run('a', job('a1')),
      queue.run('a', job('a2')),
      queue.run('b', job('b1')),
      queue.run('a', job('a3')),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b1', 'a3']);
    const a = log.filter(l => l.includes(' a'));
    expect(a).toEqual([
      'start a1',
      'end a1',
      'start a2',
      'end a2',
      'start a3',
      'end a3',
    ]);
    // b1 started while a1 was still running.
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
    expect(queue.size()).toBe(0);
  });

  it('lets the next job run after one failed', async () => {
    const queue = new WriteQueue();
    const failed = queue.run('a', async () => {
      throw new Error('no');
    });
    const next = queue.run('a', async () => 'ran');
    await expect(failed).rejects.toThrow('no');
    await expect(next).resolves.toBe('ran');
    expect(queue.size()).toBe(0);
  });
});
