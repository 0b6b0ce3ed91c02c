import type { ComponentStatus } from '../kube/objects';
import { health, type Health } from '../health/health';

/**
 * Health from a worker's component list (cluster health or slice health): components in
 * `Error` make an error, any other non-`Normal` one a warning, each named in the reason
 * after `label` (e.g. "cluster health", "slice health on aws-east"). When the list names
 * nothing but the overall status says `Warning`, that is reported as is.
 */
export function componentHealth(
  components: ComponentStatus[] | undefined,
  overallStatus: string | undefined,
  label: string,
): Health[] {
  const list = components ?? [];
  const failed = list.filter(c => c.componentHealthStatus === 'Error');
  const warned = list.filter(
    c =>
      c.componentHealthStatus &&
      c.componentHealthStatus !== 'Normal' &&
      c.componentHealthStatus !== 'Error',
  );
  const parts: Health[] = [];
  if (failed.length > 0) {
    parts.push(
      health(
        'error',
        `${label} Error: ${failed.map(c => c.component).join(', ')}`,
      ),
    );
  }
  if (warned.length > 0) {
    parts.push(
      health(
        'warning',
        `${label} Warning: ${warned.map(c => c.component).join(', ')}`,
      ),
    );
  }
  if (parts.length === 0 && overallStatus === 'Warning') {
    parts.push(health('warning', `${label} Warning`));
  }
  return parts;
}
