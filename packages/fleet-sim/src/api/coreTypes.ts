import { ALL_VERBS, type ResourceType } from './resources';
import { humanDuration } from './duration';
import type { KubeObject } from './types';

/**
 * Built-in (core/v1) resource types. There is no CRD for these, so their
 * discovery data and table columns are written out here, copied from what a
 * real API server (v1.31) advertises and prints.
 */

const nameColumn = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace.',
  value: (o: KubeObject) => o.metadata.name,
};

const age = {
  name: 'Age',
  type: 'string',
  description:
    'CreationTimestamp is a timestamp representing the server time when this object was created.',
  value: (o: KubeObject, now: Date) =>
    humanDuration(o.metadata.creationTimestamp, now),
};

function core(
  partial: Partial<ResourceType> &
    Pick<ResourceType, 'plural' | 'singular' | 'kind' | 'namespaced'>,
): ResourceType {
  return {
    group: '',
    version: 'v1',
    listKind: `${partial.kind}List`,
    shortNames: [],
    categories: [],
    verbs: ALL_VERBS,
    statusSubresource: false,
    selectableFields: [],
    ...partial,
    // Built-in printers start with Name, except where they place it themselves (events).
    printerColumns:
      partial.plural === 'events'
        ? partial.printerColumns!
        : [nameColumn, ...(partial.printerColumns ?? [age])],
    completeTable: true,
  };
}

export const NAMESPACES = core({
  plural: 'namespaces',
  singular: 'namespace',
  kind: 'Namespace',
  namespaced: false,
  shortNames: ['ns'],
  // Namespaces cannot be bulk-deleted on a real server either.
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  statusSubresource: true,
  selectableFields: ['status.phase'],
  printerColumns: [
    {
      name: 'Status',
      type: 'string',
      description: 'The status of the namespace',
      value: o => o.status?.phase ?? 'Active',
    },
    age,
  ],
});

export const PODS = core({
  plural: 'pods',
  singular: 'pod',
  kind: 'Pod',
  namespaced: true,
  shortNames: ['po'],
  categories: ['all'],
  statusSubresource: true,
  selectableFields: [
    'spec.nodeName',
    'spec.serviceAccountName',
    'status.phase',
    'status.podIP',
  ],
  printerColumns: [
    {
      name: 'Ready',
      type: 'string',
      description:
        'The aggregate readiness state of this pod for accepting traffic.',
      value: o => {
        const statuses: any[] = o.status?.containerStatuses ?? [];
        return `${statuses.filter(s => s.ready).length}/${
          o.spec?.containers?.length ?? statuses.length
        }`;
      },
    },
    {
      name: 'Status',
      type: 'string',
      description: 'The aggregate status of the containers in this pod.',
      value: o => {
        const waiting = (o.status?.containerStatuses ?? []).find(
          (s: any) => s.state?.waiting?.reason,
        );
        return waiting
          ? waiting.state.waiting.reason
          : o.status?.phase ?? 'Pending';
      },
    },
    {
      name: 'Restarts',
      type: 'string',
      description:
        'The number of times the containers in this pod have been restarted.',
      value: o =>
        String(
          (o.status?.containerStatuses ?? []).reduce(
            (n: number, s: any) => n + (s.restartCount ?? 0),
            0,
          ),
        ),
    },
    age,
    {
      name: 'IP',
      type: 'string',
      priority: 1,
      description: 'The IP address assigned to the pod',
      value: o => o.status?.podIP ?? '<none>',
    },
    {
      name: 'Node',
      type: 'string',
      priority: 1,
      description: 'The node the pod is scheduled on',
      value: o => o.spec?.nodeName ?? '<none>',
    },
  ],
});

export const SERVICES = core({
  plural: 'services',
  singular: 'service',
  kind: 'Service',
  namespaced: true,
  shortNames: ['svc'],
  categories: ['all'],
  statusSubresource: true,
  printerColumns: [
    {
      name: 'Type',
      type: 'string',
      description: 'The type of the service',
      value: o => o.spec?.type ?? 'ClusterIP',
    },
    {
      name: 'Cluster-IP',
      type: 'string',
      description: 'The cluster IP of the service',
      value: o => o.spec?.clusterIP ?? '<none>',
    },
    {
      name: 'External-IP',
      type: 'string',
      description: 'External IPs of the service',
      value: o =>
        (o.status?.loadBalancer?.ingress ?? [])
          .map((i: any) => i.ip)
          .join(',') || '<none>',
    },
    {
      name: 'Port(s)',
      type: 'string',
      description: 'The ports of the service',
      value: o =>
        (o.spec?.ports ?? [])
          .map(
            (p: any) =>
              `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${
                p.protocol ?? 'TCP'
              }`,
          )
          .join(',') || '<none>',
    },
    age,
  ],
});

export const EVENTS = core({
  plural: 'events',
  singular: 'event',
  kind: 'Event',
  namespaced: true,
  shortNames: ['ev'],
  selectableFields: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  printerColumns: [
    {
      name: 'Last Seen',
      type: 'string',
      description: 'Time since the event was last seen',
      value: (o, now) =>
        humanDuration(
          (o as any).lastTimestamp ?? o.metadata.creationTimestamp,
          now,
        ),
    },
    {
      name: 'Type',
      type: 'string',
      description: 'Normal or Warning',
      value: o => (o as any).type,
    },
    {
      name: 'Reason',
      type: 'string',
      description: 'Short reason for the event',
      value: o => (o as any).reason,
    },
    {
      name: 'Object',
      type: 'string',
      description: 'The object the event is about',
      value: o =>
        `${String((o as any).involvedObject?.kind ?? '').toLowerCase()}/${
          (o as any).involvedObject?.name ?? ''
        }`,
    },
    {
      name: 'Message',
      type: 'string',
      description: 'Human-readable description',
      value: o => (o as any).message,
    },
    { ...nameColumn, priority: 1 },
  ],
});

export const SECRETS = core({
  plural: 'secrets',
  singular: 'secret',
  kind: 'Secret',
  namespaced: true,
  selectableFields: ['type'],
  printerColumns: [
    {
      name: 'Type',
      type: 'string',
      description: 'The type of the secret',
      value: o => (o as any).type ?? 'Opaque',
    },
    {
      name: 'Data',
      type: 'string',
      description: 'The number of data entries',
      value: o => String(Object.keys((o as any).data ?? {}).length),
    },
    age,
  ],
});

export const SERVICE_ACCOUNTS = core({
  plural: 'serviceaccounts',
  singular: 'serviceaccount',
  kind: 'ServiceAccount',
  namespaced: true,
  shortNames: ['sa'],
  printerColumns: [
    {
      name: 'Secrets',
      type: 'string',
      description: 'The number of secrets',
      value: o => String(((o as any).secrets ?? []).length),
    },
    age,
  ],
});

export const CONFIG_MAPS = core({
  plural: 'configmaps',
  singular: 'configmap',
  kind: 'ConfigMap',
  namespaced: true,
  shortNames: ['cm'],
  printerColumns: [
    {
      name: 'Data',
      type: 'string',
      description: 'The number of data entries',
      value: o => String(Object.keys((o as any).data ?? {}).length),
    },
    age,
  ],
});

/** `rbac.authorization.k8s.io/v1` Roles: the KubeSlice controller creates three per project namespace. */
export const ROLES = core({
  group: 'rbac.authorization.k8s.io',
  plural: 'roles',
  singular: 'role',
  kind: 'Role',
  namespaced: true,
  printerColumns: [
    {
      name: 'Created At',
      type: 'string',
      format: 'date',
      description: 'CreationTimestamp of the role',
      value: o => o.metadata.creationTimestamp,
    },
  ],
});

export const ROLE_BINDINGS = core({
  group: 'rbac.authorization.k8s.io',
  plural: 'rolebindings',
  singular: 'rolebinding',
  kind: 'RoleBinding',
  namespaced: true,
  printerColumns: [
    {
      name: 'Role',
      type: 'string',
      description: 'The role the binding grants',
      value: o =>
        `${(o as any).roleRef?.kind ?? ''}/${(o as any).roleRef?.name ?? ''}`,
    },
    age,
  ],
});

export const CORE_TYPES: Record<string, ResourceType> = {
  namespaces: NAMESPACES,
  pods: PODS,
  services: SERVICES,
  events: EVENTS,
  secrets: SECRETS,
  serviceaccounts: SERVICE_ACCOUNTS,
  configmaps: CONFIG_MAPS,
  roles: ROLES,
  rolebindings: ROLE_BINDINGS,
};
