import { mockErrorHandler } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { createSliceApiRouter } from './openApiRouter';

/**
 * The validator's 400s as a client sees them: real requests through the document's
 * validation (the message format of express-openapi-validator is what is reworded, so a
 * change there shows up here).
 */
describe('createSliceApiRouter', () => {
  let app: express.Express;
  beforeAll(() => {
    const router = createSliceApiRouter();
    router.get('/v1/events', (req, res) => {
      res.json({ items: [], errors: [], limit: req.query.limit } as any);
    });
    router.get('/v1/slices/:hub/:project/:name', (_req, res) => {
      res.json({} as any);
    });
    router.get('/v1/latency', (req, res) => {
      res.json({ byPod: req.query.byPod } as any);
    });
    app = express().use(router).use(mockErrorHandler());
  });
  const message = async (path: string) => {
    const res = await request(app).get(path);
    expect(res.status).toBe(400);
    return res.body.error.message;
  };
  const SLICE = 'hub=prod&project=arcade&slice=games';

  it.each([
    [
      '/v1/slices/prod/Arcade/games',
      "Invalid path parameter 'project': must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters, got 'Arcade'",
    ],
    [
      '/v1/slices/prod/arcade/a.b',
      "Invalid path parameter 'name': must be a DNS-1123 label",
    ],
    [
      `/v1/slices/prod/arcade/${'a'.repeat(64)}`,
      "Invalid path parameter 'name': must be a DNS-1123 label",
    ],
    [
      '/v1/events?type=Info',
      "Invalid query parameter 'type': must be one of Normal, Warning, got 'Info'",
    ],
    [
      '/v1/events?cluster=Edge',
      "Invalid query parameter 'cluster': must be a DNS-1123 subdomain",
    ],
    [
      '/v1/events?limit=0',
      "Invalid query parameter 'limit': must be >= 1, got '0'",
    ],
    [
      '/v1/events?limit=ten',
      "Invalid query parameter 'limit': must be integer, got 'ten'",
    ],
    [
      '/v1/events?slice=a&slice=b',
      "Invalid query parameter 'slice': must be given once, as plain text",
    ],
    ['/v1/events?nope=1', "Unknown query parameter 'nope'"],
    [
      '/v1/latency?project=arcade&slice=games',
      "Missing required query parameter 'hub'",
    ],
    [
      `/v1/latency?${SLICE}&byPod=yes`,
      "Invalid query parameter 'byPod': must be true or false, got 'yes'",
    ],
    [
      `/v1/latency?${SLICE}&step=`,
      "Empty value found for query parameter 'step'",
    ],
  ])('%s → %s', async (path, expected) => {
    expect(await message(path)).toContain(expected);
  });

  it('accepts what the document allows, typed as it says', async () => {
    expect(
      (await request(app).get('/v1/events?limit=20').expect(200)).body.limit,
    ).toBe(20);
    expect(
      (await request(app).get(`/v1/latency?${SLICE}&byPod=true`).expect(200))
        .body.byPod,
    ).toBe(true);
    await request(app).get('/v1/events?cluster=edge.nyc-1').expect(200);
  });

  it('serves the document', async () => {
    const doc = (await request(app).get('/openapi.json').expect(200)).body;
    expect(doc.paths['/v1/events'].get.operationId).toBe('listEvents');
  });
});
