import { readModifyWrite } from './readModifyWrite';

type Obj = {
  metadata: { resourceVersion?: string };
  spec: { items: string[] };
};

/** An API server in memory: a write with a stale resourceVersion is a 409, like the real one. */
function server(initial: string[] = []) {
  let stored: Obj = {
    metadata: { resourceVersion: '1' },
    spec: { items: initial },
  };
  let writes = 0;
  return {
    read: async () => structuredClone(stored),
    write: async (o: Obj) => {
      writes++;
      if (o.metadata.resourceVersion !== stored.metadata.resourceVersion) {
        throw Object.assign(new Error('conflict'), {
          code: 409,
          body: JSON.stringify({ reason: 'Conflict' }),
        });
      }
      stored = {
        ...structuredClone(o),
        metadata: {
          resourceVersion: String(Number(o.metadata.resourceVersion) + 1),
        },
      };
      return structuredClone(stored);
    },
    /** Someone else's write, bypassing the client. */
    external(item: string) {
      stored = {
        metadata: {
          resourceVersion: String(Number(stored.metadata.resourceVersion) + 1),
        },
        spec: { items: [...stored.spec.items, item] },
      };
    },
    get stored() {
      return stored;
    },
    get writes() {
      return writes;
    },
  };
}

const add =
  (item: string) =>
  (o: Obj): Obj => ({ ...o, spec: { items: [...o.spec.items, item] } });
const noSleep = async () => {};

describe('readModifyWrite', () => {
  it('writes once when nobody else wrote', async () => {
    const s = server();
    const r = await readModifyWrite({
      read: s.read,
      modify: add('a'),
      write: s.write,
      sleep: noSleep,
    });
    expect(r.attempts).toBe(1);
    expect(s.stored.spec.items).toEqual(['a']);
  });

  it("re-reads and re-applies the change after a 409, keeping the other writer's change", async () => {
    const s = server();
    let interfered = false;
    const r = await readModifyWrite({
      read: async () => {
        const current = await s.read();
        // Another writer sneaks in between the first read and write.
        if (!interfered) {
          interfered = true;
          s.external('theirs');
        }
        return current;
      },
      modify: add('mine'),
      write: s.write,
      sleep: noSleep,
    });
    expect(r.attempts).toBe(2);
    expect(s.stored.spec.items).toEqual(['theirs', 'mine']);
    expect(r.current.spec.items).toEqual(['theirs']);
  });

  it('gives up after maxAttempts with a 409 that says so, sleeping a jittered, capped backoff', async () => {
    const s = server();
    const sleeps: number[] = [];
    await expect(
      readModifyWrite({
        read: async () => {
          const current = await s.read();
          s.external('x');
          return current;
        },
        modify: add('mine'),
        write: s.write,
        policy: { maxAttempts: 6, initialDelayMs: 10, maxDelayMs: 40 },
        sleep: async ms => {
          sleeps.push(ms);
        },
        random: () => 1,
      }),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining('6 attempts'),
    });
    expect(s.writes).toBe(6);
    expect(sleeps).toEqual([10, 20, 40, 40, 40]);
    expect(s.stored.spec.items).not.toContain('mine');
  });

  it('does not retry other errors, nor a 409 AlreadyExists', async () => {
    for (const error of [
      Object.assign(new Error('boom'), { code: 422 }),
      Object.assign(new Error('exists'), {
        code: 409,
        body: { reason: 'AlreadyExists' },
      }),
    ]) {
      let writes = 0;
      await expect(
        readModifyWrite({
          read: async () => ({ metadata: { resourceVersion: '1' } }),
          modify: o => o,
          write: async () => {
            writes++;
            throw error;
          },
          sleep: noSleep,
        }),
      ).rejects.toBe(error);
      expect(writes).toBe(1);
    }
  });

  it('never writes an object read without a resourceVersion', async () => {
    const write = jest.fn();
    await expect(
      readModifyWrite({
        read: async () => ({ metadata: {} }),
        modify: o => o,
        write,
      }),
    ).rejects.toThrow('no metadata.resourceVersion');
    expect(write).not.toHaveBeenCalled();
  });

  it('stops at a refusal from modify (preflight) without writing', async () => {
    const s = server();
    await expect(
      readModifyWrite({
        read: s.read,
        modify: () => {
          throw new Error('refused');
        },
        write: s.write,
      }),
    ).rejects.toThrow('refused');
    expect(s.writes).toBe(0);
  });
});
