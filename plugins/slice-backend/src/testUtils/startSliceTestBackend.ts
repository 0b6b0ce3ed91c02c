// The testUtils entry is for tests only: its consumers have these as devDependencies too.
// eslint-disable-next-line @backstage/no-undeclared-imports
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
// eslint-disable-next-line @backstage/no-undeclared-imports
import { startFleetSim, type FleetSim } from '@slice-portal/fleet-sim';
import type { BackendFeature } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import { slicePlugin } from '../plugin';
import { eventually } from './eventually';
import { PLATFORM, examplePolicyPermissions } from './examplePolicy';

export interface SliceTestBackendOptions {
  /** More plugins and services for the backend (the MCP actions backend, say). */
  features?: BackendFeature[];
  /** More configuration, beside `slice` (e.g. `backend.actions`, `app.baseUrl`). */
  config?: JsonObject;
}

export interface SliceTestBackend {
  sim: FleetSim;
  /** The backend's base URL (`http://localhost:<port>`). */
  backendUrl: string;
  /** The slice API's base URL (`http://localhost:<port>/api/slice`). */
  baseUrl: string;
  /** GET on the slice API as the platform user: status and body. */
  get(path: string): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

/**
 * The fleet simulator's demo fleet and a slice backend serving its HTTP API with the example
 * app's permission decisions and tenancy, synced (every cluster listed) when it resolves.
 */
export async function startSliceTestBackend(
  options: SliceTestBackendOptions = {},
): Promise<SliceTestBackend> {
  const sim = await startFleetSim({
    scenario: 'demo',
    port: 0,
    seed: 5,
    statusIntervalMs: 500,
    onboardDelayMs: 200,
  });
  const backend = await startTestBackend({
    features: [
      slicePlugin,
      examplePolicyPermissions,
      ...(options.features ?? []),
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          slice: {
            hubs: [
              {
                name: 'demo',
                url: sim.clusterUrl('hub'),
                auth: { type: 'serviceAccount', token: sim.adminToken },
                caData: Buffer.from(sim.caPem).toString('base64'),
                workers: { credentials: 'dashboardSecret' },
              },
            ],
            tenancy: {
              platformGroups: ['group:default/platform-team'],
              projects: {
                acme: ['group:default/team-acme'],
                arcade: ['group:default/team-arcade'],
              },
            },
          },
        },
      }),
    ],
  });
  const backendUrl = `http://localhost:${backend.server.port()}`;
  const baseUrl = `${backendUrl}/api/slice`;
  const get = async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`, {
      headers: { Authorization: mockCredentials.user.header(PLATFORM) },
    });
    return { status: response.status, body: await response.json() };
  };
  await eventually(
    () => get('/v1/fleet'),
    f =>
      f.body.hubs?.[0]?.sync?.state === 'ok' && f.body.clusters?.length === 7,
  );
  return {
    sim,
    backendUrl,
    baseUrl,
    get,
    async stop() {
      await backend.stop();
      await sim.close();
    },
  };
}
