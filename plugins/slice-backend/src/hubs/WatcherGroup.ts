import type { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { HubSync, SourceError } from '@slice-portal/plugin-slice-common';
import { KindWatcher } from './KindWatcher';
import type { WatchedKind } from './kinds';

/**
 * The watchers of one API server (a hub or a worker), reported together: `ok` when every
 * kind is synced, `degraded` when some failed, `unreachable` when all failed.
 */
export class WatcherGroup<K extends string> {
  private readonly watchers = new Map<K, KindWatcher>();

  constructor(
    readonly source: string,
    kinds: Record<K, WatchedKind>,
    kubeConfig: KubeConfig,
    logger: LoggerService,
    onChange: () => void,
  ) {
    for (const [key, kind] of Object.entries(kinds) as [K, WatchedKind][]) {
      this.watchers.set(
        key,
        new KindWatcher(source, kind, kubeConfig, logger, onChange),
      );
    }
  }

  async start(): Promise<void> {
    await Promise.all([...this.watchers.values()].map(w => w.start()));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.watchers.values()].map(w => w.stop()));
  }

  objects<T = KubernetesObject>(key: K): T[] {
    return (this.watchers.get(key)?.objects() ?? []) as unknown as T[];
  }

  sync(): HubSync {
    const statuses = [...this.watchers.values()].map(w => w.getStatus());
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
    // Until every kind answered once, the group is still connecting.
    if (statuses.some(s => s.state === 'pending')) {
      return { state: 'pending', lastSyncAt, message: failed[0]?.error };
    }
    if (failed.length === statuses.length && failed.length > 0) {
      return { state: 'unreachable', lastSyncAt, message: failed[0].error };
    }
    if (failed.length > 0) {
      return {
        state: 'degraded',
        lastSyncAt,
        message: [...new Set(failed.map(s => s.error))].join('; '),
      };
    }
    return { state: 'ok', lastSyncAt };
  }

  /** One error value per kind that could not be loaded. */
  errors(): SourceError[] {
    const errors: SourceError[] = [];
    for (const watcher of this.watchers.values()) {
      const status = watcher.getStatus();
      if (status.state === 'unreachable' || status.state === 'degraded') {
        errors.push({
          source: `${this.source}/${watcher.kind.plural}`,
          state: status.state,
          message: status.error ?? status.state,
        });
      }
    }
    return errors;
  }

  settled(): boolean {
    return [...this.watchers.values()].every(
      w => w.getStatus().state !== 'pending',
    );
  }
}
