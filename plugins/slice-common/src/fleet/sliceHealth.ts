import type { WorkerSliceConfigObject } from '../kube/objects';
import { health, healthOk, worstHealth, type Health } from '../health/health';
import { componentHealth } from './componentHealth';
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
  const reported = workerSlice.status?.sliceHealth;
  if (!reported) {
    return health(
      'unknown',
      `cluster ${cluster} has not reported slice health yet`,
    );
  }
  const parts = componentHealth(
    reported.componentStatuses,
    reported.sliceHealthStatus,
    `slice health on ${cluster}`,
  );
  if (isStale(reported.lastUpdated, now)) {
    parts.push(
      health(
        'unknown',
        `slice status on ${cluster} older than 5 min (${describeAge(
          reported.lastUpdated,
          now,
        )})`,
      ),
    );
  }
  return parts.length ? worstHealth(parts) : healthOk();
}
