import type { IncomingHttpHeaders } from 'node:http';

/**
 * Authentication (bearer token → identity) and authorization (identity's
 * RBAC-style rules → allowed?).
 *
 * The model follows Kubernetes RBAC so scenarios can later express the real
 * KubeSlice roles (`kubeslice-read-only`, `kubeslice-read-write`, the worker
 * and dashboard accounts) as plain data.
 */

export interface PolicyRule {
  /** `''` is the core group; `'*'` matches any group. */
  apiGroups: string[];
  /** Plural names, optionally with a subresource (`sliceconfigs/status`); `'*'` matches all. */
  resources: string[];
  verbs: string[];
  /** Restricts the rule to these namespaces (a RoleBinding); absent = cluster-wide (a ClusterRoleBinding). */
  namespaces?: string[];
  resourceNames?: string[];
}

export interface Identity {
  username: string;
  groups: string[];
  rules: PolicyRule[];
  /** Set by impersonation (`Impersonate-Uid`, `Impersonate-Extra-*`). */
  uid?: string;
  extra?: Record<string, string[]>;
}

export interface RequestAttributes {
  verb: string;
  apiGroup: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export const ADMIN_RULES: PolicyRule[] = [
  { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
];

export const READ_EVERYTHING_RULES: PolicyRule[] = [
  { apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
];

function matches(list: string[] | undefined, value: string): boolean {
  return !list || list.includes('*') || list.includes(value);
}

export function isAllowed(
  identity: Identity,
  attrs: RequestAttributes,
): boolean {
  const resource = attrs.subresource
    ? `${attrs.resource}/${attrs.subresource}`
    : attrs.resource;
  return identity.rules.some(
    rule =>
      matches(rule.verbs, attrs.verb) &&
      matches(rule.apiGroups, attrs.apiGroup) &&
      // As in RBAC, `sliceconfigs` does not grant `sliceconfigs/status`; it must be listed.
      matches(rule.resources, resource) &&
      (!rule.namespaces ||
        (attrs.namespace !== undefined &&
          rule.namespaces.includes(attrs.namespace))) &&
      (!rule.resourceNames ||
        (attrs.name !== undefined && rule.resourceNames.includes(attrs.name))),
  );
}

/** The message a real API server puts in a 403 Status. */
export function forbiddenMessage(
  identity: Identity,
  attrs: RequestAttributes,
): string {
  const qualified = attrs.apiGroup
    ? `${attrs.resource}.${attrs.apiGroup}`
    : attrs.resource;
  const what = attrs.name ? `${qualified} "${attrs.name}"` : qualified;
  const resource = attrs.subresource
    ? `${attrs.resource}/${attrs.subresource}`
    : attrs.resource;
  const scope = attrs.namespace
    ? `in the namespace "${attrs.namespace}"`
    : 'at the cluster scope';
  return `${what} is forbidden: User "${identity.username}" cannot ${attrs.verb} resource "${resource}" in API group "${attrs.apiGroup}" ${scope}`;
}

export class TokenRegistry {
  private readonly tokens = new Map<string, Identity>();

  add(token: string, identity: Identity): void {
    this.tokens.set(token, identity);
  }

  remove(token: string): void {
    this.tokens.delete(token);
  }

  lookup(token: string): Identity | undefined {
    return this.tokens.get(token);
  }

  /** Every registered identity with this user name. */
  byUsername(username: string): Identity[] {
    return [...this.tokens.values()].filter(i => i.username === username);
  }
}

/** Extracts the bearer token, or undefined when the header is absent or malformed. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization;
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : undefined;
}
