import { META } from './names';
import {
  API_VERSION,
  KIND,
  bool,
  int,
  refProp,
  str,
  stringMap,
  strings,
  time,
  type Schema,
} from './schemaBuilders';

export type { Schema };
export { refProp };

/**
 * The `meta/v1` definitions every group's OpenAPI document refers to
 * (ObjectMeta, ListMeta, Status, Patch, DeleteOptions, WatchEvent, …), as
 * OpenAPI v3 schemas. Descriptions are short; the structure — field names,
 * types, formats, required fields — is the API server's.
 */

const OBJECT_META: Schema = {
  description:
    'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.',
  type: 'object',
  properties: {
    annotations: stringMap(
      'Annotations is an unstructured key value map stored with a resource.',
    ),
    creationTimestamp: time(
      'CreationTimestamp is a timestamp representing the server time when this object was created.',
    ),
    deletionGracePeriodSeconds: int(
      'int64',
      'Number of seconds allowed for this object to gracefully terminate.',
    ),
    deletionTimestamp: time(
      'DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted.',
    ),
    finalizers: {
      ...strings(
        'Must be empty before the object is deleted from the registry.',
      ),
      'x-kubernetes-list-type': 'set',
      'x-kubernetes-patch-strategy': 'merge',
    },
    generateName: str(
      'An optional prefix used by the server to generate a unique name.',
    ),
    generation: int(
      'int64',
      'A sequence number representing a specific generation of the desired state.',
    ),
    labels: stringMap(
      'Map of string keys and values that can be used to organize and categorize objects.',
    ),
    managedFields: {
      type: 'array',
      description:
        'ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow.',
      items: { ...refProp(`${META}.ManagedFieldsEntry`), default: {} },
    },
    name: str('Name must be unique within a namespace.'),
    namespace: str(
      'Namespace defines the space within which each name must be unique.',
    ),
    ownerReferences: {
      type: 'array',
      description:
        'List of objects depended by this object. If ALL objects in the list have been deleted, this object will be garbage collected.',
      items: { ...refProp(`${META}.OwnerReference`), default: {} },
      'x-kubernetes-list-map-keys': ['uid'],
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-patch-merge-key': 'uid',
      'x-kubernetes-patch-strategy': 'merge',
    },
    resourceVersion: str(
      'An opaque value that represents the internal version of this object.',
    ),
    selfLink: str('Deprecated: selfLink is a legacy read-only field.'),
    uid: str('UID is the unique in time and space value for this object.'),
  },
};

const STATUS: Schema = {
  description:
    'Status is a return value for calls that do not return other objects.',
  type: 'object',
  properties: {
    apiVersion: API_VERSION,
    code: int('int32', 'Suggested HTTP return code for this status.'),
    details: {
      ...refProp(`${META}.StatusDetails`),
      'x-kubernetes-list-type': 'atomic',
    },
    kind: KIND,
    message: str(
      'A human-readable description of the status of this operation.',
    ),
    metadata: { ...refProp(`${META}.ListMeta`), default: {} },
    reason: str(
      'A machine-readable description of why this operation is in the "Failure" status.',
    ),
    status: str('Status of the operation. One of: "Success" or "Failure".'),
  },
  'x-kubernetes-group-version-kind': [
    { group: '', kind: 'Status', version: 'v1' },
  ],
};

const DELETE_OPTIONS: Schema = {
  description: 'DeleteOptions may be provided when deleting an API object.',
  type: 'object',
  properties: {
    apiVersion: API_VERSION,
    dryRun: {
      ...strings(
        'When present, indicates that modifications should not be persisted.',
      ),
      'x-kubernetes-list-type': 'atomic',
    },
    gracePeriodSeconds: int(
      'int64',
      'The duration in seconds before the object should be deleted.',
    ),
    kind: KIND,
    orphanDependents: bool('Deprecated: please use the PropagationPolicy.'),
    preconditions: refProp(
      `${META}.Preconditions`,
      'Must be fulfilled before a deletion is carried out.',
    ),
    propagationPolicy: str(
      'Whether and how garbage collection will be performed: Orphan, Background or Foreground.',
    ),
  },
  'x-kubernetes-group-version-kind': [
    { group: '', kind: 'DeleteOptions', version: 'v1' },
  ],
};

/** Every meta/v1 definition, by its full name. */
export const META_SCHEMAS: Record<string, Schema> = {
  [`${META}.ObjectMeta`]: OBJECT_META,
  [`${META}.ListMeta`]: {
    description:
      'ListMeta describes metadata that synthetic resources must have, including lists and various status objects.',
    type: 'object',
    properties: {
      continue: str('Set if the user should query for more results.'),
      remainingItemCount: int(
        'int64',
        'The number of subsequent items in the list which are not included in this list response.',
      ),
      resourceVersion: str(
        'The version of the list, for watches and consistency.',
      ),
      selfLink: str('Deprecated: selfLink is a legacy read-only field.'),
    },
  },
  [`${META}.Time`]: {
    description:
      'Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON.',
    type: 'string',
    format: 'date-time',
  },
  [`${META}.MicroTime`]: {
    description:
      'MicroTime is version of Time with microsecond level precision.',
    type: 'string',
    format: 'date-time',
  },
  [`${META}.FieldsV1`]: {
    description:
      'FieldsV1 stores a set of fields in a data structure like a Trie, in JSON format.',
    type: 'object',
  },
  [`${META}.ManagedFieldsEntry`]: {
    description:
      'ManagedFieldsEntry is a workflow-id, a FieldSet and the group version of the resource that the fieldset applies to.',
    type: 'object',
    properties: {
      apiVersion: str('The version of the resource this field set applies to.'),
      fieldsType: str('The only valid value is "FieldsV1".'),
      fieldsV1: refProp(`${META}.FieldsV1`, 'The set of fields.'),
      manager: str('The identifier of the workflow managing these fields.'),
      operation: str(
        'The type of operation which lead to this entry: Apply or Update.',
      ),
      subresource: str('The subresource used to update the object.'),
      time: time('The timestamp of when the entry was last changed.'),
    },
  },
  [`${META}.OwnerReference`]: {
    description:
      'OwnerReference contains enough information to let you identify an owning object.',
    type: 'object',
    required: ['apiVersion', 'kind', 'name', 'uid'],
    properties: {
      apiVersion: { ...str('API version of the referent.'), default: '' },
      blockOwnerDeletion: bool(
        'If true, the owner cannot be deleted from the key-value store until this reference is removed.',
      ),
      controller: bool(
        'If true, this reference points to the managing controller.',
      ),
      kind: { ...str('Kind of the referent.'), default: '' },
      name: { ...str('Name of the referent.'), default: '' },
      uid: { ...str('UID of the referent.'), default: '' },
    },
    'x-kubernetes-map-type': 'atomic',
  },
  [`${META}.Preconditions`]: {
    description:
      'Preconditions must be fulfilled before an operation (update, delete, etc.) is carried out.',
    type: 'object',
    properties: {
      resourceVersion: str('Specifies the target ResourceVersion'),
      uid: str('Specifies the target UID.'),
    },
  },
  [`${META}.Status`]: STATUS,
  [`${META}.StatusDetails`]: {
    description:
      'StatusDetails is a set of additional properties that MAY be set by the server to provide additional information about a response.',
    type: 'object',
    properties: {
      causes: {
        type: 'array',
        items: { ...refProp(`${META}.StatusCause`), default: {} },
        'x-kubernetes-list-type': 'atomic',
      },
      group: str(
        'The group attribute of the resource associated with the status StatusReason.',
      ),
      kind: str(
        'The kind attribute of the resource associated with the status StatusReason.',
      ),
      name: str(
        'The name attribute of the resource associated with the status StatusReason.',
      ),
      retryAfterSeconds: int(
        'int32',
        'If specified, the time in seconds before the operation should be retried.',
      ),
      uid: str('UID of the resource.'),
    },
  },
  [`${META}.StatusCause`]: {
    description:
      'StatusCause provides more information about an api.Status failure.',
    type: 'object',
    properties: {
      field: str('The field of the resource that has caused this error.'),
      message: str('A human-readable description of the cause of the error.'),
      reason: str('A machine-readable description of the cause of the error.'),
    },
  },
  [`${META}.DeleteOptions`]: DELETE_OPTIONS,
  [`${META}.Patch`]: {
    description:
      'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.',
    type: 'object',
  },
  [`${META}.WatchEvent`]: {
    description: 'Event represents a single event to a watched resource.',
    type: 'object',
    required: ['type', 'object'],
    properties: {
      object: refProp(
        'io.k8s.apimachinery.pkg.runtime.RawExtension',
        'The object: the object that changed, or a Status for ERROR events.',
      ),
      type: { ...str(), default: '' },
    },
    'x-kubernetes-group-version-kind': [
      { group: '', kind: 'WatchEvent', version: 'v1' },
    ],
  },
  'io.k8s.apimachinery.pkg.runtime.RawExtension': {
    description:
      'RawExtension is used to hold extensions in external versions.',
    type: 'object',
  },
};
