import type { ServerResponse } from 'node:http';
import { ApiError } from '../api/errors';
import { apiVersionOf, resourceKey, type ResourceType } from '../api/resources';
import type { KubeObject } from '../api/types';
import type { StoreEvent } from '../store/ObjectStore';
import {
  compileFilter,
  matchesFilter,
  type ObjectFilter,
} from '../store/selectors';
import { toTable } from './table';
import type { VirtualCluster } from './VirtualCluster';

/**
 * A watch stream: newline-delimited `{type, object}` JSON over a chunked
 * response that stays open, with the API server's semantics:
 *
 * - no `resourceVersion` (or `"0"`): synthetic ADDED events for the current
 *   state, then live changes;
 * - `resourceVersion=N`: every change after N, replayed from history; if N was
 *   compacted away, one ERROR event carrying a 410 `Expired` Status, then end
 *   (clients must re-list: that is how informers recover);
 * - an object whose labels/fields stop (start) matching the selector is sent as
 *   DELETED (ADDED), so a selector-filtered cache stays correct;
 * - `allowWatchBookmarks=true`: periodic BOOKMARK events carrying only the
 *   current resourceVersion, so clients can resume without a 410;
 * - `timeoutSeconds`: the server ends the stream after that long.
 */

export interface WatchOptions {
  cluster: VirtualCluster;
  rt: ResourceType;
  namespace?: string;
  query: URLSearchParams;
  asTable: boolean;
  bookmarkIntervalMs: number;
  now: () => Date;
}

export type WatchEventType =
  | 'ADDED'
  | 'MODIFIED'
  | 'DELETED'
  | 'BOOKMARK'
  | 'ERROR';

export class WatchStream {
  private readonly filter: ObjectFilter;
  private readonly timers: NodeJS.Timeout[] = [];
  private unsubscribe?: () => void;
  private closed = false;
  private readonly closeListeners: Array<() => void> = [];

  constructor(
    private readonly res: ServerResponse,
    private readonly options: WatchOptions,
  ) {
    this.filter = compileFilter({
      namespace: options.rt.namespaced ? options.namespace : undefined,
      labelSelector: options.query.get('labelSelector') ?? undefined,
      fieldSelector: options.query.get('fieldSelector') ?? undefined,
      selectableFields: options.rt.selectableFields,
    });
  }

  /** Sends headers and starts streaming. Selector errors throw before anything is written. */
  start(): void {
    const { cluster, rt, query } = this.options;
    const rvParam = query.get('resourceVersion');
    const since = rvParam && rvParam !== '0' ? Number(rvParam) : undefined;
    if (since !== undefined && (!Number.isInteger(since) || since < 0)) {
      throw ApiError.badRequest(`invalid resource version "${rvParam}"`);
    }
    this.res.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
      'Transfer-Encoding': 'chunked',
    });
    this.res.flushHeaders();
    this.res.on('close', () => this.close());

    const key = resourceKey(rt);
    try {
      if (since === undefined) {
        for (const obj of cluster.store.listShared(rt, this.filter.namespace)) {
          if (matchesFilter(this.filter, obj)) this.send('ADDED', obj);
        }
      }
      // Listing above and subscribing below run in one synchronous turn, so no change can fall between them.
      this.unsubscribe = cluster.store.subscribe(event => {
        if (event.resource === key) this.onEvent(event);
      }, since);
    } catch (e) {
      if (e instanceof ApiError) {
        this.sendRaw({ type: 'ERROR', object: e.toStatus() });
        this.close();
        return;
      }
      throw e;
    }

    if (query.get('allowWatchBookmarks') === 'true') {
      const timer = setInterval(
        () => this.sendBookmark(),
        this.options.bookmarkIntervalMs,
      );
      this.timers.push(timer);
    }
    const timeout = Number(query.get('timeoutSeconds') ?? '0');
    if (Number.isFinite(timeout) && timeout > 0) {
      this.timers.push(setTimeout(() => this.close(), timeout * 1000));
    }
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  private onEvent(event: StoreEvent): void {
    const now = matchesFilter(this.filter, event.object);
    const before = event.previous
      ? matchesFilter(this.filter, event.previous)
      : false;
    if (event.type === 'ADDED') {
      if (now) this.send('ADDED', event.object);
    } else if (event.type === 'DELETED') {
      if (before) this.send('DELETED', event.object);
    } else if (now && before) {
      this.send('MODIFIED', event.object);
    } else if (now) {
      this.send('ADDED', event.object);
    } else if (before) {
      this.send('DELETED', event.object);
    }
  }

  private sendBookmark(): void {
    const { rt, cluster } = this.options;
    this.sendRaw({
      type: 'BOOKMARK',
      object: {
        kind: rt.kind,
        apiVersion: apiVersionOf(rt),
        metadata: { resourceVersion: String(cluster.store.resourceVersion()) },
      },
    });
  }

  private send(type: WatchEventType, obj: KubeObject): void {
    const { rt, asTable } = this.options;
    const typed = { ...obj, apiVersion: apiVersionOf(rt), kind: rt.kind };
    const object = asTable
      ? toTable(rt, [typed], {
          now: this.options.now(),
          resourceVersion: obj.metadata.resourceVersion,
        })
      : typed;
    this.sendRaw({ type, object });
  }

  private sendRaw(event: { type: WatchEventType; object: unknown }): void {
    if (this.closed) return;
    this.res.write(`${JSON.stringify(event)}\n`);
  }

  /** Ends the stream (idempotent): timeout, client gone, or server shutdown. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe?.();
    this.timers.forEach(t => clearTimeout(t));
    if (!this.res.writableEnded) this.res.end();
    this.closeListeners.forEach(l => l());
  }
}
