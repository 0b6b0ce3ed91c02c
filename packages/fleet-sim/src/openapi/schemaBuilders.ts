import { META } from './names';

/**
 * Small constructors for the hand-written OpenAPI v3 schemas (meta/v1 and
 * the built-in kinds), in the shapes kube-openapi emits.
 */

export type Schema = Record<string, any>;

const described = (description?: string) =>
  description ? { description } : {};

export const ref = (name: string): Schema => ({
  $ref: `#/components/schemas/${name}`,
});

/** A property holding another definition, written the way kube-openapi writes it. */
export const refProp = (name: string, description?: string): Schema => ({
  allOf: [ref(name)],
  ...described(description),
});

export const str = (description?: string): Schema => ({
  type: 'string',
  ...described(description),
});

export const int = (
  format: 'int32' | 'int64',
  description?: string,
): Schema => ({ type: 'integer', format, ...described(description) });

export const bool = (description?: string): Schema => ({
  type: 'boolean',
  ...described(description),
});

export const strings = (description?: string): Schema => ({
  type: 'array',
  items: { type: 'string', default: '' },
  ...described(description),
});

export const stringMap = (description?: string): Schema => ({
  type: 'object',
  additionalProperties: { type: 'string', default: '' },
  ...described(description),
});

export const time = (description: string): Schema =>
  refProp(`${META}.Time`, description);

/** An object whose fields the simulator does not model: nothing in it is dropped or rejected. */
export const open = (description: string): Schema => ({
  type: 'object',
  description,
  'x-kubernetes-preserve-unknown-fields': true,
});

export const listOf = (name: string, description: string): Schema => ({
  type: 'array',
  description,
  items: { ...refProp(name), default: {} },
  'x-kubernetes-list-type': 'atomic',
});

export const API_VERSION = str(
  'APIVersion defines the versioned schema of this representation of an object.',
);
export const KIND = str(
  'Kind is a string value representing the REST resource this object represents.',
);

/** A top-level kind: apiVersion, kind, metadata, its own properties and the GVK extension. */
export function kindSchema(options: {
  group: string;
  version: string;
  kind: string;
  description: string;
  properties: Record<string, Schema>;
  required?: string[];
}): Schema {
  return {
    description: options.description,
    type: 'object',
    ...(options.required ? { required: options.required } : {}),
    properties: {
      apiVersion: API_VERSION,
      kind: KIND,
      metadata: {
        ...refProp(`${META}.ObjectMeta`, "Standard object's metadata."),
        default: {},
      },
      ...options.properties,
    },
    'x-kubernetes-group-version-kind': [
      { group: options.group, kind: options.kind, version: options.version },
    ],
  };
}
