import type { ResourceType } from '../api/resources';
import { META, definitionName, isBuiltIn, operationId } from './names';
import {
  DELETE_PARAMS,
  LIST_PARAMS,
  P,
  WRITE_PARAMS,
  pathParam,
  type Parameter,
} from './parameters';

export type { Parameter };

/**
 * The REST operations of each served kind, as the API server lays them out
 * in its OpenAPI documents (paths, `x-kubernetes-action`, parameters, body
 * and response types). Rendered as OpenAPI v3 (v3.ts) and Swagger 2.0 (v2.ts).
 */

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  id: string;
  description: string;
  action: string;
  rt: ResourceType;
  parameters: Parameter[];
  /** Definition name of the request body; `patch` bodies are `meta/v1 Patch` in the listed media types. */
  body?: { definition: string; contentTypes?: string[] };
  /** Status code → definition name of the answer (undefined: no body). */
  responses: Record<string, { description: string; definition?: string }>;
}

export interface PathItem {
  path: string;
  parameters: Parameter[];
  operations: Operation[];
}

export const PATCH_CONTENT_TYPES = [
  'application/apply-patch+yaml',
  'application/json-patch+json',
  'application/merge-patch+json',
];

const OK = 'OK';
const STATUS = `${META}.Status`;

function objectOperations(
  rt: ResourceType,
  namespaced: boolean,
  subresource?: 'status',
): Operation[] {
  const def = definitionName(rt, rt.kind);
  const suffix = subresource ? 'Status' : '';
  const id = (verb: string) => operationId(verb, rt, { namespaced, suffix });
  const what = subresource
    ? `status of the specified ${rt.kind}`
    : `the specified ${rt.kind}`;
  const ok = { '200': { description: OK, definition: def } };
  const written = { ...ok, '201': { description: 'Created', definition: def } };
  const patchTypes = isBuiltIn(rt)
    ? [...PATCH_CONTENT_TYPES, 'application/strategic-merge-patch+json']
    : PATCH_CONTENT_TYPES;
  const ops: Operation[] = [
    {
      method: 'get',
      id: id('read'),
      description: `read ${what}`,
      action: 'get',
      rt,
      parameters: [],
      responses: ok,
    },
    {
      method: 'put',
      id: id('replace'),
      description: `replace ${what}`,
      action: 'put',
      rt,
      parameters: WRITE_PARAMS,
      body: { definition: def },
      responses: written,
    },
    {
      method: 'patch',
      id: id('patch'),
      description: `partially update ${what}`,
      action: 'patch',
      rt,
      parameters: [...WRITE_PARAMS, P.force],
      body: { definition: `${META}.Patch`, contentTypes: patchTypes },
      responses: written,
    },
  ];
  if (!subresource && rt.verbs.includes('delete'))
    ops.push({
      method: 'delete',
      id: id('delete'),
      description: `delete ${what}`,
      action: 'delete',
      rt,
      parameters: DELETE_PARAMS,
      body: { definition: `${META}.DeleteOptions` },
      responses: {
        '200': { description: OK, definition: STATUS },
        '202': { description: 'Accepted', definition: STATUS },
      },
    });
  return ops;
}

function collectionOperations(
  rt: ResourceType,
  namespaced: boolean,
): Operation[] {
  const def = definitionName(rt, rt.kind);
  const id = (verb: string) => operationId(verb, rt, { namespaced });
  const ops: Operation[] = [
    {
      method: 'get',
      id: id('list'),
      description: `list or watch objects of kind ${rt.kind}`,
      action: 'list',
      rt,
      parameters: LIST_PARAMS,
      responses: {
        '200': { description: OK, definition: definitionName(rt, rt.listKind) },
      },
    },
    {
      method: 'post',
      id: id('create'),
      description: `create a ${rt.kind}`,
      action: 'post',
      rt,
      parameters: WRITE_PARAMS,
      body: { definition: def },
      responses: {
        '200': { description: OK, definition: def },
        '201': { description: 'Created', definition: def },
        '202': { description: 'Accepted', definition: def },
      },
    },
  ];
  if (rt.verbs.includes('deletecollection'))
    ops.push({
      method: 'delete',
      id: id('deletecollection'),
      description: `delete collection of ${rt.kind}`,
      action: 'deletecollection',
      rt,
      parameters: [
        ...LIST_PARAMS.filter(
          p => p.name !== 'watch' && p.name !== 'allowWatchBookmarks',
        ),
        ...DELETE_PARAMS,
      ],
      body: { definition: `${META}.DeleteOptions` },
      responses: { '200': { description: OK, definition: STATUS } },
    });
  return ops;
}

/** Every path of one group/version, sorted like the API server's documents. */
export function groupVersionPaths(types: ResourceType[]): PathItem[] {
  const items: PathItem[] = [];
  for (const rt of types) {
    const base = rt.group
      ? `/apis/${rt.group}/${rt.version}`
      : `/api/${rt.version}`;
    const ns = pathParam(
      'namespace',
      'object name and auth scope, such as for teams and projects',
    );
    const name = pathParam('name', `name of the ${rt.kind}`);
    const prefix = rt.namespaced
      ? `${base}/namespaces/{namespace}/${rt.plural}`
      : `${base}/${rt.plural}`;
    const scope = rt.namespaced ? [ns] : [];
    items.push({
      path: prefix,
      parameters: [...scope, P.pretty],
      operations: collectionOperations(rt, rt.namespaced),
    });
    items.push({
      path: `${prefix}/{name}`,
      parameters: [name, ...scope, P.pretty],
      operations: objectOperations(rt, rt.namespaced),
    });
    if (rt.statusSubresource)
      items.push({
        path: `${prefix}/{name}/status`,
        parameters: [name, ...scope, P.pretty],
        operations: objectOperations(rt, rt.namespaced, 'status'),
      });
    if (rt.namespaced)
      items.push({
        path: `${base}/${rt.plural}`,
        parameters: [P.pretty],
        operations: [
          {
            method: 'get',
            id: operationId('list', rt, { suffix: 'ForAllNamespaces' }),
            description: `list or watch objects of kind ${rt.kind}`,
            action: 'list',
            rt,
            parameters: LIST_PARAMS,
            responses: {
              '200': {
                description: OK,
                definition: definitionName(rt, rt.listKind),
              },
            },
          },
        ],
      });
  }
  return items.sort((a, b) => (a.path < b.path ? -1 : Number(a.path > b.path)));
}
