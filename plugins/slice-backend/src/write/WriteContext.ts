import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  namespaceOfProject,
  preflightCluster,
  preflightQos,
  preflightSliceConfig,
  type PreflightFleet,
} from '@slice-portal/plugin-slice-common';
import { kubeConfigForHub } from '../hubs/kubeConfigForHub';
import { kubeConfigForWorker } from '../hubs/workerAccess';
import type { OperationTracker } from './contracts';
import { WriteQueue } from './writeQueue';
import { KubeObjectClient, RESOURCES } from './kubeClient';
import {
  workerWriteConfig,
  type HubWriteConfig,
  type WriteSettings,
} from './writeConfig';

/** The preflight functions of slice-common; replaceable so a test can let a write reach admission. */
export interface Preflights {
  sliceConfig: typeof preflightSliceConfig;
  cluster: typeof preflightCluster;
  qos: typeof preflightQos;
}

export const DEFAULT_PREFLIGHTS: Preflights = {
  sliceConfig: preflightSliceConfig,
  cluster: preflightCluster,
  qos: preflightQos,
};

export interface WriteContextOptions {
  settings: WriteSettings;
  logger: LoggerService;
  tracker: OperationTracker;
  preflights?: Partial<Preflights>;
}

export interface HubAccess {
  config: HubWriteConfig;
  client: KubeObjectClient;
}

/** Where a project's objects live on a hub. */
export interface ProjectRef {
  hub: string;
  project: string;
}

/**
 * What every write kind needs: the hub's write client, worker write clients, the preflight
 * functions, and the fleet view preflight judges against (read fresh from the hub: a
 * preflight against a cache seconds old would approve what the webhook then refuses).
 */
export class WriteContext {
  readonly settings: WriteSettings;
  readonly logger: LoggerService;
  readonly tracker: OperationTracker;
  readonly preflight: Preflights;
  private readonly hubs = new Map<string, HubAccess>();
  private readonly inflight = new Map<string, Promise<PreflightFleet>>();
  /** Real writes to one object from this process go one at a time (see WriteQueue). */
  readonly writes = new WriteQueue();

  constructor(options: WriteContextOptions) {
    this.settings = options.settings;
    this.logger = options.logger;
    this.tracker = options.tracker;
    this.preflight = { ...DEFAULT_PREFLIGHTS, ...options.preflights };
  }

  /** The hub's write access; 404 for a hub the portal does not know or a project it does not serve. */
  hub(ref: ProjectRef): HubAccess {
    let access = this.hubs.get(ref.hub);
    if (!access) {
      const config = this.settings.hubs.find(h => h.hub.name === ref.hub);
      if (!config) throw new NotFoundError(`No hub named '${ref.hub}'`);
      const kubeConfig = kubeConfigForHub({ ...config.hub, auth: config.auth });
      access = {
        config,
        client: new KubeObjectClient(
          kubeConfig,
          `hub ${ref.hub}`,
          this.settings.requestTimeoutMs,
        ),
      };
      this.hubs.set(ref.hub, access);
    }
    const served = access.config.hub.projects;
    if (served && !served.includes(ref.project)) {
      throw new NotFoundError(
        `Project '${ref.project}' is not served on hub '${ref.hub}' (slice.hubs[].projects)`,
      );
    }
    return access;
  }

  /** A client for a worker with configured write credentials, or undefined (then the caller hands out a manifest). */
  workerClient(ref: ProjectRef, cluster: string): KubeObjectClient | undefined {
    const config = workerWriteConfig(
      this.hub(ref).config,
      ref.project,
      cluster,
    );
    if (!config) return undefined;
    return new KubeObjectClient(
      kubeConfigForWorker(cluster, config),
      `worker ${cluster}`,
      this.settings.requestTimeoutMs,
    );
  }

  /**
   * The objects of one project namespace that preflight reads. Concurrent requests for the
   * same namespace share one read (50 users onboarding at once cause one round of lists,
   * not fifty); nothing is kept after it completes.
   */
  preflightFleet(ref: ProjectRef): Promise<PreflightFleet> {
    const key = `${ref.hub}/${ref.project}`;
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.readFleet(ref).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  private async readFleet(ref: ProjectRef): Promise<PreflightFleet> {
    const { client } = this.hub(ref);
    const namespace = namespaceOfProject(ref.project);
    const [
      clusters,
      sliceConfigs,
      sliceQosConfigs,
      serviceExportConfigs,
      workerSliceConfigs,
      vpnKeyRotations,
    ] = await Promise.all([
      client.list(RESOURCES.clusters, namespace),
      client.list(RESOURCES.sliceConfigs, namespace),
      client.list(RESOURCES.sliceQosConfigs, namespace),
      client.list(RESOURCES.serviceExportConfigs, namespace),
      client.list(RESOURCES.workerSliceConfigs, namespace),
      // KubeSlice's read-write role does not cover VpnKeyRotations (REFERENCE §6.3); without
      // them preflight skips the one rule that needs them and the webhook still decides.
      client.list(RESOURCES.vpnKeyRotations, namespace).catch(() => undefined),
    ]);
    return {
      clusters,
      sliceConfigs,
      sliceQosConfigs,
      serviceExportConfigs,
      workerSliceConfigs,
      vpnKeyRotations,
    } as PreflightFleet;
  }
}
