import {
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import express from 'express';
import request from 'supertest';
import {
  createLatencyHistory,
  type LatencySeriesResponse,
  SAMPLER_TASK_ID,
  type TunnelObservation,
} from './index';
import { SAMPLES_TABLE } from './migrations';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const REF = { hub: 'prod', project: 'arcade', slice: 'games' };

function tunnels(latencyMs: number): TunnelObservation[] {
  return [
    {
      ...REF,
      localCluster: 'aws-east',
      remoteCluster: 'gcp-west',
      gatewayPod: 'games-aws-east-gcp-west-0',
      state: 'UP',
      latencyMs,
    },
    {
      ...REF,
      localCluster: 'gcp-west',
      remoteCluster: 'aws-east',
      gatewayPod: 'games-gcp-west-aws-east-0',
      state: 'UP',
      latencyMs: latencyMs + 2,
    },
  ];
}

describe.each(databases.eachSupportedId())(
  'createLatencyHistory on %p',
  databaseId => {
    it('wires migrations, sampler task, source and routes together', async () => {
      const knex = await databases.init(databaseId);
      const scheduler = mockServices.scheduler.mock();
      let now = T0;
      let latency = 10;
      const history = createLatencyHistory({
        database: { getClient: async () => knex },
        scheduler,
        logger: mockServices.logger.mock(),
        config: new ConfigReader({
          slice: {
            hubs: [{ name: 'prod' }, { name: 'stage' }],
            latency: { sampling: { interval: '10s' } },
          },
        }),
        provider: { currentTunnels: () => tunnels(latency) },
        clock: () => new Date(now),
      });

      await history.start();
      expect(await knex.schema.hasTable(SAMPLES_TABLE)).toBe(true);
      const sampler = scheduler.scheduleTask.mock.calls
        .map(([task]) => task)
        .find(task => task.id === SAMPLER_TASK_ID)!;
      expect(sampler.frequency).toEqual({ milliseconds: 10_000 });

      for (let i = 0; i < 3; i++) {
        now = T0 + i * 10_000;
        latency = 10 + i;
        await sampler.fn(new AbortController().signal);
      }

      const authorizeSlice = jest.fn(async () => {});
      const app = express()
        .use(await history.router({ authorizeSlice }))
        .use(mockErrorHandler());
      const res = await request(app).get(
        '/v1/latency?hub=prod&project=arcade&slice=games' +
          // Percent-encoded as browsers send it: the API document's validation refuses raw ':'.
          '&from=2025-01-01T00%3A00%3A00Z&to=2025-01-01T00%3A01%3A00Z&step=30s',
      );
      expect(res.status).toBe(200);
      const body = res.body as LatencySeriesResponse;
      expect(body.series).toHaveLength(1);
      expect(body.series[0].clusters).toEqual(['aws-east', 'gcp-west']);
      // 0–30 s: 10, 12, 11, 13, 12, 14 → 12; both directions, six samples.
      expect(body.series[0].points).toEqual([
        expect.objectContaining({
          t: '2025-01-01T00:00:00.000Z',
          latencyMs: 12,
          latencyMaxMs: 14,
          samples: 6,
        }),
      ]);
      expect(authorizeSlice).toHaveBeenCalledTimes(1);

      // Hubs come from config; the step floor is the sampling interval.
      const unknownHub = await request(app).get(
        '/v1/latency?hub=dev&project=arcade&slice=games',
      );
      expect(unknownHub.status).toBe(400);
      const tooFine = await request(app).get(
        '/v1/latency?hub=stage&project=arcade&slice=games&step=5s',
      );
      expect(tooFine.status).toBe(400);
      expect(tooFine.body.error.message).toContain('at least 10s');

      now = T0 + 60_000;
      const matrix = await history.source.matrix({
        ...REF,
        windowSeconds: 900,
      });
      expect(matrix.cells[0].latencyMs).toMatchObject({
        p50: 12,
        max: 14,
      });
    });

    it('reads at most slice.latency.query.maxRows rows per request', async () => {
      const knex = await databases.init(databaseId);
      const scheduler = mockServices.scheduler.mock();
      // One sampling run of 1001 gateway pods: one row more than the limit.
      const pods = Array.from({ length: 1001 }, (_, i) => ({
        ...tunnels(10)[0],
        gatewayPod: `pod-${i}`,
      }));
      const history = createLatencyHistory({
        database: { getClient: async () => knex },
        scheduler,
        logger: mockServices.logger.mock(),
        config: new ConfigReader({
          slice: {
            hubs: [{ name: 'prod' }],
            latency: { query: { maxRows: 1000 } },
          },
        }),
        provider: { currentTunnels: () => pods },
        clock: () => new Date(T0),
      });
      await history.start();
      const sampler = scheduler.scheduleTask.mock.calls
        .map(([task]) => task)
        .find(task => task.id === SAMPLER_TASK_ID)!;
      await sampler.fn(new AbortController().signal);

      const app = express()
        .use(await history.router({ authorizeSlice: async () => {} }))
        .use(mockErrorHandler());
      const res = await request(app).get(
        '/v1/latency?hub=prod&project=arcade&slice=games' +
          '&from=2024-12-31T23%3A59%3A00Z&to=2025-01-01T00%3A01%3A00Z&step=30s',
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(
        'would read more than 1000 stored rows',
      );
    });

    it('fails at creation on bad latency config, naming the key', () => {
      expect(() =>
        createLatencyHistory({
          database: { getClient: async () => databases.init(databaseId) },
          scheduler: mockServices.scheduler.mock(),
          logger: mockServices.logger.mock(),
          config: new ConfigReader({
            slice: { latency: { retention: { raw: 'forever' } } },
          }),
          provider: { currentTunnels: () => [] },
        }),
      ).toThrow('slice.latency.retention.raw');
    });
  },
);
