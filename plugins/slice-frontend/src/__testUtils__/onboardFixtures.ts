import type {
  ClusterDetail,
  FleetResponse,
  SliceDetail,
  SliceSummary,
} from '@slice-portal/plugin-slice-common';

const ok = { state: 'ok' as const, reasons: [] };
const now = '2026-01-01T00:00:00.000Z';
const member = (cluster: string, onboardedNamespaces: string[]) => ({
  cluster,
  onboardedNamespaces,
  health: ok,
});

const summary = (
  project: string,
  name: string,
  members: SliceSummary['members'],
): SliceSummary => ({
  hub: 'demo',
  project,
  name,
  mode: 'single-network',
  isolationEnabled: false,
  namespaces: [],
  members,
  health: ok,
});

/** acme's payments (three members) and analytics, which has `ledger` on gcp-asia. */
export const payments = summary('acme', 'payments', [
  member('aws-eu', ['payments', 'ledger']),
  member('gcp-asia', ['payments']),
  member('azure-us', ['payments']),
]);
export const analytics = summary('acme', 'analytics', [
  member('aws-eu', []),
  member('gcp-asia', ['ledger']),
]);

export const onboardFleet: FleetResponse = {
  generatedAt: now,
  hubs: [
    {
      name: 'demo',
      title: 'Demo',
      sync: { state: 'ok' },
      projects: ['acme'],
      clusterCount: 3,
      sliceCount: 2,
    },
  ],
  clusters: [],
  slices: [payments, analytics],
  counts: {
    clusters: { ok: 3, warning: 0, error: 0, unknown: 0 } as any,
    slices: { ok: 2, warning: 0, error: 0, unknown: 0 } as any,
  },
  errors: [],
};

export const paymentsConfig = (apps: object[]) => ({
  apiVersion: 'controller.kubeslice.io/v1alpha1',
  kind: 'SliceConfig',
  metadata: { name: 'payments', namespace: 'kubeslice-acme' },
  spec: {
    clusters: ['aws-eu', 'gcp-asia', 'azure-us'],
    namespaceIsolationProfile: {
      isolationEnabled: false,
      applicationNamespaces: apps,
      allowedNamespaces: [],
    },
  },
});

export const paymentsDetail = (
  apps: object[] = [
    { namespace: 'payments', clusters: ['*'] },
    { namespace: 'ledger', clusters: ['aws-eu'] },
  ],
): SliceDetail => ({
  ...payments,
  qos: {},
  allowedNamespaces: [],
  tunnels: [],
  namespaceStates: [],
  services: [],
  events: [],
  sliceConfig: paymentsConfig(apps),
  errors: [],
});

export const clusterDetail = (
  name: string,
  namespaces: ClusterDetail['namespaces'],
): ClusterDetail => ({
  hub: 'demo',
  project: 'acme',
  name,
  geo: {},
  networkPresent: true,
  nodeIPs: [],
  cniSubnets: [],
  slices: ['payments'],
  health: ok,
  components: [],
  namespaces,
  workerConnection: { state: 'ok' },
  events: [],
});

export const namespaceOperation = (
  state: 'running' | 'done',
  steps: { id: string; title: string; state: string; detail?: string }[],
) => ({
  id: 'op-ns',
  kind: 'namespace.onboard',
  target: { hub: 'demo', project: 'acme', slice: 'payments' },
  actor: 'user:default/ana',
  createdAt: now,
  updatedAt: now,
  state,
  steps,
});

export const nsWriteResult = (
  yaml: string,
  extra: { preflight?: object[]; operation?: object; diff?: string } = {},
) => ({
  dryRun: !extra.operation,
  object: paymentsConfig([]),
  yaml,
  diff: { changes: [], text: extra.diff ?? '' },
  preflight: extra.preflight ?? [],
  ...(extra.operation ? { operation: extra.operation } : {}),
});
