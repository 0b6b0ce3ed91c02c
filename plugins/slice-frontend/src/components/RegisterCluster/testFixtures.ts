import type { FleetResponse } from '@slice-portal/plugin-slice-common';

const now = new Date().toISOString();

/** A hub with two projects and one registered cluster, for the register-cluster tests. */
export const registerFleet: FleetResponse = {
  generatedAt: now,
  hubs: [
    {
      name: 'demo',
      title: 'Demo fleet',
      sync: { state: 'ok', lastSyncAt: now },
      projects: ['acme', 'arcade'],
      clusterCount: 1,
      sliceCount: 0,
    },
  ],
  clusters: [
    {
      hub: 'demo',
      project: 'arcade',
      name: 'aws-east',
      geo: {
        cloudProvider: 'aws',
        cloudRegion: 'us-east-1',
        latitude: 38.95,
        longitude: -77.45,
      },
      registrationStatus: 'Registered',
      networkPresent: true,
      nodeIPs: [],
      cniSubnets: [],
      slices: [],
      health: { state: 'ok', reasons: [] },
    },
  ],
  slices: [],
  counts: {
    clusters: { ok: 1, warning: 0, error: 0, unknown: 0 },
    slices: { ok: 0, warning: 0, error: 0, unknown: 0 },
  },
  errors: [],
} as FleetResponse;

export const clusterYaml = `apiVersion: controller.kubeslice.io/v1alpha1
kind: Cluster
metadata:
  name: edge-ams
  namespace: kubeslice-arcade
spec:
  networkInterface: eth0
`;

export const writeAnswer = (dryRun: boolean, operationId?: string) => ({
  dryRun,
  object: {},
  yaml: clusterYaml,
  diff: { changes: [], text: '' },
  preflight: [],
  ...(operationId && {
    operation: {
      id: operationId,
      kind: 'cluster.register',
      state: 'running',
      actor: 'user:default/ana',
      createdAt: now,
      updatedAt: now,
      target: { hub: 'demo', project: 'arcade', cluster: 'edge-ams' },
      steps: [
        { id: 'stored', title: 'Cluster edge-ams on hub demo', state: 'done' },
        {
          id: 'secret',
          title: 'Worker Secret issued by the controller',
          state: 'running',
        },
      ],
    },
  }),
});

export const registrationValues = {
  cluster: 'edge-ams',
  values: {},
  yaml: 'controllerSecret:\n  namespace: a3ViZXNsaWNlLWFyY2FkZQ==\n  token: c2VjcmV0\ncluster:\n  name: edge-ams\n',
  command:
    'helm install kubeslice-worker kubeslice/kubeslice-worker -n kubeslice-system --create-namespace -f worker-values.yaml',
};
