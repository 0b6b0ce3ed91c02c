import type { FleetIndex } from './fleetIndex';
import type { Findings } from './findings';

/**
 * Metadata rules shared by every preflighted kind: the API server's name
 * format, the docs' length advice, and the webhooks' project-namespace rule.
 */

/** RFC 1123 subdomain: what the API server requires of a custom resource's name. */
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * REFERENCE §1: "keep cluster names and slice names ≤ 15 characters, or
 * service export breaks". Not enforced by any webhook, hence a warning.
 */
export const RECOMMENDED_NAME_LENGTH = 15;

export interface NameRuleOptions {
  kind: 'SliceConfig' | 'Cluster' | 'SliceQoSConfig';
  /** Warn above {@link RECOMMENDED_NAME_LENGTH} (slices and clusters only). */
  warnLength: boolean;
}

export function checkName(
  name: string | undefined,
  out: Findings,
  options: NameRuleOptions,
): void {
  const path = 'metadata.name';
  if (!name) {
    out.error(path, 'name.required', `Give the ${options.kind} a name.`);
    return;
  }
  if (name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
    out.error(
      path,
      'name.invalid',
      `"${name}" is not a valid name: use lower-case letters, digits, "-" and ".", starting and ending with a letter or digit.`,
    );
    return;
  }
  if (options.warnLength && name.length > RECOMMENDED_NAME_LENGTH)
    out.warning(
      path,
      'name.tooLong',
      `"${name}" has ${name.length} characters; KubeSlice recommends at most ${RECOMMENDED_NAME_LENGTH} for ${options.kind} names, or service export can break. Choose a shorter name.`,
    );
}

/** Every controller webhook refuses objects outside a project namespace (REFERENCE §2). */
export function checkProjectNamespace(
  fleet: FleetIndex,
  out: Findings,
  kind: NameRuleOptions['kind'],
): void {
  if (fleet.isProjectNamespace() === false)
    out.error(
      'metadata.namespace',
      'namespace.notProject',
      `"${
        fleet.namespace ?? ''
      }" is not a project namespace; create the ${kind} in its project's namespace (kubeslice-<project>).`,
    );
}
