import { createHash } from 'node:crypto';
import type { ResourceRegistry } from '../api/resources';
import { groupVersionPath } from './names';
import {
  groupVersionPaths,
  type Operation,
  type Parameter,
} from './operations';
import { componentSchemas, type Schema } from './schemas';

/**
 * OpenAPI v3 as kube-apiserver serves it: `/openapi/v3` lists one document
 * per group/version (`{ paths: { "apis/<g>/<v>": { serverRelativeURL } } }`,
 * the URL carrying a content hash), and each document has that group's
 * paths and `components.schemas`.
 */

const RESPONSE_TYPES = ['application/json', 'application/yaml'];

const schemaRef = (definition: string): Schema => ({
  $ref: `#/components/schemas/${definition}`,
});

function parameter(p: Parameter): Schema {
  return {
    name: p.name,
    in: p.in,
    description: p.description,
    ...(p.required ? { required: true } : {}),
    schema: { type: p.type, uniqueItems: true },
  };
}

function operation(op: Operation): Schema {
  const content = (types: string[], definition: string) =>
    Object.fromEntries(types.map(t => [t, { schema: schemaRef(definition) }]));
  return {
    tags: [`${op.rt.group || 'core'}_${op.rt.version}`],
    description: op.description,
    operationId: op.id,
    ...(op.parameters.length
      ? { parameters: op.parameters.map(parameter) }
      : {}),
    ...(op.body
      ? {
          requestBody: {
            content: content(
              op.body.contentTypes ?? ['*/*'],
              op.body.definition,
            ),
            ...(op.method === 'delete' ? {} : { required: true }),
          },
        }
      : {}),
    responses: {
      ...Object.fromEntries(
        Object.entries(op.responses).map(([code, r]) => [
          code,
          {
            description: r.description,
            ...(r.definition
              ? { content: content(RESPONSE_TYPES, r.definition) }
              : {}),
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

/** The v3 document of one group/version, or undefined when the cluster does not serve it. */
export function groupVersionDocument(
  registry: ResourceRegistry,
  group: string,
  version: string,
): Schema | undefined {
  const types = registry.inGroupVersion(group, version);
  if (!types.length) return undefined;
  const paths: Record<string, Schema> = {};
  for (const item of groupVersionPaths(types)) {
    paths[item.path] = {
      ...Object.fromEntries(
        item.operations.map(op => [op.method, operation(op)]),
      ),
      parameters: item.parameters.map(parameter),
    };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'unversioned' },
    paths,
    components: {
      schemas: componentSchemas(types),
      securitySchemes: {
        BearerToken: {
          type: 'apiKey',
          description: 'Bearer Token authentication',
          name: 'authorization',
          in: 'header',
        },
      },
    },
    security: [{ BearerToken: [] }],
  };
}

export interface V3Document {
  /** `apis/<group>/<version>` or `api/v1`. */
  key: string;
  json: string;
  /** Upper-case hex SHA-512 of `json`, like the API server's `hash=` parameter. */
  hash: string;
}

/** Every group/version document of a cluster, serialised once. */
export function v3Documents(
  registry: ResourceRegistry,
): Map<string, V3Document> {
  const out = new Map<string, V3Document>();
  for (const [group, versions] of registry.groups()) {
    for (const version of versions) {
      const doc = groupVersionDocument(registry, group, version);
      if (!doc) continue;
      const json = JSON.stringify(doc);
      const key = groupVersionPath(group, version);
      out.set(key, {
        key,
        json,
        hash: createHash('sha512').update(json).digest('hex').toUpperCase(),
      });
    }
  }
  return out;
}

/** The `/openapi/v3` discovery document. */
export function v3Discovery(documents: Map<string, V3Document>) {
  return {
    paths: Object.fromEntries(
      [...documents.values()].map(d => [
        d.key,
        { serverRelativeURL: `/openapi/v3/${d.key}?hash=${d.hash}` },
      ]),
    ),
  };
}
