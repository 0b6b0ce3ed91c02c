import { mockErrorHandler, TestDatabases } from '@backstage/backend-test-utils';
import { sliceApiSpec as spec } from '@slice-portal/plugin-slice-common';
import Ajv from 'ajv';
import express from 'express';
import request from 'supertest';
import { GatewayStatusLatencySource } from './GatewayStatusLatencySource';
import { LatencyStore } from './LatencyStore';
import { createLatencyRouter } from './router';
import type { TunnelObservation } from './types';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = T0 + 2 * HOUR;
const REF = { hub: 'prod', project: 'arcade', slice: 'games' };
const SLICE = 'hub=prod&project=arcade&slice=games';
const range = (fromMs: number, toMs: number) =>
  `from=${encodeURIComponent(
    new Date(fromMs).toISOString(),
  )}&to=${encodeURIComponent(new Date(toMs).toISOString())}`;

function tunnel(
  local: string,
  remote: string,
  values: Partial<TunnelObservation> = {},
): TunnelObservation {
  return {
    ...REF,
    localCluster: local,
    remoteCluster: remote,
    gatewayPod: `games-${local}-${remote}-0`,
    state: 'UP',
    ...values,
  };
}

const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ $id: 'spec', components: spec.components });
const validatorFor = (schema: string) =>
  ajv.compile({ $ref: `spec#/components/schemas/${schema}` });

let store: LatencyStore;

beforeAll(async () => {
  store = LatencyStore.fromKnex(await databases.init('SQLITE_3'));
  for (let k = 0; k < 120; k++) {
    await store.recordSamples(
      [
        tunnel('a', 'b', { latencyMs: 10 + (k % 5), txRateKbps: 100 }),
        tunnel('b', 'a', { latencyMs: 12, packetLossPercent: k % 2 }),
        // Down all along: latency statistics are null.
        tunnel('a', 'c', { state: 'DOWN', latencyMs: 3 }),
      ],
      new Date(T0 + k * MIN),
    );
  }
  await store.rollup(NOW);
});

/** The latency routes (which validate against the API document) on a real store. */
async function app(options: { maxRows?: number } = {}) {
  const router = await createLatencyRouter({
    latency: new GatewayStatusLatencySource({
      store,
      rawRetentionMs: 24 * HOUR,
      clock: () => new Date(NOW),
      ...options,
    }),
    authorizeSlice: async () => {},
    knownHubs: () => ['prod'],
    minStepSeconds: 30,
    clock: () => new Date(NOW),
  });
  return express().use(router).use(mockErrorHandler());
}

describe('latency routes against the OpenAPI spec', () => {
  it.each([
    [`/v1/latency?${SLICE}&${range(T0, NOW)}&step=1m`, 'raw'],
    [`/v1/latency?${SLICE}&${range(T0, NOW)}&step=1m&byPod=true`, 'raw'],
    [`/v1/latency?${SLICE}&${range(T0, NOW)}&step=5m`, 'mixed'],
    [`/v1/latency?${SLICE}&${range(T0, T0 + HOUR)}&step=10m`, 'rollup'],
    [`/v1/latency?${SLICE}`, 'raw'],
    [`/v1/latency?hub=prod&project=arcade&slice=empty`, 'raw'],
  ])('%s answers a LatencySeriesResponse (%s)', async (path, resolution) => {
    const res = await request(await app()).get(path);
    expect(res.status).toBe(200);
    const validate = validatorFor('LatencySeriesResponse');
    expect({
      valid: validate(res.body),
      errors: validate.errors ?? null,
    }).toEqual({ valid: true, errors: null });
    expect(res.body.resolution).toBe(resolution);
  });

  it.each([
    [`/v1/latency/matrix?${SLICE}&window=1h`, 'raw', false],
    [`/v1/latency/matrix?${SLICE}&window=24h`, 'mixed', true],
    [`/v1/latency/matrix?hub=prod&project=arcade&slice=empty`, 'raw', false],
  ])(
    '%s answers a LatencyMatrixResponse (%s)',
    async (path, resolution, approximate) => {
      const res = await request(await app()).get(path);
      expect(res.status).toBe(200);
      const validate = validatorFor('LatencyMatrixResponse');
      expect({
        valid: validate(res.body),
        errors: validate.errors ?? null,
      }).toEqual({ valid: true, errors: null });
      expect(res.body).toMatchObject({ resolution, approximate });
    },
  );

  it('describes the shapes closely enough to catch a wrong answer', async () => {
    const res = await request(await app()).get(
      `/v1/latency/matrix?${SLICE}&window=1h`,
    );
    const validate = validatorFor('LatencyMatrixResponse');
    const down = res.body.cells.find(
      (c: { clusters: string[] }) => c.clusters.join() === 'a,c',
    );
    expect(down.latencyMs.p95).toBeNull();
    for (const broken of [
      { ...res.body, resolution: 'exact' },
      { ...res.body, cells: [{ ...down, latencyMs: { p50: 1 } }] },
      { ...res.body, cells: [{ ...down, clusters: ['a'] }] },
      { ...res.body, extra: 1 },
    ]) {
      expect(validate(broken)).toBe(false);
    }
    const validateSeries = validatorFor('LatencySeriesResponse');
    const { series, ...withoutSeries } = (
      await request(await app()).get(`/v1/latency?${SLICE}`)
    ).body;
    expect(series.length).toBeGreaterThan(0);
    expect(validateSeries(withoutSeries)).toBe(false);
  });

  it.each([
    [
      `/v1/latency?${SLICE}&${range(T0, NOW)}&step=1m`,
      'Latency query too large: it would read more than 50 stored rows (raw samples)',
      'a step of 5m or more',
    ],
    [
      `/v1/latency/matrix?${SLICE}&window=2h`,
      'Latency matrix too large: the 2h window would read more than 50 stored rows',
      'a shorter window (window=',
    ],
  ])(
    '%s over the row limit answers 400 saying how to narrow it',
    async (path, message, advice) => {
      const res = await request(await app({ maxRows: 50 })).get(path);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(message);
      expect(res.body.error.message).toContain(advice);
      const validate = validatorFor('Error');
      expect(validate(res.body)).toBe(true);
    },
  );

  it('serves the latency schemas in /openapi.json', async () => {
    const res = await request(await app()).get('/openapi.json');
    expect(res.status).toBe(200);
    expect(
      res.body.paths['/v1/latency'].get.responses['200'].content[
        'application/json'
      ].schema,
    ).toEqual({ $ref: '#/components/schemas/LatencySeriesResponse' });
    expect(Object.keys(res.body.components.schemas)).toEqual(
      expect.arrayContaining([
        'LatencySeriesResponse',
        'LatencyMatrixResponse',
      ]),
    );
  });

  it('documents the 400 for queries that are too large', () => {
    for (const route of ['/v1/latency', '/v1/latency/matrix'] as const) {
      expect(spec.paths[route].get.responses['400'].description).toContain(
        'how to narrow it',
      );
    }
  });
});
