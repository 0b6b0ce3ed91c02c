/**
 * Parses the path below `/clusters/<name>` into what it addresses. Pure
 * function; the server decides what to do with the result.
 */

export type Route =
  | { type: 'root' }
  | { type: 'version' }
  | { type: 'health'; check: string }
  | { type: 'apiVersions' }
  | { type: 'apiGroupList' }
  | { type: 'apiGroup'; group: string }
  /** `/openapi/v2`, `/openapi/v3`, `/openapi/v3/apis/<group>/<version>`: `path` is below `/openapi/`. */
  | { type: 'openapi'; path: string }
  | { type: 'resourceList'; group: string; version: string }
  | {
      type: 'resource';
      group: string;
      version: string;
      plural: string;
      namespace?: string;
      name?: string;
      subresource?: string;
    }
  | { type: 'unknown' };

/** Subresources of a namespace object itself (`/api/v1/namespaces/<ns>/status`). */
const NAMESPACE_SUBRESOURCES = ['status', 'finalize'];

function resourceRoute(group: string, version: string, rest: string[]): Route {
  if (rest.length === 0) return { type: 'resourceList', group, version };
  if (
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    !(rest.length === 3 && NAMESPACE_SUBRESOURCES.includes(rest[2]))
  ) {
    if (rest.length > 5) return { type: 'unknown' };
    return {
      type: 'resource',
      group,
      version,
      namespace: rest[1],
      plural: rest[2],
      name: rest[3],
      subresource: rest[4],
    };
  }
  if (rest.length > 3) return { type: 'unknown' };
  return {
    type: 'resource',
    group,
    version,
    plural: rest[0],
    name: rest[1],
    subresource: rest[2],
  };
}

export function parseRoute(path: string): Route {
  const segments = path
    .split('/')
    .filter(s => s.length > 0)
    .map(decodeURIComponent);
  if (segments.length === 0) return { type: 'root' };
  const [head, ...rest] = segments;
  if (head === 'version' && rest.length === 0) return { type: 'version' };
  if (['healthz', 'livez', 'readyz'].includes(head) && rest.length <= 1)
    return { type: 'health', check: head };
  if (head === 'openapi' && rest.length > 0)
    return { type: 'openapi', path: rest.join('/') };
  if (head === 'api') {
    if (rest.length === 0) return { type: 'apiVersions' };
    return resourceRoute('', rest[0], rest.slice(1));
  }
  if (head === 'apis') {
    if (rest.length === 0) return { type: 'apiGroupList' };
    if (rest.length === 1) return { type: 'apiGroup', group: rest[0] };
    return resourceRoute(rest[0], rest[1], rest.slice(2));
  }
  return { type: 'unknown' };
}
