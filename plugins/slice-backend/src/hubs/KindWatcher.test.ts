import { mockServices } from '@backstage/backend-test-utils';
import { FakeKindServer } from '../__testUtils__/FakeKindServer';
import { VirtualClock } from '../__testUtils__/virtualTime';
import { KindWatcher, type WatchTiming } from './KindWatcher';

const timing: WatchTiming = {
  requestTimeoutMs: 5_000,
  silenceTimeoutMs: 60_000,
  watchTimeoutSeconds: 300,
  backoff: { initialMs: 1_000, maxMs: 8_000, random: () => 1 },
};

function setup(overrides: Partial<WatchTiming> = {}) {
  const clock = new VirtualClock();
  const server = new FakeKindServer(() => clock.now());
  const onChange = jest.fn();
  const watcher = new KindWatcher({
    source: 'hub/test',
    kind: { key: 'things', group: 'test', version: 'v1', plural: 'things' },
    client: server.client(),
    logger: mockServices.logger.mock(),
    clock,
    timing: { ...timing, ...overrides },
    onChange,
  });
  const names = () => watcher.objects().map(o => o.metadata?.name).sort();
  return { clock, server, watcher, onChange, names };
}

describe('KindWatcher', () => {
  it('lists, then watches from the list’s version with bookmarks; lastSyncAt is when data last arrived', async () => {
    const { clock, server, watcher, names } = setup();
    server.upsert('a');
    server.upsert('b');
    await watcher.start();
    const listedAt = clock.now();
    expect(names()).toEqual(['a', 'b']);
    await clock.advance(10);
    expect(server.watchRequests).toEqual([
      { resourceVersion: '2', at: listedAt },
    ]);
    expect(watcher.getStatus()).toEqual({
      state: 'ok',
      lastSyncAt: new Date(listedAt),
    });

    await clock.advance(20_000);
    // Nothing arrived for 20 s: the data is 20 s old, not "now".
    expect(watcher.getStatus().lastSyncAt).toEqual(new Date(listedAt));

    server.upsert('c');
    server.remove('a');
    await clock.advance(0);
    expect(names()).toEqual(['b', 'c']);
    expect(watcher.getStatus().lastSyncAt).toEqual(new Date(clock.now()));

    await clock.advance(5_000);
    server.bookmark();
    await clock.advance(0);
    expect(watcher.getStatus().lastSyncAt).toEqual(new Date(clock.now()));
    await watcher.stop();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('resumes from the last version after the server ends the watch, without relisting or losing events', async () => {
    const { clock, server, watcher, names } = setup();
    server.upsert('a');
    await watcher.start();
    await clock.advance(2_000);
    server.dropWatches();
    server.upsert('b'); // while no watch is open
    await clock.advance(10);
    expect(server.listCalls).toBe(1);
    expect(server.watchRequests.map(w => w.resourceVersion)).toEqual([
      '1',
      '1',
    ]);
    expect(names()).toEqual(['a', 'b']);
    expect(watcher.getStatus().state).toBe('ok');
    await watcher.stop();
  });

  it('relists after 410 Gone and keeps no object that was deleted meanwhile', async () => {
    const { clock, server, watcher, names } = setup();
    server.upsert('a');
    server.upsert('b');
    await watcher.start();
    await clock.advance(2_000);
    server.dropWatches();
    server.remove('a');
    server.upsert('c');
    server.compact();
    await clock.advance(10);
    expect(server.listCalls).toBe(2);
    expect(names()).toEqual(['b', 'c']);
    expect(watcher.getStatus().state).toBe('ok');
    // The new watch starts from the relist's version.
    expect(server.watchRequests.at(-1)?.resourceVersion).toBe('4');
    await watcher.stop();
  });

  it('keeps the last good objects through failures and says how old they are', async () => {
    const { clock, server, watcher, names } = setup();
    server.upsert('a');
    await watcher.start();
    await clock.advance(30_000);
    server.failNextWatch(
      Object.assign(new Error('Service Unavailable'), { statusCode: 503 }),
    );
    server.dropWatches();
    await clock.advance(10);
    const status = watcher.getStatus();
    expect(status.state).toBe('unreachable');
    expect(status.error).toMatch(
      /HTTP 503: Service Unavailable; showing data from 30s ago; retrying in 1s/,
    );
    expect(names()).toEqual(['a']);
    await clock.advance(1_000);
    expect(watcher.getStatus().state).toBe('ok');
    await watcher.stop();
  });

  it('retries with exponential backoff capped at the maximum', async () => {
    const { clock, server, watcher } = setup();
    const down = Object.assign(new Error('down'), { statusCode: 503 });
    server.failNextList(down, down, down, down, down, down);
    await watcher.start();
    expect(watcher.getStatus()).toMatchObject({ state: 'unreachable' });
    const listTimes: number[] = [];
    const start = clock.now();
    for (let i = 0; i < 6; i++) {
      const before = server.listCalls;
      while (server.listCalls === before) await clock.advance(100);
      listTimes.push(clock.now() - start);
    }
    // random() = 1 → the full ceiling: 1, 2, 4, 8, 8, 8 s apart.
    const gaps = listTimes.map((t, i) => t - (listTimes[i - 1] ?? 0));
    expect(gaps).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    await watcher.stop();
  });

  it('spreads retries with jitter', async () => {
    const random = jest.fn().mockReturnValueOnce(0).mockReturnValueOnce(0.5);
    const { clock, server, watcher } = setup({
      backoff: { initialMs: 1_000, maxMs: 30_000, random },
    });
    const down = new Error('down');
    server.failNextList(down, down);
    await watcher.start();
    await clock.advance(499);
    expect(server.listCalls).toBe(1);
    await clock.advance(1); // half the 1 s ceiling
    expect(server.listCalls).toBe(2);
    await clock.advance(1_499);
    expect(server.listCalls).toBe(2);
    await clock.advance(1); // 0.5 + 0.5·0.5 of the 2 s ceiling
    expect(server.listCalls).toBe(3);
    await watcher.stop();
  });

  it('times out a list that hangs and tries again', async () => {
    const { clock, server, watcher, names } = setup();
    server.upsert('a');
    server.failNextList('hang');
    const started = watcher.start();
    await clock.advance(5_000);
    await started;
    expect(watcher.getStatus().error).toMatch(
      /list of things timed out after 5s; no data yet/,
    );
    await clock.advance(1_000);
    expect(names()).toEqual(['a']);
    expect(watcher.getStatus().state).toBe('ok');
    await watcher.stop();
  });

  it('times out a watch whose connection never opens', async () => {
    const { clock, server, watcher } = setup();
    server.failNextWatch('hang');
    await watcher.start();
    await clock.advance(5_000);
    expect(watcher.getStatus().error).toMatch(/watch of things timed out/);
    await clock.advance(1_000);
    expect(server.openWatches()).toBe(1);
    await watcher.stop();
  });

  it('reconnects a silent watch and reports it degraded until data arrives again', async () => {
    const { clock, server, watcher } = setup();
    server.upsert('a');
    await watcher.start();
    await clock.advance(60_000);
    const status = watcher.getStatus();
    expect(status.state).toBe('degraded');
    expect(status.error).toMatch(
      /silent for 1m00s, reconnecting; showing data from 1m00s ago/,
    );
    expect(server.watchRequests).toHaveLength(2);
    expect(server.openWatches()).toBe(1); // the silent one was closed
    server.bookmark();
    await clock.advance(0);
    expect(watcher.getStatus().state).toBe('ok');
    await watcher.stop();
  });

  it('backs off when the server ends every watch at once', async () => {
    const { clock, server, watcher } = setup();
    await watcher.start();
    await clock.advance(0);
    server.dropWatches();
    await clock.advance(0);
    expect(watcher.getStatus().error).toMatch(/ended the watch at once/);
    expect(server.watchRequests).toHaveLength(1);
    await clock.advance(1_000);
    expect(server.watchRequests).toHaveLength(2);
    await watcher.stop();
  });

  it('stops while a list is in flight, leaving no timer and no open watch', async () => {
    const { clock, server, watcher } = setup();
    server.failNextList('hang');
    void watcher.start();
    await clock.advance(100);
    await watcher.stop();
    expect(clock.pendingTimers()).toBe(0);
    expect(server.openWatches()).toBe(0);
    await clock.advance(60_000);
    expect(server.listCalls).toBe(1);
  });

  it('survives a change listener that throws', async () => {
    const { clock, server, watcher, onChange, names } = setup();
    onChange.mockImplementation(() => {
      throw new Error('listener bug');
    });
    await watcher.start();
    server.upsert('a');
    await clock.advance(0);
    server.upsert('b');
    await clock.advance(0);
    expect(names()).toEqual(['a', 'b']);
    expect(watcher.getStatus().state).toBe('ok');
    await watcher.stop();
  });

  it('turns a watch ERROR event other than 410 into a retried failure', async () => {
    const { clock, server, watcher } = setup();
    await watcher.start();
    await clock.advance(2_000);
    server.failNextWatch(new Error('boom'));
    server.dropWatches();
    await clock.advance(0);
    expect(watcher.getStatus()).toMatchObject({
      state: 'unreachable',
      error: expect.stringContaining('boom'),
    });
    await watcher.stop();
  });
});
