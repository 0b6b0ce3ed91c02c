import type {
  ClusterSummary,
  FleetResponse,
} from '@slice-portal/plugin-slice-common';

const now = new Date().toISOString();
const ok = { state: 'ok' as const, reasons: [] };

const cluster = (
  name: string,
  over: Partial<ClusterSummary> = {},
): ClusterSummary => ({
  hub: 'demo',
  project: 'arcade',
  name,
  geo: { cloudProvider: 'aws', cloudRegion: `${name}-1` },
  registrationStatus: 'Registered',
  networkPresent: true,
  nodeIPs: ['10.0.0.1'],
  cniSubnets: [],
  slices: [],
  health: ok,
  ...over,
});

/** A fleet for the create-slice tests: three clusters that can join, two that cannot. */
export const createFleet: FleetResponse = {
  generatedAt: now,
  hubs: [
    {
      name: 'demo',
      title: 'Demo fleet',
      sync: { state: 'ok', lastSyncAt: now },
      projects: ['acme', 'arcade'],
      clusterCount: 5,
      sliceCount: 1,
    },
  ],
  clusters: [
    cluster('aws-east', { cniSubnets: ['10.2.0.0/16'] }),
    cluster('gcp-west', {
      geo: {
        cloudProvider: 'gcp',
        cloudRegion: 'us-west1',
        latitude: 45.6,
        longitude: -121.2,
      },
    }),
    cluster('azure-north'),
    cluster('edge-nyc', { registrationStatus: 'Pending' }),
    cluster('broken', {
      networkPresent: false,
      health: { state: 'error', reasons: ['down'] },
    }),
    cluster('acme-1', { project: 'acme' }),
  ],
  slices: [
    {
      hub: 'demo',
      project: 'arcade',
      name: 'pacman',
      mode: 'single-network',
      subnet: '10.1.0.0/16',
      isolationEnabled: false,
      namespaces: [],
      members: [],
      health: ok,
    },
  ],
  counts: {
    clusters: { ok: 5, warning: 0, error: 1, unknown: 0 },
    slices: { ok: 1, warning: 0, error: 0, unknown: 0 },
  },
  errors: [],
};

export const writeResult = (yaml: string, preflight: object[] = []) => ({
  dryRun: true,
  object: {},
  yaml,
  diff: { changes: [], text: '' },
  preflight,
});

export const operation = (
  state: 'running' | 'done',
  steps: { id: string; title: string; state: string }[],
) => ({
  id: 'op-1',
  kind: 'slice.create',
  target: { hub: 'demo', project: 'arcade', slice: 'tetris' },
  actor: 'user:default/ana',
  createdAt: now,
  updatedAt: now,
  state,
  steps,
});
