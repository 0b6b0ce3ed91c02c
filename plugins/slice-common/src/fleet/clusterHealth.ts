import type { ClusterObject } from '../kube/objects';
import { health, healthOk, worstHealth, type Health } from '../health/health';
import { componentHealth } from './componentHealth';
import { describeAge, isStale } from './staleness';

/** Registration states that mean the cluster is on its way in or out, not broken. */
const TRANSITIONAL_REGISTRATION = new Set([
  'Pending',
  'InProgress',
  'DeregisterInProgress',
]);
const FAILED_REGISTRATION = new Set([
  'Failed',
  'DeregisterFailed',
  'Deregistered',
]);

/**
 * Health of a registered worker cluster from what its worker operator reports on the hub
 * (`Cluster.status`). The worker refreshes it about every 2 minutes, so a `lastUpdated`
 * older than the stale limit means we no longer know.
 */
export function clusterHealth(cluster: ClusterObject, now: Date): Health {
  const name = cluster.metadata?.name ?? '(unnamed)';
  const status = cluster.status;
  if (!status || Object.keys(status).length === 0) {
    return health('unknown', `cluster ${name} has not reported status yet`);
  }
  const parts: Health[] = [];

  const registration = status.registrationStatus;
  if (registration && FAILED_REGISTRATION.has(registration)) {
    parts.push(health('error', `cluster ${name} registration ${registration}`));
  } else if (registration && TRANSITIONAL_REGISTRATION.has(registration)) {
    parts.push(
      health('warning', `cluster ${name} registration ${registration}`),
    );
  } else if (!registration) {
    parts.push(health('unknown', `cluster ${name} has no registration status`));
  }

  const reported = status.clusterHealth;
  if (reported) {
    // The component reasons name what to look at; the cluster is implied by where they are shown.
    parts.push(
      ...componentHealth(
        reported.componentStatuses,
        reported.clusterHealthStatus,
        'cluster health',
      ),
    );
    if (isStale(reported.lastUpdated, now)) {
      parts.push(
        health(
          'unknown',
          `cluster ${name} status older than 5 min (${describeAge(
            reported.lastUpdated,
            now,
          )})`,
        ),
      );
    }
  }
  return parts.length ? worstHealth(parts) : healthOk();
}
