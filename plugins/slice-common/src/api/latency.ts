/**
 * The latency history routes (`/v1/latency`, `/v1/latency/matrix`). Responses are
 * described closely (every field, closed objects) so that the contract tests catch an
 * answer that drifts from `LatencySeriesResponse` / `LatencyMatrixResponse`.
 */
import {
  arrayOf,
  closed,
  dateTime,
  jsonResponse,
  queryParam,
  readErrors,
  ref,
  string,
  strings,
} from './helpers';
import { dnsLabel } from './names';

const nullableNumber = { type: ['number', 'null'] } as const;
const count = { type: 'integer', minimum: 0 } as const;
const clusterPair = {
  type: 'array',
  items: string,
  minItems: 2,
  maxItems: 2,
  description: 'The two cluster names, sorted',
} as const;
const sliceFields = {
  hub: string,
  project: string,
  slice: string,
  from: dateTime,
  to: dateTime,
  resolution: ref('LatencyResolution'),
} as const;

export const latencySchemas = {
  LatencyResolution: {
    type: 'string',
    enum: ['raw', 'rollup', 'mixed'],
    description:
      'Which stored resolution answered: raw samples, 5-minute rollups, or rollups for the older part and raw samples for the recent part',
  },
  LatencyPoint: closed({
    t: dateTime,
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
      clusters: clusterPair,
      localCluster: string,
      gatewayPod: string,
      points: arrayOf(ref('LatencyPoint')),
    },
    ['localCluster', 'gatewayPod'],
  ),
  LatencySeriesResponse: closed({
    ...sliceFields,
    stepSeconds: { type: 'number', exclusiveMinimum: 0 },
    series: arrayOf(ref('LatencySeries')),
  }),
  LatencyStats: closed({
    p50: nullableNumber,
    p95: nullableNumber,
    max: nullableNumber,
    mean: nullableNumber,
  }),
  LatencyLatest: closed({
    at: dateTime,
    latencyMs: nullableNumber,
    packetLossPercent: nullableNumber,
    pods: count,
    downPods: count,
  }),
  LatencyMatrixCell: closed({
    clusters: clusterPair,
    latest: { oneOf: [ref('LatencyLatest'), { type: 'null' }] },
    latencyMs: ref('LatencyStats'),
    packetLossPercent: ref('LatencyStats'),
    samples: count,
    downSamples: count,
  }),
  LatencyMatrixResponse: closed({
    ...sliceFields,
    windowSeconds: { type: 'number', exclusiveMinimum: 0 },
    approximate: { type: 'boolean' },
    clusters: strings,
    cells: arrayOf(ref('LatencyMatrixCell')),
    worstPairs: arrayOf(ref('LatencyMatrixCell')),
  }),
} as const;

const errors = readErrors(
  'Invalid parameters (the message names the parameter), or a query that would read ' +
    'more stored rows or return more points than one request may; the message says ' +
    'how to narrow it (a larger step, a shorter range or window, byPod=false)',
);
const sliceRef = [
  queryParam('hub', dnsLabel, 'Hub', true),
  queryParam('project', dnsLabel, 'Project', true),
  queryParam('slice', dnsLabel, 'Slice', true),
] as const;

export const latencyPaths = {
  '/v1/latency': {
    get: {
      operationId: 'getLatencySeries',
      parameters: [
        ...sliceRef,
        queryParam('from', dateTime, 'Start (default one hour before `to`)'),
        queryParam('to', dateTime, 'End (default now)'),
        queryParam(
          'step',
          {
            type: 'string',
            pattern: '^[0-9]{1,9}[smhd]?$',
            description: 'seconds, or a duration such as 30s, 5m, 1h, 1d',
          } as const,
          'Step: seconds or 30s/5m/1h/1d (default: a round step giving at most 300 points). ' +
            'Under 5m reads raw samples, from 5m on the 5-minute rollups',
        ),
        queryParam(
          'byPod',
          { type: 'boolean', description: 'true or false' } as const,
          'One series per gateway pod',
        ),
      ],
      responses: {
        '200': jsonResponse(
          'LatencySeriesResponse',
          'Series per cluster pair (or per gateway pod), and the resolution that answered',
        ),
        ...errors,
      },
    },
  },
  '/v1/latency/matrix': {
    get: {
      operationId: 'getLatencyMatrix',
      parameters: [
        ...sliceRef,
        queryParam(
          'window',
          {
            type: 'string',
            pattern: '^[0-9]{1,9}[mhd]$',
            description: 'a duration such as 15m, 1h, 24h or 7d',
          } as const,
          'Window (default 1h)',
        ),
      ],
      responses: {
        '200': jsonResponse(
          'LatencyMatrixResponse',
          'Cluster × cluster latency and loss, worst pairs, and the resolution that answered',
        ),
        ...errors,
      },
    },
  },
} as const;
