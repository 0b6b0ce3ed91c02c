import { ApiError } from '../api/errors';
import { apiVersionOf, type ResourceRegistry } from '../api/resources';
import type { Route } from './router';

/**
 * Discovery documents (`/version`, `/api`, `/apis`, `/apis/<g>/<v>`). kubectl
 * and client-node resolve kinds and short names from these, so they must list
 * every served type with its real scope, kind, verbs and short names.
 */

export const KUBERNETES_VERSION = {
  major: '1',
  minor: '31',
  gitVersion: 'v1.31.0',
};

export function versionInfo() {
  return {
    major: KUBERNETES_VERSION.major,
    minor: KUBERNETES_VERSION.minor,
    gitVersion: `${KUBERNETES_VERSION.gitVersion}+fleet-sim`,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-01-01T00:00:00Z',
    goVersion: 'go1.22.5',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export function apiVersions(serverAddress: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupDocument(name: string, versions: string[]) {
  const list = versions.map(version => ({
    groupVersion: `${name}/${version}`,
    version,
  }));
  return { name, versions: list, preferredVersion: list[0] };
}

export function apiGroupList(registry: ResourceRegistry) {
  const groups = [...registry.groups().entries()]
    .filter(([g]) => g !== '')
    .map(([g, versions]) => groupDocument(g, versions));
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

export function apiGroup(registry: ResourceRegistry, group: string) {
  const versions = registry.groups().get(group);
  if (!versions || group === '') return undefined;
  return {
    kind: 'APIGroup',
    apiVersion: 'v1',
    ...groupDocument(group, versions),
  };
}

export function apiResourceList(
  registry: ResourceRegistry,
  group: string,
  version: string,
) {
  const types = registry.inGroupVersion(group, version);
  if (types.length === 0) return undefined;
  const resources = types.flatMap(t => {
    const main = {
      name: t.plural,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: t.verbs,
      ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
      ...(t.categories.length ? { categories: t.categories } : {}),
    };
    if (!t.statusSubresource) return [main];
    return [
      main,
      {
        name: `${t.plural}/status`,
        singularName: '',
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: ['get', 'patch', 'update'],
      },
    ];
  });
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: apiVersionOf({ group, version }),
    resources,
  };
}

/**
 * The discovery document a route asks for (404 for an unknown group or
 * version), or undefined when the route is not a discovery path.
 */
export function discoveryDocument(
  route: Route,
  registry: ResourceRegistry,
  serverAddress: string,
): unknown {
  const found = <T>(doc: T | undefined): T => {
    if (doc === undefined) throw ApiError.pathNotFound();
    return doc;
  };
  switch (route.type) {
    case 'root':
      return {
        paths: [
          '/api',
          '/api/v1',
          '/apis',
          ...[...registry.groups().keys()]
            .filter(g => g)
            .map(g => `/apis/${g}`),
          '/healthz',
          '/openapi/v2',
          '/openapi/v3',
          '/version',
        ],
      };
    case 'apiVersions':
      return apiVersions(serverAddress);
    case 'apiGroupList':
      return apiGroupList(registry);
    case 'apiGroup':
      return found(apiGroup(registry, route.group));
    case 'resourceList':
      return found(apiResourceList(registry, route.group, route.version));
    default:
      return undefined;
  }
}
