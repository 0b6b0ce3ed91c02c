import {
  kindSchema,
  listOf,
  refProp,
  str,
  strings,
  type Schema,
} from './schemaBuilders';

/** OpenAPI v3 schemas of `rbac.authorization.k8s.io/v1` Role and RoleBinding. */

const RBAC = 'io.k8s.api.rbac.v1';

const rbacKind = (
  kind: string,
  description: string,
  properties: Record<string, Schema>,
  required?: string[],
) =>
  kindSchema({
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind,
    description,
    properties,
    required,
  });

export const RBAC_SCHEMAS: Record<string, Schema> = {
  [`${RBAC}.Role`]: rbacKind(
    'Role',
    'Role is a namespaced, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding.',
    {
      rules: listOf(
        `${RBAC}.PolicyRule`,
        'Rules holds all the PolicyRules for this Role',
      ),
    },
  ),
  [`${RBAC}.PolicyRule`]: {
    description: 'PolicyRule holds information that describes a policy rule.',
    type: 'object',
    required: ['verbs'],
    properties: {
      apiGroups: {
        ...strings('The name of the APIGroup that contains the resources.'),
        'x-kubernetes-list-type': 'atomic',
      },
      nonResourceURLs: {
        ...strings('A set of partial urls that a user should have access to.'),
        'x-kubernetes-list-type': 'atomic',
      },
      resourceNames: {
        ...strings('An optional white list of names that the rule applies to.'),
        'x-kubernetes-list-type': 'atomic',
      },
      resources: {
        ...strings('A list of resources this rule applies to.'),
        'x-kubernetes-list-type': 'atomic',
      },
      verbs: {
        ...strings(
          'A list of Verbs that apply to ALL the ResourceKinds contained in this rule.',
        ),
        'x-kubernetes-list-type': 'atomic',
      },
    },
  },
  [`${RBAC}.RoleBinding`]: rbacKind(
    'RoleBinding',
    'RoleBinding references a role, but does not contain it.',
    {
      roleRef: {
        ...refProp(
          `${RBAC}.RoleRef`,
          'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace.',
        ),
        default: {},
      },
      subjects: listOf(
        `${RBAC}.Subject`,
        'Subjects holds references to the objects the role applies to.',
      ),
    },
    ['roleRef'],
  ),
  [`${RBAC}.RoleRef`]: {
    description:
      'RoleRef contains information that points to the role being used',
    type: 'object',
    required: ['apiGroup', 'kind', 'name'],
    properties: {
      apiGroup: {
        ...str('APIGroup is the group for the resource being referenced'),
        default: '',
      },
      kind: {
        ...str('Kind is the type of resource being referenced'),
        default: '',
      },
      name: {
        ...str('Name is the name of resource being referenced'),
        default: '',
      },
    },
    'x-kubernetes-map-type': 'atomic',
  },
  [`${RBAC}.Subject`]: {
    description:
      'Subject contains a reference to the object or user identities a role binding applies to.',
    type: 'object',
    required: ['kind', 'name'],
    properties: {
      apiGroup: str('APIGroup holds the API group of the referenced subject.'),
      kind: {
        ...str(
          'Kind of object being referenced: "User", "Group" or "ServiceAccount".',
        ),
        default: '',
      },
      name: { ...str('Name of the object being referenced.'), default: '' },
      namespace: str('Namespace of the referenced object.'),
    },
    'x-kubernetes-map-type': 'atomic',
  },
};
