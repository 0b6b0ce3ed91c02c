import type { KubeConfig } from '@kubernetes/client-node';
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  namespaceOfProject,
  projectOfNamespace,
  type ClusterObject,
  type HubObjects,
  type HubSync,
  type SourceError,
  type WorkerObjects,
} from '@slice-portal/plugin-slice-common';
import type { HubConfig } from '../config/hubConfig';
import { kubeConfigForHub } from './kubeConfigForHub';
import {
  HUB_KINDS,
  WORKER_KINDS,
  type HubKindKey,
  type WorkerKindKey,
} from './kinds';
import { describeError } from './KindWatcher';
import { WatcherGroup } from './WatcherGroup';
import {
  endpointFromConfig,
  endpointFromDashboardSecret,
  kubeConfigForWorker,
  sameEndpoint,
  type WorkerEndpoint,
} from './workerAccess';

/** How often the set of worker connections is reconciled with the hub's clusters. */
const WORKER_RECONCILE_MS = 15000;

interface WorkerEntry {
  project: string;
  cluster: string;
  endpoint?: WorkerEndpoint;
  group?: WatcherGroup<WorkerKindKey>;
  /** Why there is no connection (credentials could not be read, ...). */
  error?: string;
}

/**
 * The in-memory copy of one hub and of the workers reachable through it. Requests read
 * from here and never reach a cluster, so a slow or dead cluster cannot slow down a page.
 */
export class HubCache {
  private readonly hubGroup?: WatcherGroup<HubKindKey>;
  private readonly hubKubeConfig?: KubeConfig;
  private readonly setupError?: string;
  private readonly workers = new Map<string, WorkerEntry>();
  private reconcileTimer?: NodeJS.Timeout;
  private reconciling?: Promise<void>;
  private stopped = false;

  constructor(
    readonly config: HubConfig,
    private readonly logger: LoggerService,
    private readonly onChange: () => void = () => {},
  ) {
    try {
      this.hubKubeConfig = kubeConfigForHub(config);
      this.hubGroup = new WatcherGroup(
        `hub/${config.name}`,
        HUB_KINDS,
        this.hubKubeConfig,
        logger,
        onChange,
      );
    } catch (error) {
      // A hub whose credentials cannot be loaded is reported, not fatal for the others.
      this.setupError = describeError(error);
      logger.error(`Hub ${config.name}: cannot connect: ${this.setupError}`);
    }
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.hubGroup?.start();
    if (this.config.workers.credentials !== 'none') {
      await this.reconcileWorkers();
      // stop() may have run while we awaited (start is not awaited by the service).
      if (this.stopped) return;
      this.reconcileTimer = setInterval(
        () => void this.reconcileWorkers(),
        WORKER_RECONCILE_MS,
      );
      // A background refresh must not keep the process alive on its own.
      this.reconcileTimer.unref();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconcileTimer) clearInterval(this.reconcileTimer);
    await this.reconciling;
    await this.hubGroup?.stop();
    await Promise.all([...this.workers.values()].map(w => w.group?.stop()));
  }

  private inScope(namespace: string | undefined): boolean {
    if (!this.config.projects) return true;
    return this.config.projects.some(p => namespaceOfProject(p) === namespace);
  }

  private objects<T extends { metadata?: { namespace?: string } }>(
    key: HubKindKey,
  ): T[] {
    const all = this.hubGroup?.objects<T>(key) ?? [];
    if (key === 'projects') {
      return this.config.projects
        ? all.filter(p =>
            this.config.projects!.includes((p as any).metadata?.name),
          )
        : all;
    }
    return this.config.projects
      ? all.filter(o => this.inScope(o.metadata?.namespace))
      : all;
  }

  /** Opens, keeps or closes worker connections to match the hub's registered clusters. */
  async reconcileWorkers(): Promise<void> {
    if (this.reconciling || !this.hubKubeConfig) return this.reconciling;
    this.reconciling = (async () => {
      const clusters = this.objects<ClusterObject>('clusters');
      const seen = new Set<string>();
      for (const cluster of clusters) {
        if (this.stopped) return;
        const name = cluster.metadata?.name ?? '';
        const project = projectOfNamespace(cluster.metadata?.namespace);
        const key = `${project}/${name}`;
        seen.add(key);
        let endpoint: WorkerEndpoint | undefined;
        let error: string | undefined;
        try {
          endpoint = await this.endpointFor(cluster, project);
        } catch (e) {
          error = describeError(e);
        }
        if (this.stopped) return;
        const existing = this.workers.get(key);
        if (!endpoint) {
          if (existing?.group) await existing.group.stop();
          if (existing?.error !== error) {
            this.logger.warn(
              `Hub ${this.config.name}: no access to worker ${key}: ${error}`,
            );
          }
          this.workers.set(key, { project, cluster: name, error });
          this.onChange();
          continue;
        }
        if (existing?.group && sameEndpoint(existing.endpoint, endpoint))
          continue;
        if (existing?.group) await existing.group.stop();
        const group = new WatcherGroup(
          `worker/${this.config.name}/${key}`,
          WORKER_KINDS,
          kubeConfigForWorker(name, endpoint),
          this.logger,
          this.onChange,
        );
        this.workers.set(key, { project, cluster: name, endpoint, group });
        void group.start();
      }
      for (const [key, entry] of this.workers) {
        if (!seen.has(key)) {
          await entry.group?.stop();
          this.workers.delete(key);
          this.onChange();
        }
      }
    })().finally(() => {
      this.reconciling = undefined;
    });
    return this.reconciling;
  }

  private async endpointFor(
    cluster: ClusterObject,
    project: string,
  ): Promise<WorkerEndpoint | undefined> {
    const name = cluster.metadata?.name;
    if (this.config.workers.credentials === 'config') {
      const configured = this.config.workers.clusters.find(
        w => w.name === name && (!w.project || w.project === project),
      );
      if (!configured)
        throw new Error(`worker ${name} is not listed under workers.clusters`);
      return endpointFromConfig(configured);
    }
    if (this.config.workers.credentials === 'dashboardSecret') {
      return endpointFromDashboardSecret(this.hubKubeConfig!, cluster);
    }
    return undefined;
  }

  sync(): HubSync {
    if (this.setupError)
      return { state: 'unreachable', message: this.setupError };
    return this.hubGroup!.sync();
  }

  private workerObjects(): WorkerObjects[] {
    return [...this.workers.values()].map(entry => ({
      cluster: entry.cluster,
      project: entry.project,
      sync: entry.group
        ? entry.group.sync()
        : { state: 'unreachable' as const, message: entry.error },
      sliceGateways: entry.group?.objects('sliceGateways') ?? [],
      serviceExports: entry.group?.objects('serviceExports') ?? [],
      serviceImports: entry.group?.objects('serviceImports') ?? [],
    }));
  }

  snapshot(): HubObjects {
    const errors: SourceError[] = [];
    if (this.setupError) {
      errors.push({
        source: `hub/${this.config.name}`,
        state: 'unreachable',
        message: this.setupError,
      });
    }
    if (this.hubGroup) errors.push(...this.hubGroup.errors());
    const workers = this.workerObjects();
    for (const worker of workers) {
      if (
        worker.sync.state === 'unreachable' ||
        worker.sync.state === 'degraded'
      ) {
        errors.push({
          source: `worker/${this.config.name}/${worker.project}/${worker.cluster}`,
          state: worker.sync.state,
          message: worker.sync.message ?? worker.sync.state,
        });
      }
    }
    return {
      name: this.config.name,
      title: this.config.title,
      sync: this.sync(),
      errors,
      projects: this.objects('projects'),
      clusters: this.objects('clusters'),
      sliceConfigs: this.objects('sliceConfigs'),
      workerSliceConfigs: this.objects('workerSliceConfigs'),
      sliceQosConfigs: this.objects('sliceQosConfigs'),
      serviceExportConfigs: this.objects('serviceExportConfigs'),
      workerSliceGateways: this.objects('workerSliceGateways'),
      workerServiceImports: this.objects('workerServiceImports'),
      events: this.objects('events'),
      workers,
    };
  }

  /** Resolves when the hub (and the workers found so far) synced or failed once. */
  async waitForInitialSync(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const workersSettled = [...this.workers.values()].every(
        w => !w.group || w.group.settled(),
      );
      if (this.setupError || (this.hubGroup!.settled() && workersSettled))
        return;
      await new Promise(resolve => setTimeout(resolve, 50));
    }
  }
}
