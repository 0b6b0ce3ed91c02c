/**
 * The latency routes' part of the plugin's OpenAPI spec, merged into
 * `schema/openapi.ts` (self-contained: that module imports this one). Responses are
 * described closely (every field, `additionalProperties: false`) so that the contract
 * tests catch an answer that drifts from `LatencySeriesResponse` /
 * `LatencyMatrixResponse`.
 */

/** The spec's name schema (as in `schema/openapi.ts`). */
const name = {
  type: 'string',
  pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$',
  maxLength: 253,
} as const;
const query = (
  paramName: string,
  schema: object,
  description: string,
  required = false,
) => ({ name: paramName, in: 'query', required, description, schema } as const);
const json = (ref: string, description: string) =>
  ({
    description,
    content: { 'application/json': { schema: { $ref: ref } } },
  } as const);
const error = (description: string) =>
  json('#/components/schemas/Error', description);
const latencyErrors = {
  '400': error(
    'Invalid parameters (the message names the parameter), or a query that would read ' +
      'more stored rows or return more points than one request may; the message says ' +
      'how to narrow it (a larger step, a shorter range or window, byPod=false)',
  ),
  '401': error('Not authenticated'),
  '403': error('Not allowed by the permission policy'),
  '404': error('No such hub, slice or cluster'),
} as const;
const nullableNumber = { type: ['number', 'null'] } as const;
const count = { type: 'integer', minimum: 0 } as const;
const clusterPairSchema = {
  type: 'array',
  items: { type: 'string' },
  minItems: 2,
  maxItems: 2,
  description: 'The two cluster names, sorted',
} as const;
/** An object with exactly these properties, all required unless listed in `optional`. */
const closed = (
  properties: Record<string, object>,
  optional: readonly string[] = [],
) =>
  ({
    type: 'object',
    required: Object.keys(properties).filter(k => !optional.includes(k)),
    additionalProperties: false,
    properties,
  } as const);
const latencySliceFields = {
  hub: { type: 'string' },
  project: { type: 'string' },
  slice: { type: 'string' },
  from: { type: 'string', format: 'date-time' },
  to: { type: 'string', format: 'date-time' },
  resolution: { $ref: '#/components/schemas/LatencyResolution' },
} as const;

export const latencySchemas = {
  LatencyResolution: {
    type: 'string',
    enum: ['raw', 'rollup', 'mixed'],
    description:
      'Which stored resolution answered: raw samples, 5-minute rollups, or rollups for the older part and raw samples for the recent part',
  },
  LatencyPoint: closed({
    t: { type: 'string', format: 'date-time' },
    latencyMs: nullableNumber,
    latencyMaxMs: nullableNumber,
    packetLossPercent: nullableNumber,
    packetLossMaxPercent: nullableNumber,
    txRateKbps: nullableNumber,
    rxRateKbps: nullableNumber,
    samples: count,
    downSamples: count,
  }),
  LatencySeries: closed(
    {
      clusters: clusterPairSchema,
      localCluster: { type: 'string' },
      gatewayPod: { type: 'string' },
      points: {
        type: 'array',
        items: { $ref: '#/components/schemas/LatencyPoint' },
      },
    },
    ['localCluster', 'gatewayPod'],
  ),
  LatencySeriesResponse: closed({
    ...latencySliceFields,
    stepSeconds: { type: 'number', exclusiveMinimum: 0 },
    series: {
      type: 'array',
      items: { $ref: '#/components/schemas/LatencySeries' },
    },
  }),
  LatencyStats: closed({
    p50: nullableNumber,
    p95: nullableNumber,
    max: nullableNumber,
    mean: nullableNumber,
  }),
  LatencyLatest: closed({
    at: { type: 'string', format: 'date-time' },
    latencyMs: nullableNumber,
    packetLossPercent: nullableNumber,
    pods: count,
    downPods: count,
  }),
  LatencyMatrixCell: closed({
    clusters: clusterPairSchema,
    latest: {
      oneOf: [{ $ref: '#/components/schemas/LatencyLatest' }, { type: 'null' }],
    },
    latencyMs: { $ref: '#/components/schemas/LatencyStats' },
    packetLossPercent: { $ref: '#/components/schemas/LatencyStats' },
    samples: count,
    downSamples: count,
  }),
  LatencyMatrixResponse: closed({
    ...latencySliceFields,
    windowSeconds: { type: 'number', exclusiveMinimum: 0 },
    approximate: { type: 'boolean' },
    clusters: { type: 'array', items: { type: 'string' } },
    cells: {
      type: 'array',
      items: { $ref: '#/components/schemas/LatencyMatrixCell' },
    },
    worstPairs: {
      type: 'array',
      items: { $ref: '#/components/schemas/LatencyMatrixCell' },
    },
  }),
} as const;

export const latencyPaths = {
  '/v1/latency': {
    get: {
      operationId: 'getLatencySeries',
      parameters: [
        query('hub', name, 'Hub', true),
        query('project', name, 'Project', true),
        query('slice', name, 'Slice', true),
        query(
          'from',
          { type: 'string' },
          'Start (ISO 8601; default one hour ago)',
        ),
        query('to', { type: 'string' }, 'End (ISO 8601; default now)'),
        query(
          'step',
          { type: 'string' },
          'Step: seconds or 30s/5m/1h/1d (default: a round step giving at most 300 points). ' +
            'Under 5m reads raw samples, from 5m on the 5-minute rollups',
        ),
        query(
          'byPod',
          { type: 'string', enum: ['true', 'false'] },
          'One series per gateway pod',
        ),
      ],
      responses: {
        '200': json(
          '#/components/schemas/LatencySeriesResponse',
          'Series per cluster pair (or per gateway pod), and the resolution that answered',
        ),
        ...latencyErrors,
      },
    },
  },
  '/v1/latency/matrix': {
    get: {
      operationId: 'getLatencyMatrix',
      parameters: [
        query('hub', name, 'Hub', true),
        query('project', name, 'Project', true),
        query('slice', name, 'Slice', true),
        query(
          'window',
          { type: 'string', pattern: '^[0-9]+[mhd]$' },
          'Window like 15m, 1h, 7d (default 1h)',
        ),
      ],
      responses: {
        '200': json(
          '#/components/schemas/LatencyMatrixResponse',
          'Cluster × cluster latency and loss, worst pairs, and the resolution that answered',
        ),
        ...latencyErrors,
      },
    },
  },
} as const;
