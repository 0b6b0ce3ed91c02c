import type { ClusterSummary } from '../fleet/types';

/** Why a cluster cannot join a new slice (codes; the UI words them). */
export type UnpickableReason =
  | 'otherProject'
  | 'notRegistered'
  | 'noNetwork'
  | 'unhealthy';

/**
 * Whether a cluster can be a member of a new slice in `project` on `hub`, and if not why:
 * a cluster of another project (or hub), one not yet `Registered`, one without the slice
 * network (NSM) for a network slice, or one whose health is an error. The same rules
 * preflight enforces on create (REFERENCE §2.3), checked from the fleet summary so the
 * wizard can say it before the user picks. Empty when pickable.
 */
export function whyNotPickable(
  cluster: ClusterSummary,
  target: { hub: string; project: string; needsNetwork: boolean },
): UnpickableReason[] {
  const reasons: UnpickableReason[] = [];
  if (cluster.hub !== target.hub || cluster.project !== target.project)
    return ['otherProject'];
  if (cluster.registrationStatus !== 'Registered')
    reasons.push('notRegistered');
  if (target.needsNetwork && !cluster.networkPresent) reasons.push('noNetwork');
  if (cluster.health.state === 'error') reasons.push('unhealthy');
  return reasons;
}
