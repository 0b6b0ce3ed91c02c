import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import type { ClusterObject } from '@slice-portal/plugin-slice-common';
import type { HubConfig, WorkerClusterConfig } from '../config/hubConfig';
import {
  buildWorkerUrlPolicy,
  checkWorkerUrl,
  type WorkerUrlPolicy,
} from './workerUrlPolicy';

/** How to reach one worker's API server. Never leaves the backend. */
export interface WorkerEndpoint {
  url: string;
  token: string;
  caData?: string;
  dangerouslySkipTLSVerify: boolean;
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
        skipTLSVerify: endpoint.dangerouslySkipTLSVerify,
      },
    ],
    users: [{ name, token: endpoint.token }],
    contexts: [{ name, cluster: name, user: name }],
    currentContext: name,
  });
  return kc;
}

/**
 * The worker URL policy of one hub. Built once the hub's KubeConfig exists because for
 * kubeconfig/inCluster auth the hub's host (the default allowlist) is only known from it.
 */
export function workerUrlPolicyForHub(options: {
  hub: Pick<HubConfig, 'configPath' | 'dangerouslyAllowHttp' | 'workers'>;
  hubKubeConfig: KubeConfig;
}): WorkerUrlPolicy {
  const { hub, hubKubeConfig } = options;
  return buildWorkerUrlPolicy({
    configPath: hub.configPath,
    hubUrl: hubKubeConfig.getCurrentCluster()?.server,
    allowedHosts: hub.workers.allowedHosts,
    allowHttp: hub.dangerouslyAllowHttp,
    configuredUrls: hub.workers.clusters.map(c => c.url),
  });
}

type DashboardCluster = ClusterObject & {
  spec?: {
    clusterProperty?: {
      monitoring?: {
        kubernetesDashboard?: { endpoint?: string; accessToken?: string };
      };
    };
  };
};

/**
 * The `<cluster>-kubernetes-dashboard` Secret that each worker publishes in its project
 * namespace on the hub (REFERENCE §6.1 step 5): a token with cluster-wide read on the worker,
 * and its CA. The worker's API URL is in `Cluster.spec.clusterProperty.monitoring.kubernetesDashboard.endpoint`,
 * which tenants can write: it is checked against `policy` before the secret is even read, so a
 * refused URL never gets near the token. Error messages name only this cluster (they are shown
 * to users who may see this cluster's project only).
 */
export async function endpointFromDashboardSecret(options: {
  hubKubeConfig: KubeConfig;
  cluster: DashboardCluster;
  policy: WorkerUrlPolicy;
}): Promise<WorkerEndpoint> {
  const { hubKubeConfig, cluster, policy } = options;
  const name = cluster.metadata?.name ?? '';
  const namespace = cluster.metadata?.namespace ?? '';
  const dashboard =
    cluster.spec?.clusterProperty?.monitoring?.kubernetesDashboard;
  if (!dashboard?.endpoint) {
    throw new Error(
      `cluster ${name} does not publish its API endpoint (spec.clusterProperty.monitoring.kubernetesDashboard.endpoint)`,
    );
  }
  const checked = checkWorkerUrl(policy, dashboard.endpoint);
  if (!checked.ok) {
    throw new Error(
      `cluster ${name}: not connecting, ${checked.reason} (from spec.clusterProperty.monitoring.kubernetesDashboard.endpoint)`,
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
    // The normalised form of the URL that was checked, so client-node connects to exactly that.
    url: checked.server,
    token,
    // Kubeconfig-style caData is the base64 of the PEM, which is what Secret data holds.
    caData: secret.data?.['ca.crt'],
    dangerouslySkipTLSVerify: false,
  };
}

/** Configured workers were checked against the policy when the config was read. */
export function endpointFromConfig(
  worker: WorkerClusterConfig,
): WorkerEndpoint {
  return {
    url: worker.url,
    token: worker.token,
    caData: worker.caData,
    dangerouslySkipTLSVerify: worker.dangerouslySkipTLSVerify,
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
    a.dangerouslySkipTLSVerify === b.dangerouslySkipTLSVerify
  );
}

export type { HubConfig, WorkerUrlPolicy };
