import { mockServices } from '@backstage/backend-test-utils';
import { sliceApiSpec } from '@slice-portal/plugin-slice-common';
import type express from 'express';
import { registerAuditRoutes } from '../audit/router';
import { createLatencyRouter } from '../latency';
import { registerOperationRoutes } from '../operations/router';
import type { SliceAuthorizer } from '../permissions/SliceAuthorizer';
import { createRouter } from '../router';
import type { FleetService } from '../service/FleetService';
import { createWriteRouter } from '../write/router';
import { DEFAULT_RETRY_POLICY } from '../write/readModifyWrite';
import { createSliceApiRouter } from './openApiRouter';

/**
 * The routes the routers register and the operations the API document lists must be
 * the same set: a route without an entry is neither validated nor typed nor known to
 * clients, and an entry without a route is a promise the backend does not keep.
 * Routers of new areas are added to `routers()` below.
 */

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  regexp?: { fast_slash?: boolean };
}

/** `METHOD /path/{param}` of every route in an express router, nested routers included. */
function registeredRoutes(router: { stack: Layer[] }): string[] {
  return router.stack.flatMap(layer => {
    if (layer.route) {
      const path = layer.route.path.replace(/:(\w+)/g, '{$1}');
      return Object.keys(layer.route.methods)
        .filter(method => method !== '_all')
        .map(method => `${method.toUpperCase()} ${path}`);
    }
    if (layer.handle?.stack) {
      // Only routers mounted at the root are expected; a prefix would need joining here.
      if (!layer.regexp?.fast_slash)
        throw new Error('router mounted under a path');
      return registeredRoutes(layer.handle as { stack: Layer[] });
    }
    return [];
  });
}

function documentedRoutes(): string[] {
  return Object.entries(sliceApiSpec.paths).flatMap(([path, item]) =>
    Object.keys(item).map(method => `${method.toUpperCase()} ${path}`),
  );
}

async function routers(): Promise<express.Router[]> {
  const latency = await createLatencyRouter({
    latency: { series: jest.fn(), matrix: jest.fn() },
    authorizeSlice: jest.fn(),
    knownHubs: () => [],
  });
  const bookkeeping = createSliceApiRouter();
  registerOperationRoutes(bookkeeping, {
    httpAuth: mockServices.httpAuth(),
    authorizer: {} as SliceAuthorizer,
    tracker: { get: jest.fn() },
  });
  registerAuditRoutes(bookkeeping, {
    httpAuth: mockServices.httpAuth(),
    authorizer: {} as SliceAuthorizer,
    store: { list: jest.fn(), projects: jest.fn() },
  });
  const main = await createRouter({
    httpAuth: mockServices.httpAuth(),
    authorizer: {} as SliceAuthorizer,
    fleet: {} as FleetService,
    extraRouters: [latency, bookkeeping],
  });
  // Mounted before the main router: it validates its requests itself (and audits refusals).
  const writes = createWriteRouter({
    httpAuth: mockServices.httpAuth(),
    authorizer: {} as SliceAuthorizer,
    tracker: { start: jest.fn(), get: jest.fn() },
    audit: { record: jest.fn() },
    logger: mockServices.logger.mock(),
    settings: {
      hubs: [],
      retry: DEFAULT_RETRY_POLICY,
      operationTimeoutMs: 60_000,
      requestTimeoutMs: 1_000,
    },
  });
  return [writes, main];
}

describe('the API document and the routers', () => {
  it('describe the same routes', async () => {
    const registered = new Set(
      (await routers()).flatMap(r => registeredRoutes(r as any)),
    );
    // Served by Backstage's validated router itself: the document, not an operation.
    registered.delete('GET /openapi.json');
    expect([...registered].sort()).toEqual(documentedRoutes().sort());
  });
});
