import { KubeConfig } from '@kubernetes/client-node';
import type { HubConfig } from '../config/hubConfig';

/**
 * Builds the client-node KubeConfig for one hub. `url`, `caData`, `caFile` and
 * `skipTLSVerify` from the hub config override what a kubeconfig file says, so an
 * operator can point a shared kubeconfig at another endpoint or CA.
 */
export function kubeConfigForHub(
  hub: Pick<
    HubConfig,
    'name' | 'url' | 'auth' | 'caData' | 'caFile' | 'skipTLSVerify'
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
            skipTLSVerify: hub.skipTLSVerify,
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
    skipTLSVerify: hub.skipTLSVerify || cluster.skipTLSVerify,
  };
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
