import { mockServices } from '@backstage/backend-test-utils';
import { FakeFleet, testHubConfig } from '../__testUtils__/fakeHubTransport';
import { VirtualClock } from '../__testUtils__/virtualTime';
import { CachedFleetService } from './FleetService';

function setup() {
  const clock = new VirtualClock();
  const fleets = { one: new FakeFleet(() => clock.now()), two: new FakeFleet(() => clock.now()) };
  const service = new CachedFleetService({
    hubs: [testHubConfig({ name: 'one' }), testHubConfig({ name: 'two' })],
    logger: mockServices.logger.mock(),
    clock,
    timing: {
      requestTimeoutMs: 5_000,
      silenceTimeoutMs: 600_000,
      backoff: { initialMs: 1_000, maxMs: 8_000, random: () => 1 },
    },
    transportFor: hub => fleets[hub.name as 'one' | 'two'].transport(),
  });
  return { clock, fleets, service };
}

describe('CachedFleetService', () => {
  it('builds one snapshot of every hub and reuses it until something changes', async () => {
    const { clock, fleets, service } = setup();
    fleets.one.addCluster('aws');
    fleets.two.addCluster('gcp');
    await service.start();
    await service.waitForInitialSync(1_000);
    const first = service.snapshot();
    expect(first.hubs.map(h => [h.name, h.sync.state])).toEqual([
      ['one', 'ok'],
      ['two', 'ok'],
    ]);
    expect(first.clusters.map(c => c.name).sort()).toEqual(['aws', 'gcp']);
    await clock.advance(1_500);
    // Nothing changed: the same object, not a rebuild.
    expect(service.snapshot()).toBe(first);

    fleets.one.addCluster('azure');
    await clock.advance(0);
    // A change within a second of the last rebuild waits for the next second.
    const within = service.snapshot();
    await clock.advance(1_000);
    const after = service.snapshot();
    expect(after).not.toBe(first);
    expect(after.clusters.map(c => c.name).sort()).toEqual(['aws', 'azure', 'gcp']);
    expect(within === first || within === after).toBe(true);
    await service.stop();
  });

  it('rebuilds an unchanged snapshot after 5 s so that ages and staleness stay current', async () => {
    const { clock, service } = setup();
    await service.start();
    const first = service.snapshot();
    await clock.advance(4_999);
    expect(service.snapshot()).toBe(first);
    await clock.advance(1);
    expect(service.snapshot()).not.toBe(first);
    await service.stop();
  });

  it('serves the hub that works beside the hub that fails', async () => {
    const { clock, fleets, service } = setup();
    fleets.one.addCluster('aws');
    fleets.two.hub('clusters').failNextList(new Error('connect ECONNREFUSED'));
    await service.start();
    await clock.advance(0);
    const snapshot = service.snapshot();
    expect(snapshot.clusters.map(c => c.name)).toEqual(['aws']);
    expect(snapshot.errors).toEqual([
      expect.objectContaining({
        source: 'hub/two/clusters',
        state: 'unreachable',
        message: expect.stringContaining('ECONNREFUSED'),
      }),
    ]);
    await service.stop();
  });

  it('reports the tunnels of the current snapshot per gateway pod', async () => {
    const { service } = setup();
    await service.start();
    expect(service.currentTunnels()).toEqual([]);
    expect(service.hubNames()).toEqual(['one', 'two']);
    await service.stop();
  });

  it('never rejects start(), even when a hub cannot be set up', async () => {
    const service = new CachedFleetService({
      hubs: [
        testHubConfig({
          name: 'broken',
          url: undefined,
          auth: { type: 'kubeconfig', path: '/nonexistent' },
        }),
      ],
      logger: mockServices.logger.mock(),
    });
    await expect(service.start()).resolves.toBeUndefined();
    expect(service.snapshot().hubs[0].sync.state).toBe('unreachable');
    await service.stop();
  });
});
