import { clone } from '../api/types';
import type { ResourceType } from '../api/resources';
import { BUILT_IN_SCHEMAS } from './coreSchemas';
import { META_SCHEMAS, refProp, type Schema } from './metaSchemas';
import { META, definitionName, isBuiltIn } from './names';

/**
 * The definitions (OpenAPI v3 `components.schemas`) of the kinds a cluster
 * serves: a CRD's `openAPIV3Schema` as kube-apiserver publishes it
 * (`metadata` as a reference to ObjectMeta, the
 * `x-kubernetes-group-version-kind` extension, a `<Kind>List`), the
 * built-in kinds from coreSchemas.ts, and the meta/v1 types they refer to.
 */

export type { Schema };

const REF_PREFIX = '#/components/schemas/';

const gvk = (rt: ResourceType, kind: string) => [
  { group: rt.group, kind, version: rt.version },
];

function crdKindSchema(rt: ResourceType): Schema {
  const schema = clone(rt.schema) as Schema;
  schema.type ??= 'object';
  schema.properties = {
    ...schema.properties,
    metadata: refProp(
      `${META}.ObjectMeta`,
      "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
    ),
  };
  schema['x-kubernetes-group-version-kind'] = gvk(rt, rt.kind);
  return schema;
}

function listSchema(rt: ResourceType): Schema {
  return {
    description: `${rt.listKind} is a list of ${rt.kind}`,
    type: 'object',
    required: ['items'],
    properties: {
      apiVersion: META_SCHEMAS[`${META}.Status`].properties.apiVersion,
      items: {
        type: 'array',
        description: `List of ${rt.plural}.`,
        items: refProp(definitionName(rt, rt.kind)),
      },
      kind: META_SCHEMAS[`${META}.Status`].properties.kind,
      metadata: {
        ...refProp(`${META}.ListMeta`, 'Standard list metadata.'),
        default: {},
      },
    },
    'x-kubernetes-group-version-kind': gvk(rt, rt.listKind),
  };
}

/** The schema of one kind (a CRD's, or the built-in one; undefined for a built-in kind without one). */
export function kindSchema(rt: ResourceType): Schema | undefined {
  return isBuiltIn(rt)
    ? BUILT_IN_SCHEMAS[definitionName(rt, rt.kind)]
    : crdKindSchema(rt);
}

function refsIn(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) value.forEach(v => refsIn(v, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(REF_PREFIX))
        out.add(v.slice(REF_PREFIX.length));
      else refsIn(v, out);
    }
}

/** The kinds' and list kinds' definitions plus everything they refer to, sorted by name. */
export function componentSchemas(
  types: ResourceType[],
): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  for (const rt of types) {
    const schema = kindSchema(rt);
    if (!schema) continue;
    out[definitionName(rt, rt.kind)] = schema;
    out[definitionName(rt, rt.listKind)] = listSchema(rt);
  }
  const pool = { ...META_SCHEMAS, ...BUILT_IN_SCHEMAS };
  // Always present, as every group's operations answer with them.
  const pending = [`${META}.Status`, `${META}.DeleteOptions`, `${META}.Patch`];
  const seen = new Set<string>();
  refsIn(out, seen);
  pending.push(...seen);
  while (pending.length) {
    const name = pending.pop()!;
    if (out[name] || !pool[name]) continue;
    out[name] = pool[name];
    const more = new Set<string>();
    refsIn(pool[name], more);
    pending.push(...more);
  }
  return Object.fromEntries(
    Object.keys(out)
      .sort()
      .map(k => [k, out[k]]),
  );
}

/** Inlines `$ref` and single-reference `allOf`s, for walking a schema against an object. */
function resolve(schema: Schema, depth = 0): Schema {
  if (depth > 32 || !schema || typeof schema !== 'object') return schema;
  let s = schema;
  const target =
    s.$ref ?? (s.allOf?.length === 1 ? s.allOf[0].$ref : undefined);
  if (typeof target === 'string' && target.startsWith(REF_PREFIX)) {
    const { $ref: _r, allOf: _a, ...rest } = s;
    const name = target.slice(REF_PREFIX.length);
    s = { ...(META_SCHEMAS[name] ?? BUILT_IN_SCHEMAS[name] ?? {}), ...rest };
  }
  const out: Schema = { ...s };
  if (s.properties)
    out.properties = Object.fromEntries(
      Object.entries(s.properties).map(([k, v]) => [
        k,
        resolve(v as Schema, depth + 1),
      ]),
    );
  if (s.items && typeof s.items === 'object')
    out.items = resolve(s.items, depth + 1);
  if (s.additionalProperties && typeof s.additionalProperties === 'object')
    out.additionalProperties = resolve(s.additionalProperties, depth + 1);
  return out;
}

const resolved = new WeakMap<ResourceType, Schema | null>();

/** The kind's full schema with every reference inlined (metadata included); cached per type. */
export function resolvedKindSchema(rt: ResourceType): Schema | undefined {
  let s = resolved.get(rt);
  if (s === undefined) {
    const schema = kindSchema(rt);
    s = schema ? resolve(schema) : null;
    resolved.set(rt, s);
  }
  return s ?? undefined;
}
