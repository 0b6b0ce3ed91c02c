import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterObject } from '@slice-portal/plugin-slice-common';
import type { HubConfig } from '../config/hubConfig';
import { kubeKindClient, type KindClient } from './kindClient';
import type { WatchedKind } from './kinds';
import { kubeConfigForHub } from './kubeConfigForHub';
import {
  endpointFromConfig,
  endpointFromDashboardSecret,
  kubeConfigForWorker,
  workerUrlPolicyForHub,
  type WorkerEndpoint,
} from './workerAccess';

/**
 * How a HubCache reaches its hub and the workers: client-node over HTTPS in the backend,
 * fakes in unit tests. Each call that is not a watch gets an AbortSignal with a deadline.
 */
export interface HubTransport {
  hubClient(kind: WatchedKind): KindClient;
  workerClient(options: {
    cluster: string;
    endpoint: WorkerEndpoint;
    kind: WatchedKind;
  }): KindClient;
  /**
   * Where and with which credentials to reach a worker. Throws when it cannot be reached;
   * errors with an HTTP status, a network cause or a timeout are taken as transient.
   */
  resolveWorker(options: {
    cluster: ClusterObject;
    project: string;
    signal: AbortSignal;
  }): Promise<WorkerEndpoint>;
}

/** The production transport: @kubernetes/client-node with the hub's configured credentials. */
export function kubeHubTransport(config: HubConfig): HubTransport {
  const hubKubeConfig: KubeConfig = kubeConfigForHub(config);
  const policy = workerUrlPolicyForHub({ hub: config, hubKubeConfig });
  return {
    hubClient: kind => kubeKindClient(hubKubeConfig, kind),
    workerClient: ({ cluster, endpoint, kind }) =>
      kubeKindClient(kubeConfigForWorker(cluster, endpoint), kind),
    async resolveWorker({ cluster, project }) {
      const name = cluster.metadata?.name;
      if (config.workers.credentials === 'config') {
        const configured = config.workers.clusters.find(
          w => w.name === name && (!w.project || w.project === project),
        );
        if (!configured)
          throw new Error(
            `worker ${name} is not listed under workers.clusters`,
          );
        return endpointFromConfig(configured);
      }
      return endpointFromDashboardSecret({ hubKubeConfig, cluster, policy });
    },
  };
}
