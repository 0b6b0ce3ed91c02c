/**
 * The one definition of the Kubernetes name rules the API accepts. The OpenAPI
 * parameters, the backend's config reader and anything else that checks a name use
 * these, so a name the config accepts is never refused by a route (or the reverse).
 */

/**
 * RFC 1123 label: what hub, project and slice names must be.
 * - project: becomes the namespace `kubeslice-<project>` (REFERENCE §1), and namespace
 *   names are labels; the project webhook also refuses `.` (REFERENCE §1).
 * - slice: its name is a label value (`kubeslice.io/slice=<slice>`,
 *   `original-slice-name`) and the worker `Slice` object's name (REFERENCE §1).
 * - hub: a portal config name that appears in URLs, held to the same rule.
 */
export const DNS_LABEL_PATTERN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
export const DNS_LABEL_MAX_LENGTH = 63;

/**
 * RFC 1123 subdomain: what cluster names must be. REFERENCE has no stricter rule for
 * `Cluster` objects (§1 only advises ≤ 15 characters), so the API accepts every name the
 * API server does; a stricter pattern would make an existing cluster unreachable.
 */
export const DNS_SUBDOMAIN_PATTERN =
  '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
export const DNS_SUBDOMAIN_MAX_LENGTH = 253;

const LABEL = new RegExp(DNS_LABEL_PATTERN);

/** True for a hub, project or slice name the API accepts. */
export function isDnsLabel(name: string): boolean {
  return name.length <= DNS_LABEL_MAX_LENGTH && LABEL.test(name);
}

/** Schema of hub, project and slice names (parameters and config). */
export const dnsLabel = {
  type: 'string',
  pattern: DNS_LABEL_PATTERN,
  maxLength: DNS_LABEL_MAX_LENGTH,
  description:
    "a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters",
} as const;

/** Schema of cluster names. */
export const dnsSubdomain = {
  type: 'string',
  pattern: DNS_SUBDOMAIN_PATTERN,
  maxLength: DNS_SUBDOMAIN_MAX_LENGTH,
  description:
    "a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', each dot-separated part starting and ending with a letter or digit, at most 253 characters",
} as const;
