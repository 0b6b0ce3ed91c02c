import { ApiError } from '../api/errors';
import type { VirtualCluster } from '../server/VirtualCluster';
import type { ApiFault } from './FaultState';

/**
 * Checks and normalises an API fault from a caller (test, control API body,
 * CLI): numbers in range, and a resource the cluster serves, so a typo in
 * `--resource` is an error instead of a fault that never fires.
 */
export function validApiFault(vc: VirtualCluster, fault: ApiFault): ApiFault {
  const delayMs = Number(fault.delayMs ?? 0);
  const errorRate = Number(fault.errorRate ?? 0);
  const errorCode = Number(fault.errorCode ?? 500);
  if (!(delayMs >= 0 && delayMs <= 600_000))
    throw ApiError.badRequest('delayMs must be in [0, 600000]');
  if (!(errorRate >= 0 && errorRate <= 1))
    throw ApiError.badRequest('errorRate must be in [0, 1]');
  if (!Number.isInteger(errorCode) || errorCode < 400 || errorCode > 599)
    throw ApiError.badRequest('errorCode must be an HTTP error status');
  const resource = fault.resource === undefined ? '' : String(fault.resource);
  if (resource && !vc.registry.all().some(t => t.plural === resource))
    throw ApiError.badRequest(
      `cluster "${vc.name}" serves no resource "${resource}" (expected a plural such as "pods")`,
    );
  return { ...(resource ? { resource } : {}), delayMs, errorRate, errorCode };
}
