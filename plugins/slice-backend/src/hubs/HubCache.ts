import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  HubObjects,
  HubSync,
  SourceError,
} from '@slice-portal/plugin-slice-common';
import type { HubConfig } from '../config/hubConfig';
import { kubeConfigForHub } from './kubeConfigForHub';
import { HUB_KINDS } from './kinds';
import { KindWatcher, describeError } from './KindWatcher';

/**
 * The in-memory copy of one hub: a watcher per kind. Requests read from here and never
 * reach the cluster, so a slow or dead hub cannot slow down a page.
 */
export class HubCache {
  private readonly watchers: KindWatcher[] = [];
  private readonly setupError?: string;

  constructor(readonly config: HubConfig, logger: LoggerService) {
    try {
      const kubeConfig = kubeConfigForHub(config);
      for (const kind of HUB_KINDS) {
        this.watchers.push(
          new KindWatcher(config.name, kind, kubeConfig, logger),
        );
      }
    } catch (error) {
      // A hub whose credentials cannot be loaded is reported, not fatal for the others.
      this.setupError = describeError(error);
      logger.error(`Hub ${config.name}: cannot connect: ${this.setupError}`);
    }
  }

  async start(): Promise<void> {
    await Promise.all(this.watchers.map(w => w.start()));
  }

  async stop(): Promise<void> {
    await Promise.all(this.watchers.map(w => w.stop()));
  }

  sync(): HubSync {
    if (this.setupError)
      return { state: 'unreachable', message: this.setupError };
    const statuses = this.watchers.map(w => w.getStatus());
    const failed = statuses.filter(
      s => s.state === 'unreachable' || s.state === 'degraded',
    );
    const syncTimes = statuses
      .map(s => s.lastSyncAt?.getTime())
      .filter((t): t is number => t !== undefined);
    const lastSyncAt =
      syncTimes.length === statuses.length && syncTimes.length > 0
        ? new Date(Math.min(...syncTimes)).toISOString()
        : undefined;
    if (failed.length === statuses.length) {
      return { state: 'unreachable', lastSyncAt, message: failed[0]?.error };
    }
    if (failed.length > 0) {
      return {
        state: 'degraded',
        lastSyncAt,
        message: failed.map(s => s.error).join('; '),
      };
    }
    if (statuses.some(s => s.state === 'pending'))
      return { state: 'pending', lastSyncAt };
    return { state: 'ok', lastSyncAt };
  }

  snapshot(): HubObjects {
    const byKey = (key: string) =>
      (this.watchers.find(w => w.kind.key === key)?.objects() ?? []) as any[];
    const errors: SourceError[] = [];
    if (this.setupError) {
      errors.push({
        source: `hub/${this.config.name}`,
        state: 'unreachable',
        message: this.setupError,
      });
    }
    for (const watcher of this.watchers) {
      const status = watcher.getStatus();
      if (status.state === 'unreachable' || status.state === 'degraded') {
        errors.push({
          source: `hub/${this.config.name}/${watcher.kind.plural}`,
          state: status.state,
          message: status.error ?? 'unreachable',
        });
      }
    }
    return {
      name: this.config.name,
      title: this.config.title,
      sync: this.sync(),
      errors,
      projects: byKey('projects'),
      clusters: byKey('clusters'),
      sliceConfigs: byKey('sliceConfigs'),
      workerSliceConfigs: byKey('workerSliceConfigs'),
    };
  }

  /** Resolves when every kind has synced once or failed once (for start-up and tests). */
  async waitForInitialSync(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (
        this.setupError ||
        this.watchers.every(w => w.getStatus().state !== 'pending')
      )
        return;
      await new Promise(resolve => setTimeout(resolve, 50));
    }
  }
}
