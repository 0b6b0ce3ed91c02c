import { mockServices } from '@backstage/backend-test-utils';
import { FakeKindServer } from '../__testUtils__/FakeKindServer';
import { VirtualClock } from '../__testUtils__/virtualTime';
import { WatcherGroup } from './WatcherGroup';

const kinds = {
  alphas: { key: 'alphas', group: 'test', version: 'v1', plural: 'alphas' },
  betas: { key: 'betas', group: 'test', version: 'v1', plural: 'betas' },
};

function setup() {
  const clock = new VirtualClock();
  const servers = {
    alphas: new FakeKindServer(() => clock.now()),
    betas: new FakeKindServer(() => clock.now()),
  };
  const group = new WatcherGroup({
    source: 'hub/test',
    kinds,
    clientFor: kind => servers[kind.key as 'alphas' | 'betas'].client(),
    logger: mockServices.logger.mock(),
    clock,
    timing: {
      requestTimeoutMs: 5_000,
      silenceTimeoutMs: 60_000,
      backoff: { initialMs: 1_000, maxMs: 8_000, random: () => 1 },
    },
  });
  return { clock, servers, group };
}

const down = () => Object.assign(new Error('down'), { statusCode: 503 });

describe('WatcherGroup', () => {
  it('is pending until every kind answered, then ok with the oldest kind’s sync time', async () => {
    const { clock, servers, group } = setup();
    servers.betas.failNextList('hang');
    const started = group.start();
    await clock.advance(0);
    expect(group.sync().state).toBe('pending');
    expect(group.settled()).toBe(false);
    await clock.advance(5_000); // the betas list times out
    await started;
    expect(group.settled()).toBe(true);
    expect(group.sync()).toMatchObject({ state: 'degraded' });
    await clock.advance(1_000);
    servers.alphas.upsert('a');
    await clock.advance(0);
    // betas listed at +6 s (after the retry), alphas changed at +6 s too; alphas' list was at 0.
    expect(group.sync()).toEqual({
      state: 'ok',
      lastSyncAt: new Date(clock.now()).toISOString(),
    });
    expect(group.objects('alphas').map(o => o.metadata?.name)).toEqual(['a']);
    await group.stop();
  });

  it('is degraded when one kind fails, unreachable when all do, with an error value per kind', async () => {
    const { clock, servers, group } = setup();
    await group.start();
    await clock.advance(10_000);
    servers.alphas.failNextWatch(down(), down(), down());
    servers.alphas.dropWatches();
    await clock.advance(0);
    expect(group.sync()).toMatchObject({
      state: 'degraded',
      message: expect.stringContaining('HTTP 503'),
    });
    expect(group.errors()).toEqual([
      {
        source: 'hub/test/alphas',
        state: 'unreachable',
        message: expect.stringContaining('showing data from 10s ago'),
        lastSyncAt: new Date(clock.now() - 10_000).toISOString(),
      },
    ]);
    servers.betas.failNextWatch(down(), down(), down());
    servers.betas.dropWatches();
    await clock.advance(0);
    expect(group.sync().state).toBe('unreachable');
    expect(group.errors()).toHaveLength(2);
    await group.stop();
  });

  it('is degraded, not unreachable, when every kind is merely silent', async () => {
    const { clock, group } = setup();
    await group.start();
    await clock.advance(60_000);
    expect(group.sync()).toMatchObject({
      state: 'degraded',
      message: expect.stringContaining('silent'),
    });
    await group.stop();
  });
});
