import { mockErrorHandler } from '@backstage/backend-test-utils';
import { InputError, NotAllowedError } from '@backstage/errors';
import express from 'express';
import request from 'supertest';
import type {
  LatencyMatrixQuery,
  LatencyMatrixResponse,
  LatencySeriesQuery,
  LatencySeriesResponse,
  LatencySource,
} from './api';
import { createLatencyRouter } from './router';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const SLICE = 'hub=prod&project=arcade&slice=games';

/**
 * GET with the query's `:` percent-encoded, as browsers send it: the document's
 * validation (in front of every latency route) refuses raw reserved characters.
 */
const get = (app: express.Express, path: string) =>
  request(app).get(path.replace(/:/g, '%3A'));

describe('createLatencyRouter', () => {
  const latency: jest.Mocked<LatencySource> = {
    series: jest.fn(),
    matrix: jest.fn(),
  };
  const authorizeSlice = jest.fn();
  let app: express.Express;

  // One router for all tests: building one (it compiles the API document) is slow.
  beforeAll(async () => {
    app = express()
      .use(
        await createLatencyRouter({
          latency,
          authorizeSlice,
          knownHubs: () => ['prod', 'stage'],
          minStepSeconds: 10,
          clock: () => new Date(NOW),
        }),
      )
      .use(mockErrorHandler());
  });

  beforeEach(() => {
    jest.resetAllMocks();
    latency.series.mockImplementation(
      async (q: LatencySeriesQuery): Promise<LatencySeriesResponse> => ({
        hub: q.hub,
        project: q.project,
        slice: q.slice,
        from: q.from,
        to: q.to,
        stepSeconds: q.stepSeconds,
        resolution: 'raw',
        series: [
          {
            clusters: ['a', 'b'],
            points: [
              {
                t: q.from,
                latencyMs: 12,
                latencyMaxMs: 20,
                packetLossPercent: 0,
                packetLossMaxPercent: 0,
                txRateKbps: null,
                rxRateKbps: null,
                samples: 4,
                downSamples: 0,
              },
            ],
          },
        ],
      }),
    );
    latency.matrix.mockImplementation(
      async (q: LatencyMatrixQuery): Promise<LatencyMatrixResponse> => ({
        hub: q.hub,
        project: q.project,
        slice: q.slice,
        from: new Date(NOW - q.windowSeconds * 1000).toISOString(),
        to: new Date(NOW).toISOString(),
        windowSeconds: q.windowSeconds,
        resolution: 'raw',
        approximate: false,
        clusters: [],
        cells: [],
        worstPairs: [],
      }),
    );
    authorizeSlice.mockImplementation(async () => {});
  });

  describe('GET /v1/latency', () => {
    it('answers a good query with the series', async () => {
      const res = await get(
        app,
        `/v1/latency?${SLICE}&from=2025-01-01T10:00:00Z&to=2025-01-01T12:30:00%2B01:00&step=1m&byPod=true`,
      );
      expect(res.status).toBe(200);
      expect(latency.series).toHaveBeenCalledWith({
        hub: 'prod',
        project: 'arcade',
        slice: 'games',
        from: '2025-01-01T10:00:00.000Z',
        to: '2025-01-01T11:30:00.000Z',
        stepSeconds: 60,
        byPod: true,
      });
      expect(res.body).toMatchObject({
        hub: 'prod',
        stepSeconds: 60,
        resolution: 'raw',
        series: [{ clusters: ['a', 'b'], points: [{ latencyMs: 12 }] }],
      });
    });

    it('defaults to the last hour with a round step of at most 300 points', async () => {
      const res = await get(app, `/v1/latency?${SLICE}`);
      expect(res.status).toBe(200);
      expect(latency.series).toHaveBeenCalledWith({
        hub: 'prod',
        project: 'arcade',
        slice: 'games',
        from: '2025-01-01T11:00:00.000Z',
        to: '2025-01-01T12:00:00.000Z',
        stepSeconds: 15,
        byPod: false,
      });
    });

    it.each([
      ['2024-12-31T12:00:00Z', 300],
      ['2024-12-25T12:00:00Z', 3600],
      ['2025-01-01T11:50:00Z', 10],
    ])('from %s, defaults to a step of %p s', async (from, stepSeconds) => {
      const res = await get(app, `/v1/latency?${SLICE}&from=${from}`);
      expect(res.status).toBe(200);
      expect(latency.series.mock.calls[0][0].stepSeconds).toBe(stepSeconds);
    });

    it("passes a source's 400 for a query that is too large through", async () => {
      latency.series.mockRejectedValueOnce(
        new InputError('Latency query too large: narrow it'),
      );
      const res = await get(app, `/v1/latency?${SLICE}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        name: 'InputError',
        message: 'Latency query too large: narrow it',
      });
    });

    it('accepts a step in plain seconds and checks the slice before answering', async () => {
      const res = await get(
        app,
        `/v1/latency?${SLICE}&from=2025-01-01T11:00:00Z&step=30`,
      );
      expect(res.status).toBe(200);
      expect(latency.series.mock.calls[0][0].stepSeconds).toBe(30);
      expect(authorizeSlice).toHaveBeenCalledWith(expect.anything(), {
        hub: 'prod',
        project: 'arcade',
        slice: 'games',
      });
    });

    it.each([
      ['project=arcade&slice=games', "Missing required query parameter 'hub'"],
      [`hub=&project=arcade&slice=games`, "parameter 'hub'"],
      ['hub=dev&project=arcade&slice=games', "unknown hub 'dev'"],
      ['hub=prod&slice=games', "parameter 'project'"],
      ['hub=prod&project=arcade', "parameter 'slice'"],
      ['hub=prod&project=Arcade&slice=games', "parameter 'project'"],
      ['hub=prod&project=arcade&slice=games%2F..', "parameter 'slice'"],
      [`${SLICE}&from=yesterday`, "parameter 'from'"],
      [`${SLICE}&from=2025-01-01`, "parameter 'from'"],
      [`${SLICE}&to=2025-02-30T00:00:00Z`, "parameter 'to'"],
      [`${SLICE}&to=2025-01-01T10:00:00`, "parameter 'to'"],
      [
        `${SLICE}&from=2025-01-01T11:00:00Z&to=2025-01-01T11:00:00Z`,
        "'from': must be before 'to'",
      ],
      [
        `${SLICE}&from=2025-01-01T12:00:00Z&to=2025-01-01T11:00:00Z`,
        "'from': must be before 'to'",
      ],
      [`${SLICE}&from=2025-01-02T00:00:00Z`, "'from': must be before 'to'"],
      [`${SLICE}&step=abc`, "parameter 'step'"],
      [`${SLICE}&step=0`, "parameter 'step'"],
      [`${SLICE}&step=-5`, "parameter 'step'"],
      [`${SLICE}&step=5s`, "'step': must be at least 10s"],
      [
        `${SLICE}&from=2024-12-01T12:00:00Z&step=1m`,
        "'step': 1m gives 44640 points over 31d, at most 2000 are allowed; use a step of at least 1340s",
      ],
      [`${SLICE}&byPod=yes`, "parameter 'byPod'"],
      [`${SLICE}&form=2025-01-01T10:00:00Z`, "Unknown query parameter 'form'"],
      [`${SLICE}&hub=stage`, "'hub': must be given once"],
      [`${SLICE}&step[x]=1`, "'step': must be given once"],
    ])('rejects %s with 400', async (query, message) => {
      const res = await get(app, `/v1/latency?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(message);
      expect(authorizeSlice).not.toHaveBeenCalled();
      expect(latency.series).not.toHaveBeenCalled();
    });

    it('answers 403 when the slice may not be read', async () => {
      authorizeSlice.mockRejectedValueOnce(
        new NotAllowedError('not your project'),
      );
      const res = await get(app, `/v1/latency?${SLICE}`);
      expect(res.status).toBe(403);
      expect(latency.series).not.toHaveBeenCalled();
    });
  });

  describe('GET /v1/latency/matrix', () => {
    it('answers a good query with the matrix', async () => {
      const res = await get(app, `/v1/latency/matrix?${SLICE}&window=15m`);
      expect(res.status).toBe(200);
      expect(latency.matrix).toHaveBeenCalledWith({
        hub: 'prod',
        project: 'arcade',
        slice: 'games',
        windowSeconds: 900,
      });
      expect(res.body).toEqual({
        hub: 'prod',
        project: 'arcade',
        slice: 'games',
        from: '2025-01-01T11:45:00.000Z',
        to: '2025-01-01T12:00:00.000Z',
        windowSeconds: 900,
        resolution: 'raw',
        approximate: false,
        clusters: [],
        cells: [],
        worstPairs: [],
      });
    });

    it.each([
      ['1h', 3600],
      ['24h', 86400],
      ['7d', 604800],
      [undefined, 3600],
    ])('reads window %p as %p seconds', async (window, seconds) => {
      const res = await get(
        app,
        `/v1/latency/matrix?${SLICE}${window ? `&window=${window}` : ''}`,
      );
      expect(res.status).toBe(200);
      expect(latency.matrix.mock.calls[0][0].windowSeconds).toBe(seconds);
    });

    it.each([
      [`${SLICE}&window=15`, "parameter 'window'"],
      [`${SLICE}&window=15x`, "parameter 'window'"],
      [`${SLICE}&window=30s`, "parameter 'window'"],
      [`${SLICE}&window=0m`, "parameter 'window'"],
      [`${SLICE}&window=31d`, "'window': at most 30d"],
      [`${SLICE}&window=`, "parameter 'window'"],
      ['hub=nope&project=arcade&slice=games', "unknown hub 'nope'"],
      ['hub=prod&project=arcade', "parameter 'slice'"],
      [`${SLICE}&step=1m`, "Unknown query parameter 'step'"],
    ])('rejects %s with 400', async (query, message) => {
      const res = await get(app, `/v1/latency/matrix?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
      expect(latency.matrix).not.toHaveBeenCalled();
    });

    it('answers 403 when the slice may not be read', async () => {
      authorizeSlice.mockRejectedValueOnce(new NotAllowedError('no'));
      const res = await get(app, `/v1/latency/matrix?${SLICE}`);
      expect(res.status).toBe(403);
      expect(latency.matrix).not.toHaveBeenCalled();
    });
  });
});
