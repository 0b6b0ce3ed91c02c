import {
  CoreV1Api,
  CustomObjectsApi,
  makeInformer,
  type Informer,
  type KubeConfig,
  type ObjectCache,
  type KubernetesObject,
} from '@kubernetes/client-node';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SourceState } from '@slice-portal/plugin-slice-common';
import { collectionPath, type WatchedKind } from './kinds';

export interface KindWatcherStatus {
  state: SourceState;
  /** When the cache last matched the server: the last list, watch event or live connection. */
  lastSyncAt?: Date;
  error?: string;
}

const INITIAL_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 30000;

/** The message of a client-node error, which may be an ApiException, a fetch error or a status object. */
export function describeError(error: unknown): string {
  if (!error) return 'unknown error';
  const e = error as {
    code?: number;
    body?: unknown;
    message?: string;
    cause?: { code?: string };
  };
  if (typeof e.code === 'number' && e.body) {
    try {
      const body = typeof e.body === 'string' ? JSON.parse(e.body) : e.body;
      if (body?.message) return `HTTP ${e.code}: ${body.message}`;
    } catch {
      // body was not JSON; fall through to the message
    }
    return `HTTP ${e.code}`;
  }
  if (e.cause?.code)
    return `${e.message ?? 'request failed'} (${e.cause.code})`;
  return e.message ?? String(error);
}

/**
 * List+watch of one kind on one hub, kept in memory. client-node's informer resumes the
 * watch from the last resourceVersion and relists when the server answers 410 Gone; when
 * the connection fails it stops, so this restarts it with exponential backoff.
 */
export class KindWatcher {
  private readonly informer: Informer<KubernetesObject> &
    ObjectCache<KubernetesObject>;
  private failedSinceStart = false;
  private status: KindWatcherStatus = { state: 'pending' };
  private connected = false;
  private stopped = false;
  private backoffMs = INITIAL_BACKOFF_MS;
  private retryTimer?: NodeJS.Timeout;

  constructor(
    private readonly source: string,
    readonly kind: WatchedKind,
    kubeConfig: KubeConfig,
    private readonly logger: LoggerService,
    /** Called after every change of the cached objects (add, update, delete, relist). */
    private readonly onChange: () => void = () => {},
  ) {
    const labelSelector = kind.labelSelector;
    let list: () => Promise<any>;
    if (kind.group) {
      const api = kubeConfig.makeApiClient(CustomObjectsApi);
      list = () =>
        api.listClusterCustomObject({
          group: kind.group,
          version: kind.version,
          plural: kind.plural,
          labelSelector,
        });
    } else if (kind.plural === 'events') {
      const api = kubeConfig.makeApiClient(CoreV1Api);
      list = () => api.listEventForAllNamespaces({ labelSelector });
    } else {
      throw new Error(`No list call for core kind ${kind.plural}`);
    }
    this.informer = makeInformer(
      kubeConfig,
      collectionPath(kind),
      list,
      labelSelector,
    );
    const changed = () => {
      this.markSynced();
      this.onChange();
    };
    // 'connect' fires before the (re)list, so it is not proof of sync; add/update/delete are.
    this.informer.on('add', changed);
    this.informer.on('update', changed);
    this.informer.on('delete', changed);
    this.informer.on('error', (error: unknown) => this.onError(error));
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.failedSinceStart = false;
    try {
      // Resolves once the list (if needed) is done and the watch is open, or after an
      // error was emitted (the informer reports errors through its 'error' event).
      await this.informer.start();
    } catch (error) {
      this.onError(error);
    }
    if (this.stopped) {
      // stop() ran while the initial list was in flight; client-node opens the watch
      // after listing without checking, so close it again here.
      await this.informer.stop().catch(() => undefined);
      return;
    }
    if (!this.failedSinceStart) {
      this.markSynced();
      this.onChange();
    }
  }

  private markSynced() {
    this.connected = true;
    this.backoffMs = INITIAL_BACKOFF_MS;
    this.status = { state: 'ok', lastSyncAt: new Date() };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    try {
      await this.informer.stop();
    } catch {
      // already stopped
    }
  }

  objects(): readonly KubernetesObject[] {
    return this.informer.list();
  }

  getStatus(): KindWatcherStatus {
    // A live watch means the cache is current now, even if nothing changed for a while.
    if (this.connected && this.status.state === 'ok') {
      return { ...this.status, lastSyncAt: new Date() };
    }
    return this.status;
  }

  private onError(error: unknown) {
    if (this.stopped) return;
    this.failedSinceStart = true;
    this.connected = false;
    const message = describeError(error);
    this.status = {
      state: 'unreachable',
      lastSyncAt: this.status.lastSyncAt,
      error: message,
    };
    this.onChange();
    this.logger.warn(
      `${this.source}: watch of ${
        this.kind.plural
      } failed (${message}); retrying in ${this.backoffMs / 1000}s`,
    );
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.stopped) void this.start();
    }, this.backoffMs);
    this.retryTimer.unref();
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
  }
}
