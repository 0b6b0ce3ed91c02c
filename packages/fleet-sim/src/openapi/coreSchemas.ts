import { META } from './names';
import { RBAC_SCHEMAS } from './rbacSchemas';
import {
  kindSchema,
  listOf,
  open,
  refProp,
  str,
  stringMap,
  strings,
  type Schema,
} from './schemaBuilders';

/**
 * OpenAPI v3 schemas of the built-in kinds the simulator serves (core/v1;
 * rbac/v1 in rbacSchemas.ts), written out since there is no CRD for them. Kinds with
 * small, stable shapes (ConfigMap, Secret, Namespace, ServiceAccount, Event,
 * Role, RoleBinding) are complete at the top level; Pod and Service keep
 * `spec`/`status` open (`x-kubernetes-preserve-unknown-fields`), so the
 * simulator never drops or rejects a field of theirs it does not model.
 */

const CORE = 'io.k8s.api.core.v1';

const core = (
  kind: string,
  description: string,
  properties: Record<string, Schema>,
  required?: string[],
) =>
  kindSchema({
    group: '',
    version: 'v1',
    kind,
    description,
    properties,
    required,
  });

const OBJECT_REFERENCE: Schema = {
  description:
    'ObjectReference contains enough information to let you inspect or modify the referred object.',
  type: 'object',
  properties: {
    apiVersion: str('API version of the referent.'),
    fieldPath: str(
      'If referring to a piece of an object instead of an entire object, the path to it.',
    ),
    kind: str('Kind of the referent.'),
    name: str('Name of the referent.'),
    namespace: str('Namespace of the referent.'),
    resourceVersion: str(
      'Specific resourceVersion to which this reference is made, if any.',
    ),
    uid: str('UID of the referent.'),
  },
  'x-kubernetes-map-type': 'atomic',
};

/** Every built-in definition, by its full name (`io.k8s.api.core.v1.Secret`). */
export const BUILT_IN_SCHEMAS: Record<string, Schema> = {
  [`${CORE}.Namespace`]: core(
    'Namespace',
    'Namespace provides a scope for Names.',
    {
      spec: {
        ...refProp(
          `${CORE}.NamespaceSpec`,
          'Spec defines the behavior of the Namespace.',
        ),
        default: {},
      },
      status: {
        ...refProp(
          `${CORE}.NamespaceStatus`,
          'Status describes the current status of a Namespace.',
        ),
        default: {},
      },
    },
  ),
  [`${CORE}.NamespaceSpec`]: {
    description: 'NamespaceSpec describes the attributes on a Namespace.',
    type: 'object',
    properties: {
      finalizers: {
        ...strings(
          'Finalizers is an opaque list of values that must be empty to permanently remove object from storage.',
        ),
        'x-kubernetes-list-type': 'atomic',
      },
    },
  },
  [`${CORE}.NamespaceStatus`]: {
    description:
      'NamespaceStatus is information about the current status of a Namespace.',
    type: 'object',
    properties: {
      conditions: {
        type: 'array',
        items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        'x-kubernetes-list-map-keys': ['type'],
        'x-kubernetes-list-type': 'map',
      },
      phase: {
        ...str('Phase is the current lifecycle phase of the namespace.'),
        enum: ['Active', 'Terminating'],
      },
    },
  },
  [`${CORE}.ConfigMap`]: core(
    'ConfigMap',
    'ConfigMap holds configuration data for pods to consume.',
    {
      binaryData: {
        type: 'object',
        description: 'BinaryData contains the binary data.',
        additionalProperties: { type: 'string', format: 'byte' },
      },
      data: stringMap('Data contains the configuration data.'),
      immutable: {
        type: 'boolean',
        description:
          'If set to true, ensures that data stored in the ConfigMap cannot be updated.',
      },
    },
  ),
  [`${CORE}.Secret`]: core(
    'Secret',
    'Secret holds secret data of a certain type.',
    {
      data: {
        type: 'object',
        description: 'Data contains the secret data, base64 encoded.',
        additionalProperties: { type: 'string', format: 'byte' },
      },
      immutable: {
        type: 'boolean',
        description:
          'If set to true, ensures that data stored in the Secret cannot be updated.',
      },
      stringData: stringMap(
        'stringData allows specifying non-binary secret data in string form.',
      ),
      type: str('Used to facilitate programmatic handling of secret data.'),
    },
  ),
  [`${CORE}.ServiceAccount`]: core(
    'ServiceAccount',
    'ServiceAccount binds together a name, a principal that can be authenticated and authorized, and a set of secrets.',
    {
      automountServiceAccountToken: {
        type: 'boolean',
        description:
          'Whether pods running as this service account should have an API token automatically mounted.',
      },
      imagePullSecrets: listOf(
        `${CORE}.LocalObjectReference`,
        'References to secrets in the same namespace to use for pulling images.',
      ),
      secrets: {
        type: 'array',
        description:
          'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.',
        items: { ...refProp(`${CORE}.ObjectReference`), default: {} },
        'x-kubernetes-patch-merge-key': 'name',
        'x-kubernetes-patch-strategy': 'merge',
      },
    },
  ),
  [`${CORE}.LocalObjectReference`]: {
    description:
      'LocalObjectReference contains enough information to let you locate the referenced object inside the same namespace.',
    type: 'object',
    properties: { name: { ...str('Name of the referent.'), default: '' } },
    'x-kubernetes-map-type': 'atomic',
  },
  [`${CORE}.ObjectReference`]: OBJECT_REFERENCE,
  [`${CORE}.Event`]: core(
    'Event',
    'Event is a report of an event somewhere in the cluster.',
    {
      action: str(
        'What action was taken/failed regarding to the Regarding object.',
      ),
      count: {
        type: 'integer',
        format: 'int32',
        description: 'The number of times this event has occurred.',
      },
      eventTime: refProp(
        `${META}.MicroTime`,
        'Time when this Event was first observed.',
      ),
      firstTimestamp: refProp(
        `${META}.Time`,
        'The time at which the event was first recorded.',
      ),
      involvedObject: {
        ...refProp(
          `${CORE}.ObjectReference`,
          'The object that this event is about.',
        ),
        default: {},
      },
      lastTimestamp: refProp(
        `${META}.Time`,
        'The time at which the most recent occurrence of this event was recorded.',
      ),
      message: str(
        'A human-readable description of the status of this operation.',
      ),
      reason: str(
        "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
      ),
      related: refProp(
        `${CORE}.ObjectReference`,
        'Optional secondary object for more complex actions.',
      ),
      reportingComponent: {
        ...str('Name of the controller that emitted this Event.'),
        default: '',
      },
      reportingInstance: {
        ...str('ID of the controller instance.'),
        default: '',
      },
      series: refProp(
        `${CORE}.EventSeries`,
        'Data about the Event series this event represents.',
      ),
      source: {
        ...refProp(
          `${CORE}.EventSource`,
          'The component reporting this event.',
        ),
        default: {},
      },
      type: str('Type of this event (Normal, Warning).'),
    },
    ['metadata', 'involvedObject'],
  ),
  [`${CORE}.EventSeries`]: {
    description: 'EventSeries contain information on series of events.',
    type: 'object',
    properties: {
      count: {
        type: 'integer',
        format: 'int32',
        description:
          'Number of occurrences in this series up to the last heartbeat time.',
      },
      lastObservedTime: refProp(
        `${META}.MicroTime`,
        'Time of the last occurrence observed.',
      ),
    },
  },
  [`${CORE}.EventSource`]: {
    description: 'EventSource contains information for an event.',
    type: 'object',
    properties: {
      component: str('Component from which the event is generated.'),
      host: str('Node name on which the event is generated.'),
    },
  },
  [`${CORE}.Pod`]: core(
    'Pod',
    'Pod is a collection of containers that can run on a host.',
    {
      spec: open('Specification of the desired behavior of the pod.'),
      status: open('Most recently observed status of the pod.'),
    },
  ),
  [`${CORE}.Service`]: core(
    'Service',
    'Service is a named abstraction of software service.',
    {
      spec: open('Spec defines the behavior of a service.'),
      status: open('Most recently observed status of the service.'),
    },
  ),
  ...RBAC_SCHEMAS,
};
