import type { Config } from '@backstage/config';

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
  skipTLSVerify: boolean;
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
  url?: string;
  auth: HubAuth;
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
  /** Only these projects are read; all when absent. */
  projects?: string[];
  workers: { credentials: WorkerCredentials; clusters: WorkerClusterConfig[] };
}

/** Hub names appear in URLs; keep them to DNS-label characters. */
const HUB_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * Reads and validates `slice.hubs[]`. Bad config fails the backend at start with a message
 * that names the offending key, rather than surfacing later as a confusing connection error.
 */
export function readHubConfigs(config: Config): HubConfig[] {
  const entries = config.getOptionalConfigArray('slice.hubs') ?? [];
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const at = `slice.hubs[${index}]`;
    const name = entry.getString('name');
    if (!HUB_NAME.test(name)) {
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

    const authType = entry.getString('auth.type');
    let auth: HubAuth;
    switch (authType) {
      case 'serviceAccount':
        auth = { type: 'serviceAccount', token: entry.getString('auth.token') };
        break;
      case 'kubeconfig':
        auth = {
          type: 'kubeconfig',
          path: entry.getString('auth.path'),
          context: entry.getOptionalString('auth.context'),
        };
        break;
      case 'inCluster':
        auth = { type: 'inCluster' };
        break;
      default:
        throw new Error(
          `Invalid config at '${at}.auth.type': '${authType}' is not one of serviceAccount, kubeconfig, inCluster`,
        );
    }

    const url = entry.getOptionalString('url');
    if (auth.type === 'serviceAccount' && !url) {
      throw new Error(
        `Missing config at '${at}.url': a hub with serviceAccount auth needs the API server URL`,
      );
    }
    if (url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new Error(`Invalid config at '${at}.url': '${url}' is not a URL`);
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        throw new Error(
          `Invalid config at '${at}.url': '${url}' must use https`,
        );
      }
    }

    const projects = entry.getOptionalStringArray('projects');
    const credentials = (entry.getOptionalString('workers.credentials') ??
      'none') as WorkerCredentials;
    if (!['dashboardSecret', 'config', 'none'].includes(credentials)) {
      throw new Error(
        `Invalid config at '${at}.workers.credentials': '${credentials}' is not one of dashboardSecret, config, none`,
      );
    }
    const workerEntries =
      entry.getOptionalConfigArray('workers.clusters') ?? [];
    if (credentials === 'config' && workerEntries.length === 0) {
      throw new Error(
        `Missing config at '${at}.workers.clusters': workers.credentials is 'config' but no worker is listed`,
      );
    }
    const workers = workerEntries.map((w, i) => {
      const wat = `${at}.workers.clusters[${i}]`;
      const workerUrl = w.getString('url');
      let parsedUrl: URL | undefined;
      try {
        parsedUrl = new URL(workerUrl);
      } catch {
        parsedUrl = undefined;
      }
      if (!parsedUrl || !['https:', 'http:'].includes(parsedUrl.protocol)) {
        throw new Error(
          `Invalid config at '${wat}.url': '${workerUrl}' is not an https URL`,
        );
      }
      return {
        name: w.getString('name'),
        project: w.getOptionalString('project'),
        url: workerUrl,
        token: w.getString('token'),
        caData: w.getOptionalString('caData'),
        skipTLSVerify: w.getOptionalBoolean('skipTLSVerify') ?? false,
      };
    });

    return {
      name,
      title: entry.getOptionalString('title') ?? name,
      url,
      auth,
      caData: entry.getOptionalString('caData'),
      caFile: entry.getOptionalString('caFile'),
      skipTLSVerify: entry.getOptionalBoolean('skipTLSVerify') ?? false,
      projects,
      workers: { credentials, clusters: workers },
    };
  });
}
