import { ApiError } from '../api/errors';
import {
  ADMIN_RULES,
  forbiddenMessage,
  isAllowed,
  type Identity,
  type PolicyRule,
  type RequestAttributes,
  type TokenRegistry,
} from './auth';
import type { VirtualCluster } from './VirtualCluster';

/**
 * User impersonation, as kube-apiserver's impersonation filter does it:
 * `Impersonate-User`, `Impersonate-Group` (repeatable), `Impersonate-Uid`
 * and `Impersonate-Extra-<key>` headers. The caller needs the `impersonate`
 * verb on `users` (or `serviceaccounts` in the account's namespace for
 * `system:serviceaccount:<ns>:<name>`), `groups`, `uids` and
 * `userextras/<key>` (group `authentication.k8s.io` for the last two); the
 * request then runs as the impersonated user, whose rules are those of the
 * simulator's identities with that name (its tokens), of the RoleBindings
 * in the cluster naming the user, a group or the service account, and
 * everything for the group `system:masters`.
 */

const SA_PREFIX = 'system:serviceaccount:';
const AUTH_GROUP = 'authentication.k8s.io';

export interface ImpersonationContext {
  /** `req.headersDistinct`: repeated headers stay separate values. */
  headers: Record<string, string[] | undefined>;
  caller: Identity;
  cluster: VirtualCluster;
  /** Server-wide tokens (the admin token). */
  serverTokens: TokenRegistry;
}

function serviceAccountOf(username: string) {
  if (!username.startsWith(SA_PREFIX)) return undefined;
  const [namespace, name] = username.slice(SA_PREFIX.length).split(':');
  return namespace && name ? { namespace, name } : undefined;
}

function authorize(caller: Identity, attrs: RequestAttributes): void {
  if (isAllowed(caller, attrs)) return;
  throw ApiError.forbidden(
    forbiddenMessage(caller, attrs),
    { plural: attrs.resource, group: attrs.apiGroup },
    attrs.name,
  );
}

const impersonate = (
  resource: string,
  name: string,
  more: Partial<RequestAttributes> = {},
): RequestAttributes => ({
  verb: 'impersonate',
  apiGroup: '',
  resource,
  name,
  ...more,
});

/** Rules the cluster's RoleBindings grant a user, its groups or its service account. */
function boundRules(cluster: VirtualCluster, user: Identity): PolicyRule[] {
  const group = 'rbac.authorization.k8s.io';
  const bindings = cluster.registry.lookup(group, 'v1', 'rolebindings');
  const roles = cluster.registry.lookup(group, 'v1', 'roles');
  if (!bindings || !roles) return [];
  const sa = serviceAccountOf(user.username);
  const out: PolicyRule[] = [];
  for (const b of cluster.store.listShared(bindings) as any[]) {
    const ns = b.metadata.namespace as string;
    const matches = (b.subjects ?? []).some(
      (s: any) =>
        (s.kind === 'User' && s.name === user.username) ||
        (s.kind === 'Group' && user.groups.includes(s.name)) ||
        (s.kind === 'ServiceAccount' &&
          sa !== undefined &&
          sa.name === s.name &&
          sa.namespace === (s.namespace ?? ns)),
    );
    if (!matches || b.roleRef?.kind !== 'Role') continue;
    const role = cluster.store.get(roles, ns, b.roleRef.name) as any;
    for (const r of role?.rules ?? [])
      out.push({
        apiGroups: r.apiGroups ?? [],
        resources: r.resources ?? [],
        verbs: r.verbs ?? [],
        ...(r.resourceNames?.length ? { resourceNames: r.resourceNames } : {}),
        namespaces: [ns],
      });
  }
  return out;
}

/** The identity a request runs as: the caller's, or the impersonated one after the checks. */
export function impersonatedIdentity(ctx: ImpersonationContext): Identity {
  const one = (h: string) => ctx.headers[h]?.[0];
  const username = one('impersonate-user');
  const groups = ctx.headers['impersonate-group'] ?? [];
  const uid = one('impersonate-uid');
  const extra: Record<string, string[]> = {};
  for (const [h, values] of Object.entries(ctx.headers))
    if (h.startsWith('impersonate-extra-') && values)
      extra[
        decodeURIComponent(h.slice('impersonate-extra-'.length)).toLowerCase()
      ] = values;
  const asked = groups.length || uid !== undefined || Object.keys(extra).length;
  if (username === undefined) {
    if (asked)
      throw ApiError.internal(
        'requested impersonation of groups, uid or extra fields without impersonating a user',
      );
    return ctx.caller;
  }

  const sa = serviceAccountOf(username);
  authorize(
    ctx.caller,
    sa
      ? impersonate('serviceaccounts', sa.name, { namespace: sa.namespace })
      : impersonate('users', username),
  );
  for (const g of groups) authorize(ctx.caller, impersonate('groups', g));
  if (uid !== undefined)
    authorize(ctx.caller, impersonate('uids', uid, { apiGroup: AUTH_GROUP }));
  for (const [key, values] of Object.entries(extra))
    for (const v of values)
      authorize(
        ctx.caller,
        impersonate('userextras', v, {
          apiGroup: AUTH_GROUP,
          subresource: key,
        }),
      );

  const allGroups = [...groups];
  if (sa && !groups.length)
    allGroups.push(
      'system:serviceaccounts',
      `system:serviceaccounts:${sa.namespace}`,
    );
  if (
    username !== 'system:anonymous' &&
    !allGroups.includes('system:authenticated') &&
    !allGroups.includes('system:unauthenticated')
  )
    allGroups.push('system:authenticated');
  const user: Identity = {
    username,
    groups: allGroups,
    rules: [],
    ...(uid !== undefined ? { uid } : {}),
    ...(Object.keys(extra).length ? { extra } : {}),
  };
  const known = [
    ...ctx.serverTokens.byUsername(username),
    ...ctx.cluster.tokens.byUsername(username),
  ];
  user.rules = [
    ...known.flatMap(i => i.rules),
    ...boundRules(ctx.cluster, user),
    ...(allGroups.includes('system:masters') ? ADMIN_RULES : []),
  ];
  return user;
}
