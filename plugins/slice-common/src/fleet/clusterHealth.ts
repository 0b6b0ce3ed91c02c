import type { ClusterObject } from '../kube/objects';
import { health, healthOk, worstHealth, type Health } from '../health/health';
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

  const clusterHealthStatus = status.clusterHealth;
  if (clusterHealthStatus) {
    const components = clusterHealthStatus.componentStatuses ?? [];
    const failed = components.filter(c => c.componentHealthStatus === 'Error');
    const warned = components.filter(
      c =>
        c.componentHealthStatus &&
        c.componentHealthStatus !== 'Normal' &&
        c.componentHealthStatus !== 'Error',
    );
    if (failed.length > 0) {
      parts.push(
        health(
          'error',
          `cluster health Error: ${failed.map(c => c.component).join(', ')}`,
        ),
      );
    }
    if (warned.length > 0) {
      parts.push(
        health(
          'warning',
          `cluster health Warning: ${warned.map(c => c.component).join(', ')}`,
        ),
      );
    }
    if (
      failed.length === 0 &&
      warned.length === 0 &&
      clusterHealthStatus.clusterHealthStatus === 'Warning'
    ) {
      parts.push(health('warning', `cluster ${name} health Warning`));
    }
    if (isStale(clusterHealthStatus.lastUpdated, now)) {
      parts.push(
        health(
          'unknown',
          `cluster ${name} status older than 5 min (${describeAge(
            clusterHealthStatus.lastUpdated,
            now,
          )})`,
        ),
      );
    }
  }

  return parts.length ? worstHealth(parts) : healthOk();
}
