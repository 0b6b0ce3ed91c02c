import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import {
  LatencySampler,
  MAINTENANCE_TASK_ID,
  SAMPLER_TASK_ID,
} from './LatencySampler';
import { LatencyStore } from './LatencyStore';
import type { TunnelObservation } from './types';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const MIN = 60_000;
const REF = { hub: 'prod', project: 'arcade', slice: 'games' };

const observation: TunnelObservation = {
  ...REF,
  localCluster: 'aws-east',
  remoteCluster: 'gcp-west',
  gatewayPod: 'games-aws-east-gcp-west-0',
  state: 'UP',
  latencyMs: 42,
  packetLossPercent: 1,
};

type ScheduledTask = SchedulerServiceTaskScheduleDefinition & {
  id: string;
  scope?: string;
  fn: (signal: AbortSignal) => Promise<void> | void;
};

describe.each(databases.eachSupportedId())(
  'LatencySampler on %p',
  databaseId => {
    let store: LatencyStore;
    let now: number;
    let currentTunnels: jest.Mock<TunnelObservation[], []>;
    let logger: ReturnType<typeof mockServices.logger.mock>;
    let sampler: LatencySampler;

    beforeEach(async () => {
      store = LatencyStore.fromKnex(await databases.init(databaseId));
      now = T0;
      currentTunnels = jest.fn(() => [observation]);
      logger = mockServices.logger.mock();
      sampler = new LatencySampler({
        provider: { currentTunnels },
        store,
        logger,
        retention: { rawMs: 60 * MIN, rollupMs: 24 * 60 * MIN },
        clock: () => new Date(now),
      });
    });

    async function scheduledTasks(intervalMs: number) {
      const scheduler = mockServices.scheduler.mock();
      await sampler.schedule(scheduler, { samplingIntervalMs: intervalMs });
      const tasks = scheduler.scheduleTask.mock.calls.map(
        ([task]) => task as ScheduledTask,
      );
      return new Map(tasks.map(task => [task.id, task]));
    }

    it('schedules the sampler and the maintenance globally', async () => {
      const tasks = await scheduledTasks(30_000);
      expect([...tasks.keys()].sort()).toEqual([
        MAINTENANCE_TASK_ID,
        SAMPLER_TASK_ID,
      ]);
      expect(tasks.get(SAMPLER_TASK_ID)).toMatchObject({
        id: 'slice-latency-sampler',
        scope: 'global',
        frequency: { milliseconds: 30_000 },
      });
      expect(tasks.get(MAINTENANCE_TASK_ID)).toMatchObject({
        scope: 'global',
        frequency: { milliseconds: 5 * MIN },
      });
    });

    it('the sampler task records what the provider sees now', async () => {
      const task = (await scheduledTasks(30_000)).get(SAMPLER_TASK_ID)!;
      await task.fn(new AbortController().signal);
      now = T0 + 30_000;
      currentTunnels.mockReturnValueOnce([
        { ...observation, latencyMs: 50 },
        { ...observation, gatewayPod: 'games-aws-east-gcp-west-1' },
      ]);
      await task.fn(new AbortController().signal);

      expect(currentTunnels).toHaveBeenCalledTimes(2);
      const rows = await store.fetchSamples(REF, T0, T0 + MIN);
      expect(rows.map(r => [r.at, r.gatewayPod, r.latencyMs])).toEqual([
        [T0, 'games-aws-east-gcp-west-0', 42],
        [T0 + 30_000, 'games-aws-east-gcp-west-0', 50],
        [T0 + 30_000, 'games-aws-east-gcp-west-1', 42],
      ]);
    });

    it('the sampler task survives a failing provider and says so', async () => {
      const task = (await scheduledTasks(30_000)).get(SAMPLER_TASK_ID)!;
      currentTunnels.mockImplementationOnce(() => {
        throw new Error('caches not ready');
      });
      await expect(
        task.fn(new AbortController().signal),
      ).resolves.toBeUndefined();
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('caches not ready'),
      );
      expect(await store.fetchSamples(REF, 0, T0 + MIN)).toEqual([]);
    });

    it('the maintenance task rolls up and applies retention', async () => {
      const tasks = await scheduledTasks(30_000);
      await sampler.sampleOnce();
      now = T0 + 2 * 60 * MIN;
      await sampler.sampleOnce();
      await tasks.get(MAINTENANCE_TASK_ID)!.fn(new AbortController().signal);

      expect(await store.getWatermark()).toBe(T0 + 2 * 60 * MIN - 5 * MIN);
      expect(
        (await store.fetchRollups(REF, 0, now + MIN)).map(r => r.bucketStart),
      ).toEqual([T0]);
      // The first sample is rolled up and older than the raw retention: gone.
      expect(
        (await store.fetchSamples(REF, 0, now + MIN)).map(r => r.at),
      ).toEqual([T0 + 2 * 60 * MIN]);
    });
  },
);
