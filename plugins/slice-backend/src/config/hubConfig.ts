import type { Config } from '@backstage/config';
import { isDnsLabel } from '@slice-portal/plugin-slice-common';
import {
  buildWorkerUrlPolicy,
  checkWorkerUrl,
  parseAllowedHost,
} from '../hubs/workerUrlPolicy';

export type HubAuth =
  | { type: 'serviceAccount'; token: string }
  | { type: 'kubeconfig'; path: string; context?: string }
  | { type: 'inCluster' };

/** A worker reached with credentials from config (`workers.credentials: config`). */
export interface WorkerClusterConfig {
  name: string;
  /** Project the worker is registered in; needed only when two projects use the same cluster name. */
  project?: string;
  url: string;
  token: string;
  caData?: string;
  /** `dangerouslySkipTLSVerify` (or the deprecated `skipTLSVerify`) of this entry. */
  dangerouslySkipTLSVerify: boolean;
}

/**
 * How the portal reaches worker clusters for tunnel status, exports and imports:
 * `dashboardSecret` reads the `<cluster>-kubernetes-dashboard` Secrets the workers publish on
 * the hub (so the hub credentials must be allowed to read them); `config` lists workers;
 * `none` reads hubs only.
 */
export type WorkerCredentials = 'dashboardSecret' | 'config' | 'none';

export interface HubConfig {
  name: string;
  title: string;
  /** Where this hub is in the config (`slice.hubs[0]`), for messages that say what to change. */
  configPath: string;
  url?: string;
  auth: HubAuth;
  caData?: string;
  caFile?: string;
  /** TLS verification off for the hub (not for its workers). */
  dangerouslySkipTLSVerify: boolean;
  /** Plain http allowed for the hub and its workers. */
  dangerouslyAllowHttp: boolean;
  /** Only these projects are read; all when absent. */
  projects?: string[];
  workers: {
    credentials: WorkerCredentials;
    clusters: WorkerClusterConfig[];
    /**
     * `workers.allowedHosts` as configured (each entry already validated); absent means the
     * default: the hub's host and the hosts of `clusters[].url`. See `buildWorkerUrlPolicy`.
     */
    allowedHosts?: string[];
  };
  /**
   * Things the operator should know, to be logged as warnings at start: deprecated keys,
   * TLS verification off, plain http allowed. Returned as data so the service decides how to log.
   */
  warnings: string[];
}

/**
 * Reads `dangerouslySkipTLSVerify`, or its deprecated alias `skipTLSVerify` (with a warning),
 * from a hub or worker entry.
 */
function readSkipTLSVerify(
  entry: Config,
  at: string,
  warnings: string[],
): boolean {
  const current = entry.getOptionalBoolean('dangerouslySkipTLSVerify');
  const deprecated = entry.getOptionalBoolean('skipTLSVerify');
  if (deprecated === undefined) return current ?? false;
  if (current !== undefined && current !== deprecated) {
    throw new Error(
      `Invalid config at '${at}.skipTLSVerify': it contradicts '${at}.dangerouslySkipTLSVerify'; remove the deprecated skipTLSVerify`,
    );
  }
  warnings.push(
    `Config key '${at}.skipTLSVerify' is deprecated; rename it to dangerouslySkipTLSVerify`,
  );
  return deprecated;
}

/** An https URL, or http when the hub allows it; `key` is named in the error. */
function checkUrlScheme(options: {
  url: string;
  key: string;
  hubPath: string;
  allowHttp: boolean;
}): void {
  const { url, key, hubPath, allowHttp } = options;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Invalid config at '${key}': '${url}' is not a URL`);
  }
  if (parsed.protocol === 'http:' && !allowHttp) {
    throw new Error(
      `Invalid config at '${key}': '${url}' uses plain http, which would send tokens unencrypted; use https, or set '${hubPath}.dangerouslyAllowHttp: true'`,
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`Invalid config at '${key}': '${url}' must use https`);
  }
}

function readAuth(entry: Config, at: string): HubAuth {
  const authType = entry.getString('auth.type');
  switch (authType) {
    case 'serviceAccount':
      return { type: 'serviceAccount', token: entry.getString('auth.token') };
    case 'kubeconfig':
      return {
        type: 'kubeconfig',
        path: entry.getString('auth.path'),
        context: entry.getOptionalString('auth.context'),
      };
    case 'inCluster':
      return { type: 'inCluster' };
    default:
      throw new Error(
        `Invalid config at '${at}.auth.type': '${authType}' is not one of serviceAccount, kubeconfig, inCluster`,
      );
  }
}

/** `workers.allowedHosts`, each entry validated so a typo fails at start instead of refusing workers later. */
function readAllowedHosts(entry: Config, at: string): string[] | undefined {
  const hosts = entry.getOptionalStringArray('workers.allowedHosts');
  hosts?.forEach((host, i) => {
    try {
      parseAllowedHost(host);
    } catch (e) {
      throw new Error(
        `Invalid config at '${at}.workers.allowedHosts[${i}]': ${
          (e as Error).message
        }`,
      );
    }
  });
  return hosts;
}

function readWorkers(options: {
  entry: Config;
  at: string;
  hubName: string;
  allowHttp: boolean;
  warnings: string[];
}): HubConfig['workers'] {
  const { entry, at, hubName, allowHttp, warnings } = options;
  const credentials = (entry.getOptionalString('workers.credentials') ??
    'none') as WorkerCredentials;
  if (!['dashboardSecret', 'config', 'none'].includes(credentials)) {
    throw new Error(
      `Invalid config at '${at}.workers.credentials': '${credentials}' is not one of dashboardSecret, config, none`,
    );
  }
  const allowedHosts = readAllowedHosts(entry, at);
  const workerEntries = entry.getOptionalConfigArray('workers.clusters') ?? [];
  if (credentials === 'config' && workerEntries.length === 0) {
    throw new Error(
      `Missing config at '${at}.workers.clusters': workers.credentials is 'config' but no worker is listed`,
    );
  }
  // Configured URLs are checked by the same rules as URLs found on the hub (scheme, user info,
  // and the allowlist when one is set), so the operator learns of a mismatch at start.
  const urls = workerEntries.map(w => w.getString('url'));
  const policy = buildWorkerUrlPolicy({
    configPath: at,
    allowedHosts,
    allowHttp,
    configuredUrls: urls,
  });
  const clusters = workerEntries.map((w, i): WorkerClusterConfig => {
    const wat = `${at}.workers.clusters[${i}]`;
    checkUrlScheme({ url: urls[i], key: `${wat}.url`, hubPath: at, allowHttp });
    const checked = checkWorkerUrl(policy, urls[i]);
    if (!checked.ok) {
      throw new Error(`Invalid config at '${wat}.url': ${checked.reason}`);
    }
    const name = w.getString('name');
    const skip = readSkipTLSVerify(w, wat, warnings);
    if (skip) {
      warnings.push(
        `Hub ${hubName}: worker ${name} ('${wat}') has dangerouslySkipTLSVerify: true, so its certificate is not checked and its token can be intercepted; set caData instead`,
      );
    }
    return {
      name,
      project: w.getOptionalString('project'),
      url: urls[i],
      token: w.getString('token'),
      caData: w.getOptionalString('caData'),
      dangerouslySkipTLSVerify: skip,
    };
  });
  return { credentials, clusters, allowedHosts };
}

/**
 * Reads and validates `slice.hubs[]`. Bad config fails the backend at start with a message
 * that names the offending key, rather than surfacing later as a confusing connection error.
 * Each hub carries `warnings` for the caller to log (deprecated keys, TLS verification off,
 * plain http allowed).
 */
export function readHubConfigs(config: Config): HubConfig[] {
  const entries = config.getOptionalConfigArray('slice.hubs') ?? [];
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const at = `slice.hubs[${index}]`;
    const warnings: string[] = [];
    const name = entry.getString('name');
    // The API's rule for hub names, so every configured hub is reachable by its routes.
    if (!isDnsLabel(name)) {
      throw new Error(
        `Invalid config at '${at}.name': '${name}' must be lowercase letters, digits and '-' (at most 63 characters)`,
      );
    }
    if (seen.has(name)) {
      throw new Error(
        `Invalid config at '${at}.name': hub name '${name}' is used more than once`,
      );
    }
    seen.add(name);

    const auth = readAuth(entry, at);
    const allowHttp = entry.getOptionalBoolean('dangerouslyAllowHttp') ?? false;
    if (allowHttp) {
      warnings.push(
        `Hub ${name}: dangerouslyAllowHttp is true, so the tokens of the hub and its workers may be sent over plain http`,
      );
    }
    const url = entry.getOptionalString('url');
    if (auth.type === 'serviceAccount' && !url) {
      throw new Error(
        `Missing config at '${at}.url': a hub with serviceAccount auth needs the API server URL`,
      );
    }
    if (url) checkUrlScheme({ url, key: `${at}.url`, hubPath: at, allowHttp });

    const skipTLSVerify = readSkipTLSVerify(entry, at, warnings);
    if (skipTLSVerify) {
      warnings.push(
        `Hub ${name}: dangerouslySkipTLSVerify is true, so the hub's certificate is not checked; use caData or caFile instead`,
      );
    }

    return {
      name,
      title: entry.getOptionalString('title') ?? name,
      configPath: at,
      url,
      auth,
      caData: entry.getOptionalString('caData'),
      caFile: entry.getOptionalString('caFile'),
      dangerouslySkipTLSVerify: skipTLSVerify,
      dangerouslyAllowHttp: allowHttp,
      projects: entry.getOptionalStringArray('projects'),
      workers: readWorkers({ entry, at, hubName: name, allowHttp, warnings }),
      warnings,
    };
  });
}
