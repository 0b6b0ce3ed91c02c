import type http from 'node:http';
import { ApiError } from '../api/errors';
import { forbiddenMessage, isAllowed, type Identity } from './auth';
import { readBody } from './body';
import { deleteCollection, listObjects } from './list';
import { patchObject } from './patchObject';
import { deleteObject } from './deleteObject';
import {
  createObject,
  getObject,
  updateObject,
  type JsonResponse,
  type ResourceRequest,
} from './rest';
import type { Route } from './router';
import { wantsTable } from './table';
import type { VirtualCluster } from './VirtualCluster';
import { WatchStream } from './watch';

/**
 * One request to a resource URL: authorization of the verb, then watch or
 * one of the REST verbs, answered as JSON with `Warning` headers.
 */

export interface ResourceContext {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  url: URL;
  cluster: VirtualCluster;
  route: Extract<Route, { type: 'resource' }>;
  identity: Identity;
  bookmarkIntervalMs: number;
  maxBodyBytes: number;
  now: () => Date;
  /** Registers an open watch (the server ends them on close or cluster failure). */
  trackWatch: (stream: WatchStream) => () => void;
}

export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: http.OutgoingHttpHeaders = {},
): void {
  sendRawJson(res, status, JSON.stringify(body), headers);
}

export function sendRawJson(
  res: http.ServerResponse,
  status: number,
  text: string,
  headers: http.OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
    ...headers,
  });
  res.end(text);
}

/** `299 - "text"`, the API server's warning header (Go-quoted, ASCII only). */
export function warningHeader(text: string): string {
  const quoted = JSON.stringify(text).replace(
    /[^\x20-\x7e]/g,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `299 - ${quoted}`;
}

function verbFor(method: string, named: boolean, watch: boolean): string {
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (watch) return 'watch';
      return named ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return named ? 'delete' : 'deletecollection';
    default:
      throw ApiError.methodNotAllowed(method, 'this path');
  }
}

const HANDLERS: Record<string, (r: ResourceRequest) => JsonResponse> = {
  get: getObject,
  list: listObjects,
  create: createObject,
  update: updateObject,
  patch: patchObject,
  delete: deleteObject,
  deletecollection: deleteCollection,
};

export async function handleResource(ctx: ResourceContext): Promise<void> {
  const { req, res, cluster, route, identity } = ctx;
  const rt = cluster.registry.lookup(route.group, route.version, route.plural);
  if (!rt || (!rt.namespaced && route.namespace !== undefined))
    throw ApiError.pathNotFound();
  const query = ctx.url.searchParams;
  const watch = ['true', '1'].includes(query.get('watch') ?? '');
  const method = req.method ?? 'GET';
  const verb = verbFor(method, route.name !== undefined, watch);
  const attrs = {
    verb,
    apiGroup: rt.group,
    resource: rt.plural,
    subresource: route.subresource,
    namespace: route.namespace,
    name: route.name,
  };
  if (!isAllowed(identity, attrs))
    throw ApiError.forbidden(forbiddenMessage(identity, attrs), rt, route.name);

  if (verb === 'watch') {
    if (route.subresource) throw ApiError.pathNotFound();
    if (route.name) {
      // client-go turns a watch on a named object into a metadata.name field selector; do the same.
      const existing = query.get('fieldSelector');
      query.set(
        'fieldSelector',
        [existing, `metadata.name=${route.name}`].filter(Boolean).join(','),
      );
    }
    const stream = new WatchStream(res, {
      cluster,
      rt,
      namespace: route.namespace,
      query,
      asTable: wantsTable(req.headers.accept),
      bookmarkIntervalMs: ctx.bookmarkIntervalMs,
      now: ctx.now,
    });
    const untrack = ctx.trackWatch(stream);
    stream.onClose(untrack);
    try {
      stream.start();
    } catch (e) {
      untrack();
      throw e;
    }
    return;
  }

  const body = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)
    ? await readBody(req, { method, maxBytes: ctx.maxBodyBytes })
    : undefined;
  const warnings: string[] = [];
  const result = HANDLERS[verb]({
    cluster,
    rt,
    namespace: route.namespace,
    name: route.name,
    subresource: route.subresource,
    query,
    accept: req.headers.accept,
    contentType: req.headers['content-type'],
    userAgent: req.headers['user-agent'],
    body,
    now: ctx.now(),
    warnings,
  });
  const headers = warnings.length
    ? { Warning: warnings.map(warningHeader) }
    : undefined;
  if (result.raw !== undefined)
    sendRawJson(res, result.status, result.raw, headers);
  else sendJson(res, result.status, result.body, headers);
}
