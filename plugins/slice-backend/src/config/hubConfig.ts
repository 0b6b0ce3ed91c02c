import type { Config } from '@backstage/config';

export type HubAuth =
  | { type: 'serviceAccount'; token: string }
  | { type: 'kubeconfig'; path: string; context?: string }
  | { type: 'inCluster' };

export interface HubConfig {
  name: string;
  title: string;
  url?: string;
  auth: HubAuth;
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
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

    return {
      name,
      title: entry.getOptionalString('title') ?? name,
      url,
      auth,
      caData: entry.getOptionalString('caData'),
      caFile: entry.getOptionalString('caFile'),
      skipTLSVerify: entry.getOptionalBoolean('skipTLSVerify') ?? false,
    };
  });
}
