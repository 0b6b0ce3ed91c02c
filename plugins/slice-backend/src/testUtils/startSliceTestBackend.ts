// The testUtils entry is for tests only: its consumers have these as devDependencies too.
// eslint-disable-next-line @backstage/no-undeclared-imports
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
// eslint-disable-next-line @backstage/no-undeclared-imports
import { startFleetSim, type FleetSim } from '@slice-portal/fleet-sim';
import { slicePlugin } from '../plugin';
import { eventually } from './eventually';
import { PLATFORM, examplePolicyPermissions } from './examplePolicy';

export interface SliceTestBackend {
  sim: FleetSim;
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
export async function startSliceTestBackend(): Promise<SliceTestBackend> {
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
      mockServices.rootConfig.factory({
        data: {
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
  const baseUrl = `http://localhost:${backend.server.port()}/api/slice`;
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
    baseUrl,
    get,
    async stop() {
      await backend.stop();
      await sim.close();
    },
  };
}
