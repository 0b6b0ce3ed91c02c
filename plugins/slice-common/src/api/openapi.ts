/**
 * The slice backend's API as one OpenAPI 3.1 document: the single source of truth.
 * The backend validates requests against it (`createValidatedOpenApiRouter`) and serves
 * it at `/api/slice/openapi.json`; request, response and client types are derived from
 * it (`types.ts`); the integration tests check real responses against its schemas.
 *
 * Pure data, no I/O, so that the frontend can import it as well. Each area of the API
 * is a fragment (its component schemas and its paths) in its own file, listed below.
 */
import { commonPaths, commonSchemas } from './common';
import { fleetPaths } from './fleetPaths';
import { fleetSchemas } from './fleetSchemas';
import { latencyPaths, latencySchemas } from './latency';
import { operationPaths, operationSchemas } from './operations.openapi';
import { auditPaths, auditSchemas } from './audit.openapi';
import { mergeFragments } from './merge';
import { writePaths, writeSchemas } from './writes.openapi';

const { schemas, paths } = mergeFragments([
  { schemas: commonSchemas, paths: commonPaths },
  { schemas: fleetSchemas, paths: fleetPaths },
  { schemas: latencySchemas, paths: latencyPaths },
  { schemas: operationSchemas, paths: operationPaths },
  { schemas: auditSchemas, paths: auditPaths },
  { schemas: writeSchemas, paths: writePaths },
] as const);

export const sliceApiSpec = {
  openapi: '3.1.0',
  info: {
    title: 'slice',
    version: '1',
    description:
      'Slice Portal: KubeSlice fleets, slices, tunnels and latency, answered from watch caches.',
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
  },
  servers: [{ url: '/' }],
  components: { schemas },
  paths,
} as const;

export type SliceApiSpec = typeof sliceApiSpec;
