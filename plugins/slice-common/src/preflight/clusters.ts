import type { ClusterObject } from '../kube/objects';
import { ipv4CidrsOverlap } from './cidr';
import type { SliceRuleContext } from './context';
import type { Findings } from './findings';

/**
 * Slice membership (REFERENCE §2.3 `spec.clusters`, `maxClusters`): each
 * member must be a registered, healthy Cluster of the project with gateway
 * node IPs, and for a network slice have NSM and known CNI subnets that do
 * not overlap the slice subnet.
 *
 * The webhook checks members when they join (all on create, added ones on
 * update); for a member already in the slice the same problem is reported
 * as a warning: the hub accepts the write, but the slice is degraded there.
 */
export function checkClusters(ctx: SliceRuleContext, out: Findings): void {
  const raw = ctx.slice.spec?.clusters;
  const seen = new Map<string, number>();
  (Array.isArray(raw) ? raw : []).forEach((name: unknown, i: number) => {
    const path = `spec.clusters[${i}]`;
    if (typeof name !== 'string') return; // reported by the schema rules
    const first = seen.get(name);
    if (first !== undefined) {
      out.error(
        path,
        'cluster.duplicate',
        `${name} is already listed as spec.clusters[${first}]; list each cluster once.`,
      );
      return;
    }
    seen.set(name, i);
    checkMember(ctx, name, path, out);
  });
  checkMaxClusters(ctx, out);
}

function checkMember(
  ctx: SliceRuleContext,
  name: string,
  path: string,
  out: Findings,
): void {
  const enforced = ctx.checkedMembers.has(name);
  const cluster = ctx.fleet.clusters.get(name);
  if (!cluster) {
    out.enforcedOrLater(
      enforced,
      path,
      'cluster.notFound',
      `There is no Cluster ${name} in ${ctx.fleet.namespace}; register it first or pick a registered cluster.`,
    );
    return;
  }
  const status = cluster.status ?? {};
  if (status.registrationStatus !== 'Registered')
    out.enforcedOrLater(
      enforced,
      path,
      'cluster.notRegistered',
      `${name} is not registered yet (registration ${
        status.registrationStatus ?? 'not started'
      }); install the worker operator on it and wait for Registered.`,
    );
  if (status.isDeregisterInProgress)
    out.warning(
      path,
      'cluster.deregistering',
      `${name} is being deregistered; it will leave the fleet, so do not add it to slices.`,
    );
  const health = status.clusterHealth?.clusterHealthStatus;
  if (health && health !== 'Normal')
    out.enforcedOrLater(
      enforced,
      path,
      'cluster.unhealthy',
      `${name} reports health ${health}${unhealthyComponents(
        cluster,
      )}; fix the cluster before ${enforced ? 'adding it' : 'relying on it'}.`,
    );
  if (!(cluster.spec?.nodeIPs?.length || status.nodeIPs?.length))
    out.enforcedOrLater(
      enforced,
      path,
      'cluster.noNodeIPs',
      `${name} has no gateway node IPs yet; label gateway nodes kubeslice.io/node-type=gateway or set spec.nodeIPs on the Cluster.`,
    );
  if (ctx.network) checkMemberNetwork(ctx, cluster, name, path, enforced, out);
}

function unhealthyComponents(cluster: ClusterObject): string {
  const bad = (cluster.status?.clusterHealth?.componentStatuses ?? [])
    .filter(
      c => c.componentHealthStatus && c.componentHealthStatus !== 'Normal',
    )
    .map(c => `${c.component} ${c.componentHealthStatus}`);
  return bad.length ? ` (${bad.join(', ')})` : '';
}

function checkMemberNetwork(
  ctx: SliceRuleContext,
  cluster: ClusterObject,
  name: string,
  path: string,
  enforced: boolean,
  out: Findings,
): void {
  const status = cluster.status ?? {};
  if (status.networkPresent !== true)
    out.enforcedOrLater(
      enforced,
      path,
      'cluster.noNetwork',
      `${name} has no slice networking (NSM) installed; install it, or make this a no-network slice.`,
    );
  const cni = status.cniSubnet ?? [];
  if (cni.length === 0) {
    out.enforcedOrLater(
      enforced,
      path,
      'cluster.noCniSubnet',
      `The CNI subnets of ${name} are not known yet; wait for the worker to report them.`,
    );
    return;
  }
  const subnet = ctx.slice.spec?.sliceSubnet;
  if (typeof subnet !== 'string') return;
  const clash = cni.filter(s => ipv4CidrsOverlap(s, subnet));
  if (clash.length)
    out.enforcedOrLater(
      enforced,
      'spec.sliceSubnet',
      'subnet.overlapsCni',
      `${subnet} overlaps the pod/service network ${clash.join(
        ', ',
      )} of ${name}; pick a slice subnet outside every member's CNI subnets.`,
    );
}

/** `len(clusters) <= maxClusters` (REFERENCE §2.3); the 2–32 bounds are schema rules. */
function checkMaxClusters(ctx: SliceRuleContext, out: Findings): void {
  const max = ctx.slice.spec?.maxClusters;
  if (typeof max !== 'number') return;
  const count = ctx.members.length;
  if (count > max)
    out.error(
      'spec.maxClusters',
      'maxClusters.belowMembers',
      ctx.operation === 'update' && !ctx.leavingNoNetwork
        ? `The slice would have ${count} clusters but maxClusters is ${max}, which cannot change any more; remove clusters, or create a larger slice.`
        : `The slice lists ${count} clusters but maxClusters is ${max}; raise maxClusters (at most 32) or remove clusters.`,
    );
}
