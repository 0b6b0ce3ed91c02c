import type { PolicyRule } from '../server/auth';

/**
 * The KubeSlice roles (REFERENCE §6.1, §6.3) as rules, bound to one project
 * namespace: what the `kubeslice-rbac-ro-*`, `kubeslice-rbac-rw-*` and
 * `kubeslice-rbac-worker-*` tokens may do on the hub.
 */

const CONTROLLER = 'controller.kubeslice.io';
const WORKER = 'worker.kubeslice.io';
const READ = ['get', 'list', 'watch'];
const WORKER_KINDS = [
  'workersliceconfigs',
  'workerslicegateways',
  'workerserviceimports',
];
const USER_KINDS = [
  'clusters',
  'sliceconfigs',
  'sliceqosconfigs',
  'serviceexportconfigs',
];
const status = (kinds: string[]) => kinds.map(k => `${k}/status`);

export function readOnlyRules(namespace: string): PolicyRule[] {
  return [
    {
      apiGroups: [CONTROLLER],
      resources: USER_KINDS,
      verbs: READ,
      namespaces: [namespace],
    },
    {
      apiGroups: [WORKER],
      resources: WORKER_KINDS,
      verbs: READ,
      namespaces: [namespace],
    },
    {
      apiGroups: [CONTROLLER, WORKER],
      resources: status([...USER_KINDS, ...WORKER_KINDS]),
      verbs: ['get'],
      namespaces: [namespace],
    },
    {
      apiGroups: [''],
      resources: ['secrets', 'events'],
      verbs: READ,
      namespaces: [namespace],
    },
  ];
}

export function readWriteRules(namespace: string): PolicyRule[] {
  return [
    {
      apiGroups: [CONTROLLER],
      resources: USER_KINDS,
      verbs: ['create', 'delete', 'update', 'patch', ...READ],
      namespaces: [namespace],
    },
    {
      apiGroups: [WORKER],
      resources: WORKER_KINDS,
      verbs: READ,
      namespaces: [namespace],
    },
    {
      apiGroups: [CONTROLLER, WORKER],
      resources: status([...USER_KINDS, ...WORKER_KINDS]),
      verbs: ['update', 'patch', 'get'],
      namespaces: [namespace],
    },
    {
      apiGroups: [''],
      resources: ['secrets', 'events'],
      verbs: READ,
      namespaces: [namespace],
    },
  ];
}

export function workerClusterRules(namespace: string): PolicyRule[] {
  const managed = ['clusters', 'vpnkeyrotations', ...WORKER_KINDS];
  return [
    {
      apiGroups: [CONTROLLER, WORKER],
      resources: ['serviceexportconfigs', 'workerslicegwrecyclers'],
      verbs: ['create', 'delete', 'update', 'patch', ...READ],
      namespaces: [namespace],
    },
    {
      apiGroups: [CONTROLLER, WORKER],
      resources: [...managed, ...status(managed)],
      verbs: ['update', 'patch', ...READ],
      namespaces: [namespace],
    },
    {
      apiGroups: [''],
      resources: ['secrets'],
      verbs: [...READ, 'create', 'update', 'patch'],
      namespaces: [namespace],
    },
    {
      apiGroups: [''],
      resources: ['events'],
      verbs: ['create', 'patch'],
      namespaces: [namespace],
    },
  ];
}
