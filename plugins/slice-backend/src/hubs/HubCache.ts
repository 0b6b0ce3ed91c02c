import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  namespaceOfProject,
  type ClusterObject,
  type HubObjects,
  type HubSync,
  type SourceError,
  type WorkerObjects,
} from '@slice-portal/plugin-slice-common';
import type { HubConfig } from '../config/hubConfig';
import { systemClock, type Clock, type TimerHandle } from './clock';
import { describeError } from './describeError';
import { kubeHubTransport, type HubTransport } from './hubTransport';
import { DEFAULT_WATCH_TIMING, type WatchTiming } from './KindWatcher';
import { HUB_KINDS, type HubKindKey } from './kinds';
import { WatcherGroup } from './WatcherGroup';
import { WorkerConnections } from './WorkerConnections';

export interface HubTiming extends WatchTiming {
  /** How often the worker connections are matched with the hub's clusters. */
  reconcileIntervalMs: number;
  /** Longest the read of one worker's credentials may take. */
  credentialTimeoutMs: number;
}

export const DEFAULT_HUB_TIMING: HubTiming = {
  ...DEFAULT_WATCH_TIMING,
  reconcileIntervalMs: 15_000,
  credentialTimeoutMs: 10_000,
};

export interface HubCacheOptions {
  config: HubConfig;
  logger: LoggerService;
  /** Called after every change of the cached objects or of a source's state. */
  onChange?: () => void;
  clock?: Clock;
  timing?: Partial<HubTiming>;
  /** Default: @kubernetes/client-node with the hub's configured credentials. */
  transport?: HubTransport;
}

/**
 * The in-memory copy of one hub and of the workers reachable through it. Requests read
 * from here and never reach a cluster, so a slow or dead cluster cannot slow down a page.
 */
export class HubCache {
  readonly config: HubConfig;
  private readonly logger: LoggerService;
  private readonly clock: Clock;
  private readonly timing: HubTiming;
  private readonly hubGroup?: WatcherGroup<HubKindKey>;
  private readonly workers?: WorkerConnections;
  private readonly setupError?: string;
  private reconcileTimer?: TimerHandle;
  private stopped = false;

  constructor(options: HubCacheOptions) {
    this.config = options.config;
    this.logger = options.logger;
    this.clock = options.clock ?? systemClock;
    this.timing = { ...DEFAULT_HUB_TIMING, ...options.timing };
    const onChange = safeCallback(options.onChange, this.logger);
    let transport = options.transport;
    try {
      transport ??= kubeHubTransport(this.config);
    } catch (error) {
      // A hub whose credentials cannot be loaded is reported, not fatal for the others.
      this.setupError = describeError(error);
      this.logger.error(
        `Hub ${this.config.name}: cannot connect: ${this.setupError}`,
      );
      return;
    }
    const { clock, timing, logger } = this;
    this.hubGroup = new WatcherGroup({
      source: `hub/${this.config.name}`,
      kinds: HUB_KINDS,
      clientFor: kind => transport!.hubClient(kind),
      logger,
      clock,
      timing,
      onChange,
    });
    if (this.config.workers.credentials !== 'none') {
      this.workers = new WorkerConnections({
        hub: this.config.name,
        transport,
        logger,
        clock,
        timing,
        onChange,
      });
    }
  }

  /** Resolves when the hub listed (or failed) once and the first worker reconcile ran. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.hubGroup?.start();
    if (!this.workers || this.stopped) return;
    await this.reconcileWorkers();
    this.scheduleReconcile();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clock.clearTimeout(this.reconcileTimer);
    this.reconcileTimer = undefined;
    await this.workers?.stop();
    await this.hubGroup?.stop();
  }

  private scheduleReconcile() {
    // stop() may have run while start() awaited (the service does not await start).
    if (this.stopped) return;
    this.reconcileTimer = this.clock.setTimeout(() => {
      void this.reconcileWorkers().then(() => this.scheduleReconcile());
    }, this.timing.reconcileIntervalMs);
  }

  /**
   * Opens, keeps or closes worker connections to match the hub's registered clusters.
   * Never rejects: a failure is logged and the next reconcile runs as planned.
   */
  async reconcileWorkers(): Promise<void> {
    if (!this.workers || this.stopped) return;
    try {
      await this.workers.reconcile(this.objects<ClusterObject>('clusters'));
    } catch (error) {
      this.logger.error(
        `Hub ${this.config.name}: worker reconcile failed: ${describeError(
          error,
        )}`,
      );
    }
  }

  private inScope(namespace: string | undefined): boolean {
    if (!this.config.projects) return true;
    return this.config.projects.some(p => namespaceOfProject(p) === namespace);
  }

  private objects<T extends { metadata?: { namespace?: string } }>(
    key: HubKindKey,
  ): T[] {
    const all = this.hubGroup?.objects<T>(key) ?? [];
    const projects = this.config.projects;
    if (!projects) return all;
    if (key === 'projects')
      return all.filter(p => projects.includes((p as any).metadata?.name));
    return all.filter(o => this.inScope(o.metadata?.namespace));
  }

  sync(): HubSync {
    if (this.setupError)
      return { state: 'unreachable', message: this.setupError };
    return this.hubGroup!.sync();
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
    const workers: WorkerObjects[] = this.workers?.objects() ?? [];
    for (const worker of workers) {
      if (
        worker.sync.state === 'unreachable' ||
        worker.sync.state === 'degraded'
      ) {
        errors.push({
          source: `worker/${this.config.name}/${worker.project}/${worker.cluster}`,
          state: worker.sync.state,
          message: worker.sync.message ?? worker.sync.state,
          lastSyncAt: worker.sync.lastSyncAt,
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

  /** Whether the hub (and the workers found so far) listed or failed once. */
  settled(): boolean {
    if (this.setupError) return true;
    return this.hubGroup!.settled() && (this.workers?.settled() ?? true);
  }

  /** Resolves when settled, at most after `timeoutMs`. */
  async waitForInitialSync(timeoutMs: number): Promise<void> {
    const deadline = this.clock.now() + timeoutMs;
    while (!this.settled() && this.clock.now() < deadline) {
      await new Promise<void>(resolve =>
        this.clock.setTimeout(resolve, Math.min(50, timeoutMs)),
      );
    }
  }
}

/** A change callback that throws must not break the watch or reconcile that called it. */
export function safeCallback(
  callback: (() => void) | undefined,
  logger: LoggerService,
): () => void {
  return () => {
    try {
      callback?.();
    } catch (error) {
      logger.error(`change listener failed: ${describeError(error)}`);
    }
  };
}
