import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startFleetSim, type FleetSim } from '@slice-portal/fleet-sim';
import type { FleetResponse } from '@slice-portal/plugin-slice-common';
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { slicePlugin } from './plugin';
import { START_TIMEOUT_MS } from './__testUtils__/processes';

/**
 * The backend against a real fleet simulator over HTTPS (TLS verification on), through
 * the same @kubernetes/client-node code paths as a production hub.
 */
describe('slice backend against the fleet simulator', () => {
  let sim: FleetSim;
  let dir: string;
  let kubeconfigPath: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slice-backend-test-'));
    kubeconfigPath = path.join(dir, 'kubeconfig');
    sim = await startFleetSim({
      scenario: 'demo',
      port: 0,
      kubeconfigPath,
      seed: 1,
    });
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await sim?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 20000);

  async function startBackend(
    hubs: unknown[],
    permissionResult:
      | AuthorizeResult.ALLOW
      | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  ) {
    return startTestBackend({
      features: [
        slicePlugin,
        mockServices.rootConfig.factory({ data: { slice: { hubs } } as any }),
        mockServices.permissions.factory({ result: permissionResult }),
      ],
    });
  }

  /** The caches fill asynchronously after start; poll until every hub has synced or failed. */
  async function fleetWhenSynced(server: any): Promise<FleetResponse> {
    const deadline = Date.now() + 20000;
    for (;;) {
      const res = await request(server).get('/api/slice/v1/fleet');
      expect(res.body.error?.message).toBeUndefined();
      expect(res.status).toBe(200);
      const fleet = res.body as FleetResponse;
      if (
        fleet.hubs.every(h => h.sync.state !== 'pending') ||
        Date.now() > deadline
      )
        return fleet;
      await new Promise(r => setTimeout(r, 100));
    }
  }

  it('serves the scenario’s hub, clusters and slices from the hub’s objects', async () => {
    const backend = await startBackend([
      {
        name: 'demo',
        title: 'Demo',
        auth: { type: 'kubeconfig', path: kubeconfigPath, context: 'hub' },
      },
    ]);
    const server = backend.server;
    try {
      const fleet = await fleetWhenSynced(server);
      expect(fleet.errors).toEqual([]);
      expect(fleet.hubs).toHaveLength(1);
      expect(fleet.hubs[0]).toMatchObject({
        name: 'demo',
        title: 'Demo',
        sync: { state: 'ok' },
      });
      expect(fleet.hubs[0].projects).toEqual(
        sim.scenario.projects.map(p => p.name).sort(),
      );

      const expectedClusters = sim.scenario.projects
        .flatMap(p => p.clusters.map(c => ({ project: p.name, ...c })))
        .map(c => [
          c.project,
          c.name,
          c.cloudProvider,
          c.cloudRegion,
          c.latitude,
          c.longitude,
        ])
        .sort();
      expect(
        fleet.clusters
          .map(c => [
            c.project,
            c.name,
            c.geo.cloudProvider,
            c.geo.cloudRegion,
            c.geo.latitude,
            c.geo.longitude,
          ])
          .sort(),
      ).toEqual(expectedClusters);
      expect(
        fleet.clusters.every(c => c.registrationStatus === 'Registered'),
      ).toBe(true);

      const expectedSlices = sim.scenario.projects
        .flatMap(p =>
          p.slices.map(s => [p.name, s.name, [...s.clusters].sort()]),
        )
        .sort();
      expect(
        fleet.slices
          .map(s => [s.project, s.name, s.members.map(m => m.cluster).sort()])
          .sort(),
      ).toEqual(expectedSlices);

      const pacman = fleet.slices.find(s => s.name === 'pacman')!;
      expect(pacman.namespaces.sort()).toEqual(['mongodb', 'pacman']);
      for (const member of pacman.members) {
        expect(member.onboardedNamespaces.sort()).toEqual([
          'mongodb',
          'pacman',
        ]);
        expect(member.subnet).toMatch(/^10\.1\.\d+\.0\/\d+$/);
      }
      expect(pacman.health.state).toBe('ok');

      // The demo's edge site has a forwarder in Warning: the cluster and its slice say so, and why.
      const edge = fleet.clusters.find(c => c.name === 'edge-nyc')!;
      expect(edge.health).toEqual({
        state: 'warning',
        reasons: ['cluster health Warning: forwarder'],
      });
      const edgeSlices = fleet.slices.filter(s =>
        s.members.some(m => m.cluster === 'edge-nyc'),
      );
      expect(edgeSlices.length).toBeGreaterThan(0);
      for (const slice of edgeSlices) {
        expect(slice.health.state).toBe('warning');
        expect(slice.health.reasons).toContain(
          'cluster health Warning: forwarder',
        );
      }
      expect(fleet.slices.find(s => s.name === 'analytics')?.mode).toBe(
        'no-network',
      );
      expect(
        fleet.slices.find(s => s.name === 'payments')?.isolationEnabled,
      ).toBe(true);
      expect(fleet.counts.clusters.warning).toBe(1);
    } finally {
      await backend.stop();
    }
  });

  it('reports an unreachable hub beside the hub that loaded', async () => {
    const backend = await startBackend([
      {
        name: 'demo',
        auth: { type: 'kubeconfig', path: kubeconfigPath, context: 'hub' },
      },
      {
        name: 'gone',
        url: 'https://127.0.0.1:1',
        auth: { type: 'serviceAccount', token: 'x' },
        caData: Buffer.from(sim.caPem).toString('base64'),
      },
    ]);
    const server = backend.server;
    try {
      const fleet = await fleetWhenSynced(server);
      expect(fleet.hubs.map(h => [h.name, h.sync.state])).toEqual([
        ['demo', 'ok'],
        ['gone', 'unreachable'],
      ]);
      expect(fleet.errors.length).toBeGreaterThan(0);
      expect(fleet.errors.every(e => e.source.startsWith('hub/gone'))).toBe(
        true,
      );
      expect(fleet.slices.length).toBe(
        sim.scenario.projects.flatMap(p => p.slices).length,
      );
    } finally {
      await backend.stop();
    }
  });

  it('reports a hub whose token is rejected, with the API server’s answer', async () => {
    const backend = await startBackend([
      {
        name: 'badtoken',
        url: sim.clusterUrl('hub'),
        auth: { type: 'serviceAccount', token: 'not-a-valid-token' },
        caData: Buffer.from(sim.caPem).toString('base64'),
      },
    ]);
    const server = backend.server;
    try {
      const fleet = await fleetWhenSynced(server);
      expect(fleet.hubs[0].sync.state).toBe('unreachable');
      expect(fleet.errors[0].message).toMatch(/401/);
      expect(fleet.slices).toEqual([]);
    } finally {
      await backend.stop();
    }
  });

  it('refuses users without kubeslice.fleet.read and unauthenticated requests', async () => {
    const backend = await startBackend(
      [
        {
          name: 'demo',
          auth: { type: 'kubeconfig', path: kubeconfigPath, context: 'hub' },
        },
      ],
      AuthorizeResult.DENY,
    );
    const server = backend.server;
    try {
      const denied = await request(server)
        .get('/api/slice/v1/fleet')
        .expect(403);
      expect(denied.body.error.message).toMatch(/kubeslice\.fleet\.read/);
      await request(server)
        .get('/api/slice/v1/fleet')
        .set('Authorization', mockCredentials.none.header())
        .expect(401);
      await request(server)
        .get('/api/slice/health')
        .expect(200, { status: 'ok' });
    } finally {
      await backend.stop();
    }
  });
});
