import type { KubernetesObject } from '@kubernetes/client-node';
import type {
  KindClient,
  WatchEventType,
  WatchRequest,
} from '../hubs/kindClient';

type Failure = Error | 'hang';

interface LoggedEvent {
  version: number;
  type: WatchEventType;
  object: KubernetesObject;
}

/**
 * One kind on a fake API server, in memory: objects with resource versions, an event log
 * that watches resume from, compaction (410), dropped connections, scripted failures and
 * hangs. For unit tests of the watch layer; integration tests use the fleet simulator.
 */
export class FakeKindServer {
  private version = 0;
  private compactedBelow = 0;
  private readonly objects = new Map<string, KubernetesObject>();
  private readonly log: LoggedEvent[] = [];
  private readonly open = new Set<WatchRequest>();
  private readonly listFailures: Failure[] = [];
  private readonly watchFailures: Failure[] = [];
  listCalls = 0;
  readonly watchRequests: Array<{ resourceVersion: string; at: number }> = [];

  constructor(private readonly now: () => number = Date.now) {}

  upsert(name: string, data: Record<string, unknown> = {}): KubernetesObject {
    const type: WatchEventType = this.objects.has(name) ? 'MODIFIED' : 'ADDED';
    const { metadata, ...rest } = data as { metadata?: object };
    const object = {
      apiVersion: 'test/v1',
      kind: 'Thing',
      ...rest,
      metadata: {
        name,
        namespace: 'ns',
        ...metadata,
        resourceVersion: String(++this.version),
      },
    } as KubernetesObject;
    this.objects.set(name, object);
    this.publish(type, object);
    return object;
  }

  remove(name: string): void {
    const object = this.objects.get(name);
    if (!object) return;
    this.objects.delete(name);
    const deleted = {
      ...object,
      metadata: { ...object.metadata, resourceVersion: String(++this.version) },
    };
    this.publish('DELETED', deleted);
  }

  bookmark(): void {
    for (const watch of this.open) {
      watch.onEvent('BOOKMARK', {
        metadata: { resourceVersion: String(this.version) },
      } as KubernetesObject);
    }
  }

  /** Ends every open watch, as an API server restart does. */
  dropWatches(): void {
    for (const watch of [...this.open]) {
      this.open.delete(watch);
      watch.onEnd();
    }
  }

  /** Forgets the history: resuming from any earlier version answers 410 Gone. */
  compact(): void {
    this.compactedBelow = this.version;
    this.log.length = 0;
    this.dropWatches();
  }

  failNextList(...failures: Failure[]): void {
    this.listFailures.push(...failures);
  }

  failNextWatch(...failures: Failure[]): void {
    this.watchFailures.push(...failures);
  }

  openWatches(): number {
    return this.open.size;
  }

  private publish(type: WatchEventType, object: KubernetesObject) {
    this.log.push({ version: this.version, type, object });
    for (const watch of this.open) watch.onEvent(type, object);
  }

  client(): KindClient {
    return {
      list: async signal => {
        this.listCalls += 1;
        const failure = this.listFailures.shift();
        if (failure === 'hang') return hang(signal);
        if (failure) throw failure;
        return {
          items: [...this.objects.values()],
          resourceVersion: String(this.version),
        };
      },
      watch: async (request): Promise<void> => {
        this.watchRequests.push({
          resourceVersion: request.resourceVersion,
          at: this.now(),
        });
        const failure = this.watchFailures.shift();
        if (failure === 'hang') {
          await hang(request.signal);
          return;
        }
        if (failure) {
          request.onEnd(failure);
          return;
        }
        const from = Number(request.resourceVersion);
        if (from < this.compactedBelow) {
          queueMicrotask(() =>
            request.onEvent('ERROR', {
              kind: 'Status',
              code: 410,
              reason: 'Expired',
              message: 'too old resource version',
            } as unknown as KubernetesObject),
          );
          return;
        }
        this.open.add(request);
        request.signal.addEventListener('abort', () =>
          this.open.delete(request),
        );
        const missed = this.log.filter(e => e.version > from);
        queueMicrotask(() => {
          for (const e of missed) request.onEvent(e.type, e.object);
        });
      },
    };
  }
}

/** A request that never answers until it is aborted (then it fails as fetch does). */
function hang(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    signal.addEventListener('abort', () =>
      reject(new DOMException('aborted', 'AbortError')),
    );
  });
}
