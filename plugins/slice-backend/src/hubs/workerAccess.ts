import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import type { ClusterObject } from '@slice-portal/plugin-slice-common';
import type { HubConfig, WorkerClusterConfig } from '../config/hubConfig';

/** How to reach one worker's API server. Never leaves the backend. */
export interface WorkerEndpoint {
  url: string;
  token: string;
  caData?: string;
  skipTLSVerify: boolean;
}

export function kubeConfigForWorker(
  name: string,
  endpoint: WorkerEndpoint,
): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name,
        server: endpoint.url,
        caData: endpoint.caData,
        skipTLSVerify: endpoint.skipTLSVerify,
      },
    ],
    users: [{ name, token: endpoint.token }],
    contexts: [{ name, cluster: name, user: name }],
    currentContext: name,
  });
  return kc;
}

/**
 * The `<cluster>-kubernetes-dashboard` Secret that each worker publishes in its project
 * namespace on the hub (REFERENCE §6.1 step 5): a token with cluster-wide read on the worker,
 * and its CA. The worker's API URL is in `Cluster.spec.clusterProperty.monitoring.kubernetesDashboard.endpoint`.
 */
export async function endpointFromDashboardSecret(
  hubKubeConfig: KubeConfig,
  cluster: ClusterObject & {
    spec?: {
      clusterProperty?: {
        monitoring?: {
          kubernetesDashboard?: { endpoint?: string; accessToken?: string };
        };
      };
    };
  },
): Promise<WorkerEndpoint> {
  const name = cluster.metadata?.name ?? '';
  const namespace = cluster.metadata?.namespace ?? '';
  const dashboard =
    cluster.spec?.clusterProperty?.monitoring?.kubernetesDashboard;
  if (!dashboard?.endpoint) {
    throw new Error(
      `cluster ${name} does not publish its API endpoint (spec.clusterProperty.monitoring.kubernetesDashboard.endpoint)`,
    );
  }
  const secretName = dashboard.accessToken || `${name}-kubernetes-dashboard`;
  const api = hubKubeConfig.makeApiClient(CoreV1Api);
  const secret = await api.readNamespacedSecret({
    name: secretName,
    namespace,
  });
  const token = secret.data?.token
    ? Buffer.from(secret.data.token, 'base64').toString('utf8')
    : undefined;
  if (!token) throw new Error(`secret ${namespace}/${secretName} has no token`);
  return {
    url: dashboard.endpoint,
    token,
    // Kubeconfig-style caData is the base64 of the PEM, which is what Secret data holds.
    caData: secret.data?.['ca.crt'],
    skipTLSVerify: false,
  };
}

export function endpointFromConfig(
  worker: WorkerClusterConfig,
): WorkerEndpoint {
  return {
    url: worker.url,
    token: worker.token,
    caData: worker.caData,
    skipTLSVerify: worker.skipTLSVerify,
  };
}

export function sameEndpoint(
  a: WorkerEndpoint | undefined,
  b: WorkerEndpoint,
): boolean {
  return (
    !!a &&
    a.url === b.url &&
    a.token === b.token &&
    a.caData === b.caData &&
    a.skipTLSVerify === b.skipTLSVerify
  );
}

export type { HubConfig };
