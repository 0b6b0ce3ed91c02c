import type { ResourceRegistry } from '../api/resources';
import { KUBERNETES_VERSION } from '../server/discovery';
import {
  groupVersionPaths,
  type Operation,
  type Parameter,
} from './operations';
import { componentSchemas, type Schema } from './schemas';

/**
 * The Swagger 2.0 document of a cluster (`/openapi/v2`): the same paths and
 * definitions as the v3 documents, in one file, with the v3-only keywords
 * (`nullable`, `oneOf`, `anyOf`, `not`) dropped as kube-apiserver drops
 * them when it publishes CRD schemas in v2.
 */

const V3_ONLY = new Set(['nullable', 'oneOf', 'anyOf', 'not']);

/** A v3 schema in v2 terms: `#/definitions/` references, no v3-only keywords. */
export function toV2Schema(schema: unknown): any {
  if (Array.isArray(schema)) return schema.map(toV2Schema);
  if (!schema || typeof schema !== 'object') return schema;
  const s = schema as Schema;
  const out: Schema = {};
  const single =
    Array.isArray(s.allOf) && s.allOf.length === 1 && s.allOf[0].$ref;
  for (const [k, v] of Object.entries(s)) {
    if (V3_ONLY.has(k)) continue;
    if (k === 'allOf' && single) continue;
    if (k === '$ref' && typeof v === 'string')
      out.$ref = v.replace('#/components/schemas/', '#/definitions/');
    else if (k === 'properties' || k === 'x-kubernetes-group-version-kind')
      out[k] =
        k === 'properties'
          ? Object.fromEntries(
              Object.entries(v as Schema).map(([p, ps]) => [p, toV2Schema(ps)]),
            )
          : v;
    else if (k === 'enum' || k === 'default' || k === 'example') out[k] = v;
    else out[k] = toV2Schema(v);
  }
  if (single) out.$ref = toV2Schema(s.allOf[0]).$ref;
  return out;
}

function parameter(p: Parameter): Schema {
  return {
    name: p.name,
    in: p.in,
    description: p.description,
    ...(p.required ? { required: true } : {}),
    type: p.type,
    uniqueItems: true,
  };
}

const definitionRef = (name: string) => ({ $ref: `#/definitions/${name}` });

function operation(op: Operation): Schema {
  const parameters = [
    ...(op.body
      ? [
          {
            name: 'body',
            in: 'body',
            ...(op.method === 'delete' ? {} : { required: true }),
            schema: definitionRef(op.body.definition),
          },
        ]
      : []),
    ...op.parameters.map(parameter),
  ];
  return {
    description: op.description,
    ...(op.body ? { consumes: op.body.contentTypes ?? ['*/*'] } : {}),
    produces: ['application/json', 'application/yaml'],
    schemes: ['https'],
    tags: [`${op.rt.group || 'core'}_${op.rt.version}`],
    operationId: op.id,
    ...(parameters.length ? { parameters } : {}),
    responses: {
      ...Object.fromEntries(
        Object.entries(op.responses).map(([code, r]) => [
          code,
          {
            description: r.description,
            ...(r.definition ? { schema: definitionRef(r.definition) } : {}),
          },
        ]),
      ),
      '401': { description: 'Unauthorized' },
    },
    'x-kubernetes-action': op.action,
    'x-kubernetes-group-version-kind': {
      group: op.rt.group,
      kind: op.rt.kind,
      version: op.rt.version,
    },
  };
}

export function swaggerDocument(registry: ResourceRegistry): Schema {
  const types = registry.all();
  const paths: Record<string, Schema> = {};
  for (const item of groupVersionPaths(types)) {
    paths[item.path] = {
      ...Object.fromEntries(
        item.operations.map(op => [op.method, operation(op)]),
      ),
      parameters: item.parameters.map(parameter),
    };
  }
  const definitions = Object.fromEntries(
    Object.entries(componentSchemas(types)).map(([k, v]) => [k, toV2Schema(v)]),
  );
  return {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: KUBERNETES_VERSION.gitVersion },
    paths,
    definitions,
    securityDefinitions: {
      BearerToken: {
        description: 'Bearer Token authentication',
        type: 'apiKey',
        name: 'authorization',
        in: 'header',
      },
    },
    security: [{ BearerToken: [] }],
  };
}
