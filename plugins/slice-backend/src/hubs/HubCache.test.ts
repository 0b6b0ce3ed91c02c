import { mockServices } from '@backstage/backend-test-utils';
import { FakeFleet, testHubConfig } from '../__testUtils__/fakeHubTransport';
import { VirtualClock } from '../__testUtils__/virtualTime';
import { HubCache, type HubTiming } from './HubCache';

const timing: Partial<HubTiming> = {
  requestTimeoutMs: 5_000,
  silenceTimeoutMs: 600_000,
  reconcileIntervalMs: 15_000,
  credentialTimeoutMs: 3_000,
  backoff: { initialMs: 1_000, maxMs: 8_000, random: () => 1 },
};

function setup(onChange: () => void = () => {}) {
  const clock = new VirtualClock();
  const fleet = new FakeFleet(() => clock.now());
  const logger = mockServices.logger.mock();
  const cache = new HubCache({
    config: testHubConfig(),
    logger,
    clock,
    timing,
    transport: fleet.transport(),
    onChange,
  });
  const worker = (name: string) =>
    cache.snapshot().workers?.find(w => w.cluster === name);
  return { clock, fleet, cache, logger, worker };
}

describe('HubCache', () => {
  it('watches the hub and opens one connection per registered worker', async () => {
    const { clock, fleet, cache, worker } = setup();
    fleet.addCluster('aws');
    fleet.worker('aws', 'slicegateways').upsert('gw-1');
    await cache.start();
    await clock.advance(0);
    const snapshot = cache.snapshot();
    expect(snapshot.sync.state).toBe('ok');
    expect(snapshot.clusters.map(c => c.metadata?.name)).toEqual(['aws']);
    expect(worker('aws')).toMatchObject({
      project: 'acme',
      sync: { state: 'ok' },
      sliceGateways: [expect.objectContaining({ metadata: expect.objectContaining({ name: 'gw-1' }) })],
    });
    expect(snapshot.errors).toEqual([]);
    await cache.stop();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('follows the hub’s clusters on each reconcile: new ones connect, removed ones close', async () => {
    const { clock, fleet, cache, worker } = setup();
    fleet.addCluster('aws');
    await cache.start();
    fleet.addCluster('gcp');
    fleet.hub('clusters').remove('aws');
    await clock.advance(15_000);
    expect(worker('gcp')?.sync.state).toBe('ok');
    expect(worker('aws')).toBeUndefined();
    expect(fleet.worker('aws', 'slicegateways').openWatches()).toBe(0);
    await cache.stop();
  });

  it('keeps a worker’s connection and data when re-reading its credentials fails transiently', async () => {
    const { clock, fleet, cache, worker } = setup();
    fleet.addCluster('aws');
    fleet.worker('aws', 'serviceexports').upsert('mongo');
    await cache.start();
    await clock.advance(0);
    fleet.resolve = async () => {
      throw Object.assign(new Error('Service Unavailable'), { code: 503, body: '{}' });
    };
    await clock.advance(15_000);
    expect(worker('aws')).toMatchObject({
      sync: {
        state: 'degraded',
        message: expect.stringContaining('credentials could not be re-read (HTTP 503)'),
      },
      serviceExports: [expect.anything()],
    });
    fleet.resolve = undefined;
    await clock.advance(15_000);
    expect(worker('aws')?.sync.state).toBe('ok');
    await cache.stop();
  });

  it('drops the connection when the worker may no longer be reached (a permanent refusal)', async () => {
    const { clock, fleet, cache, worker } = setup();
    fleet.addCluster('aws');
    await cache.start();
    fleet.resolve = async () => {
      throw new Error('cluster aws: not connecting, host evil.example is not allowed');
    };
    await clock.advance(15_000);
    expect(worker('aws')).toMatchObject({
      sync: { state: 'unreachable', message: expect.stringContaining('not connecting') },
      serviceExports: [],
    });
    expect(fleet.worker('aws', 'serviceexports').openWatches()).toBe(0);
    expect(cache.snapshot().errors).toEqual([
      expect.objectContaining({ source: 'worker/test/acme/aws', state: 'unreachable' }),
    ]);
    await cache.stop();
  });

  it('gives up on a credential read that hangs, without blocking other workers, later reconciles or stop()', async () => {
    const { clock, fleet, cache, worker } = setup();
    fleet.addCluster('aws');
    fleet.addCluster('gcp');
    fleet.resolve = (cluster, signal) =>
      cluster.metadata?.name === 'aws'
        ? new Promise((_, reject) =>
            signal.addEventListener('abort', () => reject(new Error('aborted'))),
          )
        : Promise.resolve({ url: 'https://gcp:6443', token: 't', dangerouslySkipTLSVerify: false });
    const started = cache.start();
    await clock.advance(3_000);
    await started;
    expect(worker('aws')?.sync.message).toMatch(
      /reading the credentials of worker aws timed out after 3s/,
    );
    expect(worker('gcp')?.sync.state).toBe('ok');
    const calls = fleet.resolveCalls;
    await clock.advance(15_000 + 3_000);
    expect(fleet.resolveCalls).toBeGreaterThan(calls);
    // stop() while a read hangs returns at once, without waiting for the read's timeout.
    await clock.advance(15_000);
    await cache.stop();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('goes on reconciling after a reconcile throws', async () => {
    let throwing = true;
    const { clock, fleet, cache, logger, worker } = setup(() => {
      if (throwing) throw new Error('listener bug');
    });
    fleet.addCluster('aws');
    await cache.start();
    throwing = false;
    fleet.addCluster('gcp');
    await clock.advance(15_000);
    expect(worker('gcp')?.sync.state).toBe('ok');
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('listener bug'),
    );
    await cache.stop();
  });

  it('reports the hub unreachable with the last data kept when all its watches fail', async () => {
    const { clock, fleet, cache } = setup();
    fleet.addCluster('aws');
    await cache.start();
    await clock.advance(20_000);
    for (const plural of ['projects', 'clusters', 'sliceconfigs', 'sliceqosconfigs', 'serviceexportconfigs', 'vpnkeyrotations', 'workersliceconfigs', 'workerslicegateways', 'workerserviceimports', 'events']) {
      const server = fleet.hub(plural);
      server.failNextWatch(new Error('connect ECONNREFUSED'));
      server.dropWatches();
    }
    await clock.advance(0);
    const snapshot = cache.snapshot();
    expect(snapshot.sync).toMatchObject({
      state: 'unreachable',
      message: expect.stringContaining('showing data from 20s ago'),
    });
    expect(snapshot.clusters.map(c => c.metadata?.name)).toEqual(['aws']);
    await cache.stop();
  });

  it('reports a hub whose credentials cannot be loaded, without throwing', async () => {
    const cache = new HubCache({
      config: testHubConfig({
        auth: { type: 'kubeconfig', path: '/nonexistent/kubeconfig' },
        url: undefined,
      }),
      logger: mockServices.logger.mock(),
    });
    await cache.start();
    expect(cache.snapshot().sync.state).toBe('unreachable');
    expect(cache.snapshot().errors[0].message).toMatch(/nonexistent/);
    expect(cache.settled()).toBe(true);
    await cache.stop();
  });
});
