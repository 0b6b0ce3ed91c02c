import type { KubernetesObject } from '@kubernetes/client-node';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { HubSync, SourceError } from '@slice-portal/plugin-slice-common';
import type { Clock } from './clock';
import type { KindClient } from './kindClient';
import { KindWatcher, type WatchTiming } from './KindWatcher';
import type { WatchedKind } from './kinds';

export interface WatcherGroupOptions<K extends string> {
  /** Names the API server, e.g. `hub/prod` or `worker/prod/acme/aws-east`. */
  source: string;
  kinds: Record<K, WatchedKind>;
  /** How each kind is listed and watched. */
  clientFor(kind: WatchedKind): KindClient;
  logger: LoggerService;
  clock?: Clock;
  timing?: Partial<WatchTiming>;
  onChange?: () => void;
}

/**
 * The watchers of one API server (a hub or a worker), reported together: `ok` when every
 * kind is synced, `degraded` when some failed or fell silent, `unreachable` when all failed.
 */
export class WatcherGroup<K extends string> {
  readonly source: string;
  private readonly watchers = new Map<K, KindWatcher>();

  constructor(options: WatcherGroupOptions<K>) {
    this.source = options.source;
    for (const [key, kind] of Object.entries(options.kinds) as [
      K,
      WatchedKind,
    ][]) {
      this.watchers.set(
        key,
        new KindWatcher({
          source: options.source,
          kind,
          client: options.clientFor(kind),
          logger: options.logger,
          clock: options.clock,
          timing: options.timing,
          onChange: options.onChange,
        }),
      );
    }
  }

  /** Resolves when every kind listed or failed once. */
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
    // The group is as current as its least recently updated kind.
    const lastSyncAt =
      syncTimes.length === statuses.length && syncTimes.length > 0
        ? new Date(Math.min(...syncTimes)).toISOString()
        : undefined;
    if (statuses.some(s => s.state === 'pending')) {
      return { state: 'pending', lastSyncAt, message: failed[0]?.error };
    }
    if (failed.length === 0) return { state: 'ok', lastSyncAt };
    const message = [...new Set(failed.map(s => s.error))].join('; ');
    const allUnreachable = failed.every(s => s.state === 'unreachable');
    return {
      state:
        failed.length === statuses.length && allUnreachable
          ? 'unreachable'
          : 'degraded',
      lastSyncAt,
      message,
    };
  }

  /** One error value per kind that could not be loaded or is stale. */
  errors(): SourceError[] {
    const errors: SourceError[] = [];
    for (const watcher of this.watchers.values()) {
      const status = watcher.getStatus();
      if (status.state === 'unreachable' || status.state === 'degraded') {
        errors.push({
          source: `${this.source}/${watcher.kind.plural}`,
          state: status.state,
          message: status.error ?? status.state,
          lastSyncAt: status.lastSyncAt?.toISOString(),
        });
      }
    }
    return errors;
  }

  settled(): boolean {
    return [...this.watchers.values()].every(w => w.settled());
  }
}
