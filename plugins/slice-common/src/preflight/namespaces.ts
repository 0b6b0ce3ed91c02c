import type { SliceNamespaceSelection } from '../kube/objects';
import { SPEC_NS_PROFILE, strings, type SliceRuleContext } from './context';
import type { Findings } from './findings';

/**
 * `namespaceIsolationProfile` (REFERENCE §2.3, §6.2): application namespaces
 * are onboarded onto the slice, allowed namespaces only get traffic rights.
 * Both lists share the shape rules; only application namespaces are owned,
 * so only they are checked against other slices.
 */

/** What the webhook accepts as a namespace name. */
const WEBHOOK_NAMESPACE = /^[a-zA-Z0-9-]+$/;
/** What Kubernetes accepts as a namespace name (RFC 1123 label), which the worker must create. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Namespaces the worker never reports or manages (`EXCLUDED_NS`, REFERENCE
 * §2.2): onboarding one would label and isolate system workloads.
 */
export const RESERVED_NAMESPACES = [
  'kube-system',
  'default',
  'kubeslice-system',
  'kube-node-lease',
  'kube-public',
  'istio-system',
];

export function checkNamespaces(ctx: SliceRuleContext, out: Findings): void {
  const profile = ctx.slice.spec?.namespaceIsolationProfile;
  checkList(ctx, profile?.applicationNamespaces, 'applicationNamespaces', out);
  checkList(ctx, profile?.allowedNamespaces, 'allowedNamespaces', out);
}

function checkList(
  ctx: SliceRuleContext,
  list: SliceNamespaceSelection[] | undefined,
  kind: 'applicationNamespaces' | 'allowedNamespaces',
  out: Findings,
): void {
  if (!Array.isArray(list)) return;
  const seen = new Map<string, number>();
  list.forEach((entry, i) => {
    const at = `${SPEC_NS_PROFILE}.${kind}[${i}]`;
    const namespace = entry?.namespace;
    const clusters = strings(entry?.clusters);
    if (!namespace || clusters.length === 0) {
      out.error(
        at,
        'namespace.incomplete',
        'Give each namespace entry both a namespace and its clusters (member clusters, or "*" for all).',
      );
      return;
    }
    checkNamespaceName(namespace, `${at}.namespace`, kind, out);
    const first = seen.get(namespace);
    if (first !== undefined)
      out.error(
        `${at}.namespace`,
        'namespace.duplicate',
        `${namespace} is already listed in ${kind}[${first}]; merge the two entries.`,
      );
    else seen.set(namespace, i);
    checkBindingClusters(ctx, clusters, `${at}.clusters`, out);
    if (kind === 'applicationNamespaces')
      checkOwnership(ctx, namespace, clusters, `${at}.namespace`, out);
  });
}

function checkNamespaceName(
  namespace: string,
  path: string,
  kind: string,
  out: Findings,
): void {
  if (!WEBHOOK_NAMESPACE.test(namespace)) {
    out.error(
      path,
      'namespace.invalidName',
      `"${namespace}" is not a valid namespace name; use letters, digits and "-" only.`,
    );
    return;
  }
  // The webhook lets these through, but the worker cannot create such a namespace.
  if (namespace.length > 63 || !DNS_LABEL.test(namespace))
    out.warning(
      path,
      'namespace.notDnsLabel',
      `"${namespace}" is accepted by the hub, but Kubernetes namespace names are lower-case, at most 63 characters, and do not start or end with "-"; the worker will fail to onboard it.`,
    );
  if (
    kind === 'applicationNamespaces' &&
    RESERVED_NAMESPACES.includes(namespace)
  )
    out.warning(
      path,
      'namespace.reserved',
      `${namespace} is a system namespace the worker does not manage; onboarding it would label and isolate system workloads.`,
    );
}

function checkBindingClusters(
  ctx: SliceRuleContext,
  clusters: string[],
  path: string,
  out: Findings,
): void {
  const seen = new Set<string>();
  clusters.forEach((c, j) => {
    if (seen.has(c))
      out.error(
        `${path}[${j}]`,
        'namespace.clusterDuplicate',
        `${c} is listed twice for this namespace; list each cluster once.`,
      );
    seen.add(c);
    if (c === '*') return;
    if (!ctx.members.includes(c))
      out.error(
        `${path}[${j}]`,
        'namespace.clusterNotMember',
        `${c} is not a member of the slice; add it to spec.clusters or remove it here.`,
      );
  });
  if (clusters.includes('*') && clusters.length > 1)
    out.error(
      path,
      'namespace.starNotAlone',
      '"*" already means every member cluster; it must be the only entry.',
    );
  // REFERENCE lists this for application namespaces and says allowed
  // namespaces follow "the same rules", so both lists get it.
  if (ctx.isDefaultSlice && clusters.includes('*'))
    out.error(
      path,
      'namespace.starInDefaultSlice',
      'The default slice does not accept "*"; name the clusters explicitly.',
    );
}

/** `clusters: ["*"]` stands for every member (namespace sameness, REFERENCE §6.2). */
function expand(clusters: string[], members: string[]): string[] {
  return clusters.includes('*') ? members : clusters;
}

/**
 * One namespace belongs to at most one slice per cluster. The webhook reads
 * the worker's report (`Cluster.status.namespaces[].sliceName`); a claim by
 * another SliceConfig that the worker has not applied yet is only visible
 * here, and the controller would trip over it later, so that is a warning.
 */
function checkOwnership(
  ctx: SliceRuleContext,
  namespace: string,
  clusters: string[],
  path: string,
  out: Findings,
): void {
  const reported = new Set<string>();
  for (const c of expand(clusters, ctx.members)) {
    const owner = ctx.fleet.clusters
      .get(c)
      ?.status?.namespaces?.find(n => n.name === namespace)?.sliceName;
    if (!owner || owner === ctx.name) continue;
    reported.add(c);
    out.error(
      path,
      'namespace.boundToOtherSlice',
      `${namespace} on ${c} already belongs to slice ${owner}; offboard it there first or use another namespace.`,
    );
  }
  for (const other of ctx.fleet.otherSlices(ctx.name)) {
    const spec = other.spec ?? {};
    const otherMembers = strings(spec.clusters);
    for (const entry of spec.namespaceIsolationProfile?.applicationNamespaces ??
      []) {
      if (entry?.namespace !== namespace) continue;
      const theirs = expand(strings(entry.clusters), otherMembers);
      const shared = expand(clusters, ctx.members).filter(
        c => theirs.includes(c) && !reported.has(c),
      );
      if (shared.length)
        out.warning(
          path,
          'namespace.claimedByOtherSlice',
          `Slice ${
            other.metadata?.name
          } also lists ${namespace} on ${shared.join(
            ', ',
          )}; a namespace can be on one slice per cluster, so one of the two onboardings will fail.`,
        );
    }
  }
}
