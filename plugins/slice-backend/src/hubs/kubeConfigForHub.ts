import { KubeConfig } from '@kubernetes/client-node';
import type { HubConfig } from '../config/hubConfig';

/**
 * Builds the client-node KubeConfig for one hub. `url`, `caData`, `caFile` and
 * `dangerouslySkipTLSVerify` from the hub config override what a kubeconfig file says, so an
 * operator can point a shared kubeconfig at another endpoint or CA. A plain-http server (from
 * the config or the kubeconfig file) is refused unless the hub sets `dangerouslyAllowHttp`,
 * since the hub token would travel unencrypted.
 */
export function kubeConfigForHub(
  hub: Pick<
    HubConfig,
    | 'name'
    | 'configPath'
    | 'url'
    | 'auth'
    | 'caData'
    | 'caFile'
    | 'dangerouslySkipTLSVerify'
    | 'dangerouslyAllowHttp'
  >,
): KubeConfig {
  const kc = new KubeConfig();
  switch (hub.auth.type) {
    case 'kubeconfig': {
      kc.loadFromFile(hub.auth.path);
      if (hub.auth.context) {
        if (!kc.getContextObject(hub.auth.context)) {
          throw new Error(
            `Hub '${hub.name}': context '${hub.auth.context}' not found in kubeconfig ${hub.auth.path}`,
          );
        }
        kc.setCurrentContext(hub.auth.context);
      }
      break;
    }
    case 'inCluster':
      kc.loadFromCluster();
      break;
    case 'serviceAccount':
      kc.loadFromOptions({
        clusters: [
          {
            name: hub.name,
            server: hub.url!,
            skipTLSVerify: hub.dangerouslySkipTLSVerify,
          },
        ],
        users: [{ name: hub.name, token: hub.auth.token }],
        contexts: [{ name: hub.name, cluster: hub.name, user: hub.name }],
        currentContext: hub.name,
      });
      break;
    default:
      throw new Error(`Hub '${hub.name}': unsupported auth type`);
  }

  const cluster = kc.getCurrentCluster();
  if (!cluster) {
    throw new Error(
      `Hub '${hub.name}': the kubeconfig has no cluster for its current context`,
    );
  }
  const overridden = {
    ...cluster,
    server: hub.url ?? cluster.server,
    caData: hub.caData ?? cluster.caData,
    caFile: hub.caData ? undefined : hub.caFile ?? cluster.caFile,
    skipTLSVerify: hub.dangerouslySkipTLSVerify || cluster.skipTLSVerify,
  };
  checkServerScheme(hub, overridden.server);
  const user = kc.getCurrentUser();
  const context = kc.getContextObject(kc.getCurrentContext())!;
  const result = new KubeConfig();
  result.loadFromOptions({
    clusters: [overridden],
    users: user ? [user] : [],
    contexts: [{ ...context, cluster: overridden.name }],
    currentContext: context.name,
  });
  return result;
}

/** The hub token goes wherever `server` points: https only, http only when the operator opted in. */
function checkServerScheme(
  hub: Pick<HubConfig, 'name' | 'configPath' | 'dangerouslyAllowHttp'>,
  server: string,
): void {
  let protocol: string;
  try {
    protocol = new URL(server).protocol;
  } catch {
    throw new Error(
      `Hub '${hub.name}': the API server '${server}' is not a URL`,
    );
  }
  if (protocol === 'https:') return;
  if (protocol === 'http:') {
    if (hub.dangerouslyAllowHttp) return;
    throw new Error(
      `Hub '${hub.name}': the API server ${server} uses plain http; use https, or set '${hub.configPath}.dangerouslyAllowHttp: true'`,
    );
  }
  throw new Error(`Hub '${hub.name}': the API server ${server} must use https`);
}
