import { BlockList, isIP } from 'net';

/**
 * Which worker API URLs a hub's worker tokens may be sent to.
 *
 * Worker URLs found on the hub (`Cluster.spec.clusterProperty.monitoring.kubernetesDashboard.endpoint`)
 * are written by whoever can write Cluster objects in a project, i.e. a tenant. Without this check
 * a tenant could point the endpoint at a server of their own and receive the worker token the
 * portal reads from the hub. So every worker URL must be https (unless the operator opted out)
 * and its host must be in an allowlist the operator controls.
 */
export interface WorkerUrlPolicy {
  /** Config path of the hub (`slice.hubs[0]`), named in refusals so they say what to configure. */
  readonly configPath: string;
  readonly allowHttp: boolean;
  /** True when `workers.allowedHosts` is configured; otherwise the default (hub host + configured workers). */
  readonly explicit: boolean;
  readonly hostnames: ReadonlySet<string>;
  /** `*.example.com` entries, stored as `.example.com`. */
  readonly domainSuffixes: readonly string[];
  readonly addresses: BlockList;
}

export type WorkerUrlCheck =
  | {
      ok: true;
      url: URL;
      /** The URL to hand to client-node: origin and path, no trailing slash, query or fragment. */
      server: string;
    }
  | { ok: false; reason: string };

/** One parsed `workers.allowedHosts` entry. */
export type AllowedHost =
  | { kind: 'hostname'; hostname: string }
  | { kind: 'domain'; suffix: string }
  | { kind: 'address'; address: string; family: 'ipv4' | 'ipv6' }
  | {
      kind: 'subnet';
      network: string;
      prefix: number;
      family: 'ipv4' | 'ipv6';
    };

// DNS labels; '_' is tolerated because some internal zones use it.
const HOSTNAME =
  /^[a-z0-9_]([-a-z0-9_]{0,61}[a-z0-9_])?(\.[a-z0-9_]([-a-z0-9_]{0,61}[a-z0-9_])?)*$/;

/** Lowercase, no trailing dot, no IPv6 brackets: the form hosts are compared in. */
function normalizeHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}

function family(address: string): 'ipv4' | 'ipv6' | undefined {
  const v = isIP(address);
  if (v === 4) return 'ipv4';
  if (v === 6) return 'ipv6';
  return undefined;
}

/**
 * Parses one `allowedHosts` entry: a hostname, a `*.example.com` wildcard (any depth of
 * subdomain, not the domain itself), an IPv4/IPv6 address or a CIDR. Throws with a message
 * (without the key: the caller adds it) when the entry is none of these.
 */
export function parseAllowedHost(entry: string): AllowedHost {
  const value = normalizeHost(entry);
  const slash = value.indexOf('/');
  if (slash >= 0) {
    const network = normalizeHost(value.slice(0, slash));
    const prefixText = value.slice(slash + 1);
    const fam = family(network);
    const max = fam === 'ipv4' ? 32 : 128;
    const prefix = Number(prefixText);
    if (
      !fam ||
      !/^\d{1,3}$/.test(prefixText) ||
      !Number.isInteger(prefix) ||
      prefix > max
    ) {
      throw new Error(
        `'${entry}' is not a valid CIDR (expected e.g. 10.0.0.0/16 or fd00::/8)`,
      );
    }
    return { kind: 'subnet', network, prefix, family: fam };
  }
  const fam = family(value);
  if (fam) return { kind: 'address', address: value, family: fam };
  if (value.startsWith('*.') && HOSTNAME.test(value.slice(2))) {
    return { kind: 'domain', suffix: value.slice(1) };
  }
  if (HOSTNAME.test(value)) return { kind: 'hostname', hostname: value };
  throw new Error(
    `'${entry}' is not a hostname, '*.domain' wildcard, IP address or CIDR (no scheme or port)`,
  );
}

/**
 * Builds the policy of one hub. With `allowedHosts` absent only the hub's own host and the
 * hosts of the explicitly configured worker URLs are allowed: KubeSlice setups reached through
 * one API gateway work unchanged, anything else needs the operator to say so.
 */
export function buildWorkerUrlPolicy(options: {
  /** Config path of the hub, e.g. `slice.hubs[0]`. */
  configPath: string;
  /** The hub's API server URL (for kubeconfig/inCluster auth: the current cluster's server). */
  hubUrl?: string;
  /** `workers.allowedHosts`, validated by `parseAllowedHost`. */
  allowedHosts?: readonly string[];
  /** `dangerouslyAllowHttp` of the hub. */
  allowHttp?: boolean;
  /** `workers.clusters[].url`; used only for the default (no `allowedHosts`). */
  configuredUrls?: readonly string[];
}): WorkerUrlPolicy {
  const explicit = options.allowedHosts !== undefined;
  const entries: AllowedHost[] = [];
  if (explicit) {
    entries.push(...options.allowedHosts!.map(parseAllowedHost));
  } else {
    for (const url of [options.hubUrl, ...(options.configuredUrls ?? [])]) {
      const host = hostOf(url);
      if (!host) continue;
      try {
        entries.push(parseAllowedHost(host));
      } catch {
        // A host that is no valid entry (should not happen after URL parsing) allows nothing.
      }
    }
  }

  const hostnames = new Set<string>();
  const domainSuffixes: string[] = [];
  const addresses = new BlockList();
  for (const e of entries) {
    if (e.kind === 'hostname') hostnames.add(e.hostname);
    else if (e.kind === 'domain') domainSuffixes.push(e.suffix);
    else if (e.kind === 'address') addresses.addAddress(e.address, e.family);
    else addresses.addSubnet(e.network, e.prefix, e.family);
  }
  return {
    configPath: options.configPath,
    allowHttp: options.allowHttp ?? false,
    explicit,
    hostnames,
    domainSuffixes,
    addresses,
  };
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

function hostAllowed(policy: WorkerUrlPolicy, host: string): boolean {
  const fam = family(host);
  // IPs match only address entries: '*.example.com' must not be satisfied by an IP literal.
  if (fam) return policy.addresses.check(host, fam);
  return (
    policy.hostnames.has(host) ||
    policy.domainSuffixes.some(suffix => host.endsWith(suffix))
  );
}

/**
 * Decides whether a worker token may be sent to `url`. Reasons are shown to users next to the
 * cluster, so they mention only this URL's own host and config keys, never the allowlist's
 * entries (which can name other projects' clusters).
 */
export function checkWorkerUrl(
  policy: WorkerUrlPolicy,
  url: string,
): WorkerUrlCheck {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'worker URL is not a valid URL' };
  }
  if (parsed.protocol === 'http:') {
    if (!policy.allowHttp) {
      return {
        ok: false,
        reason: `worker URL uses plain http; use https, or set ${policy.configPath}.dangerouslyAllowHttp: true`,
      };
    }
  } else if (parsed.protocol !== 'https:') {
    return {
      ok: false,
      reason: `worker URL scheme '${parsed.protocol}' is not https`,
    };
  }
  // 'https://allowed@evil' reads as going to 'allowed' to a human; and a token must not
  // travel next to other credentials. Query and fragment would break client-node's paths.
  if (parsed.username || parsed.password) {
    return {
      ok: false,
      reason: 'worker URL must not contain user info (user@)',
    };
  }
  if (parsed.search || parsed.hash) {
    return {
      ok: false,
      reason: 'worker URL must not have a query or fragment',
    };
  }
  const host = normalizeHost(parsed.hostname);
  if (!host || !hostAllowed(policy, host)) {
    const key = `${policy.configPath}.workers.allowedHosts`;
    return {
      ok: false,
      reason: policy.explicit
        ? `worker URL host ${host} is not in ${key}`
        : `worker URL host ${host} is not in ${key} (not set, so only the hub's own host and the hosts of workers.clusters[].url are allowed); add it there`,
    };
  }
  return {
    ok: true,
    url: parsed,
    server: `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`,
  };
}
