import { mockServices } from '@backstage/backend-test-utils';
import { FakeFleet, testHubConfig } from '../__testUtils__/fakeHubTransport';
import { VirtualClock } from '../__testUtils__/virtualTime';
import { CachedFleetService } from './FleetService';

function setup() {
  const clock = new VirtualClock();
  const fake = new FakeFleet(() => clock.now());
  const logger = mockServices.logger.mock();
  const service = new CachedFleetService({
    hubs: [testHubConfig({ name: 'one' })],
    logger,
    clock,
    timing: {
      requestTimeoutMs: 5_000,
      silenceTimeoutMs: 600_000,
      backoff: { initialMs: 1_000, maxMs: 8_000, random: () => 1 },
    },
    transportFor: () => fake.transport(),
  });
  return { clock, fake, logger, service };
}

describe('CachedFleetService hub objects and change listeners', () => {
  it('hands out the raw objects of a hub as of now, not of the last snapshot', async () => {
    const { clock, fake, service } = setup();
    fake.addCluster('aws');
    await service.start();
    await service.waitForInitialSync(1_000);
    const snapshot = service.snapshot();
    fake.addCluster('gcp');
    await clock.advance(0);
    // The snapshot is rebuilt at most once a second; the raw objects are current.
    expect(service.snapshot()).toBe(snapshot);
    expect(
      service
        .hubObjects('one')
        ?.clusters.map(c => c.metadata?.name)
        .sort(),
    ).toEqual(['aws', 'gcp']);
    expect(service.hubObjects('nope')).toBeUndefined();
    await service.stop();
  });

  it('calls listeners after each watch change until they unsubscribe; a throwing one is logged and skipped', async () => {
    const { clock, fake, logger, service } = setup();
    await service.start();
    await service.waitForInitialSync(1_000);
    const seen: string[] = [];
    service.onChange(() => {
      throw new Error('listener bug');
    });
    const off = service.onChange(() =>
      seen.push(
        (service.hubObjects('one')?.clusters ?? [])
          .map(c => c.metadata?.name)
          .join(','),
      ),
    );
    fake.addCluster('aws');
    await clock.advance(0);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[seen.length - 1]).toBe('aws');
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('listener bug'),
    );
    off();
    const count = seen.length;
    fake.addCluster('gcp');
    await clock.advance(0);
    expect(seen.length).toBe(count);
    await service.stop();
  });
});
