/**
 * Component schemas every area of the API shares: the error body, health, and the
 * state of a cached source. One definition each; the fleet, latency and write
 * fragments refer to them with `ref('Health')` etc.
 */
import { HEALTH_STATES } from '../health/health';
import { closed, jsonResponse, ref, string, strings } from './helpers';

/** States of one cached source (a hub's watch of one kind, or a worker connection). */
export const SOURCE_STATES = [
  'pending',
  'ok',
  'degraded',
  'unreachable',
] as const;

/** Health states, inline in parameters and as the `HealthState` component. */
export const healthState = { type: 'string', enum: HEALTH_STATES } as const;

export const commonSchemas = {
  Error: closed(
    {
      error: {
        type: 'object',
        required: ['name', 'message'],
        // Backstage's error handler may add `cause` and `stack` (outside production).
        properties: { name: string, message: string },
      },
      request: {
        type: 'object',
        properties: { method: string, url: string },
      },
      response: {
        type: 'object',
        properties: { statusCode: { type: 'integer' } },
      },
    },
    ['request', 'response'],
  ),
  HealthState: healthState,
  Health: closed({
    state: ref('HealthState'),
    reasons: {
      ...strings,
      description: 'Causes, most important first; empty when ok',
    },
  }),
  SourceState: { type: 'string', enum: SOURCE_STATES },
  ServiceStatus: closed({ status: { type: 'string', enum: ['ok'] } }),
  SourceError: closed(
    {
      source: {
        ...string,
        description: 'What failed, e.g. hub/prod or hub/prod/clusters',
      },
      state: ref('SourceState'),
      message: string,
      lastSyncAt: {
        type: 'string',
        format: 'date-time',
        description:
          'When data from this source last arrived; what is shown is that old',
      },
    },
    ['lastSyncAt'],
  ),
} as const;

export const commonPaths = {
  '/health': {
    get: {
      operationId: 'getHealth',
      summary: 'Liveness of the plugin; needs no authentication',
      responses: { '200': jsonResponse('ServiceStatus', 'The plugin is up') },
    },
  },
} as const;
