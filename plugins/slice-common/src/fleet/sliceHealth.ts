import type { WorkerSliceConfigObject } from '../kube/objects';
import { health, healthOk, worstHealth, type Health } from '../health/health';
import { describeAge, isStale } from './staleness';

/**
 * Health of one slice member (slice × cluster) from its WorkerSliceConfig, the best
 * hub-side health source (REFERENCE §3.1, §7). `gateway-tunnel` is `Error` when no
 * tunnel of the member is up, which cuts the member off the slice: that is an error.
 */
export function memberHealth(
  slice: string,
  cluster: string,
  workerSlice: WorkerSliceConfigObject | undefined,
  now: Date,
): Health {
  if (!workerSlice) {
    return health(
      'warning',
      `cluster ${cluster} has no WorkerSliceConfig for slice ${slice} yet`,
    );
  }
  const sliceHealth = workerSlice.status?.sliceHealth;
  if (!sliceHealth) {
    return health(
      'unknown',
      `cluster ${cluster} has not reported slice health yet`,
    );
  }
  const parts: Health[] = [];
  const components = sliceHealth.componentStatuses ?? [];
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
        `slice health on ${cluster} Error: ${failed
          .map(c => c.component)
          .join(', ')}`,
      ),
    );
  }
  if (warned.length > 0) {
    parts.push(
      health(
        'warning',
        `slice health on ${cluster} Warning: ${warned
          .map(c => c.component)
          .join(', ')}`,
      ),
    );
  }
  if (
    failed.length === 0 &&
    warned.length === 0 &&
    sliceHealth.sliceHealthStatus === 'Warning'
  ) {
    parts.push(health('warning', `slice health on ${cluster} Warning`));
  }
  if (isStale(sliceHealth.lastUpdated, now)) {
    parts.push(
      health(
        'unknown',
        `slice status on ${cluster} older than 5 min (${describeAge(
          sliceHealth.lastUpdated,
          now,
        )})`,
      ),
    );
  }
  return parts.length ? worstHealth(parts) : healthOk();
}
