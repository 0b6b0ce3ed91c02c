import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  projectOfNamespace,
  type ClusterObject,
  type HubSync,
  type WorkerObjects,
} from '@slice-portal/plugin-slice-common';
import { TimeoutError, withTimeout, type Clock } from './clock';
import { describeError } from './describeError';
import { forEachLimited } from './forEachLimited';
import type { HubTransport } from './hubTransport';
import type { WatchTiming } from './KindWatcher';
import { WORKER_KINDS, type WorkerKindKey } from './kinds';
import { WatcherGroup } from './WatcherGroup';
import { sameEndpoint, type WorkerEndpoint } from './workerAccess';

export interface WorkerConnectionsOptions {
  hub: string;
  transport: HubTransport;
  logger: LoggerService;
  clock: Clock;
  timing: WatchTiming & { credentialTimeoutMs: number };
  onChange: () => void;
}

/** Credential reads sent to a hub at once: enough to sync 200 workers in a few round trips, few enough not to flood it. */
const CREDENTIAL_READS_AT_ONCE = 16;

interface WorkerEntry {
  project: string;
  cluster: string;
  endpoint?: WorkerEndpoint;
  group?: WatcherGroup<WorkerKindKey>;
  /** Why there is no connection (no endpoint published, URL refused, ...). */
  error?: string;
  /** The credentials could not be re-read; the connection made with the previous ones is kept. */
  refreshError?: string;
}

/**
 * A failure that says nothing about the worker's credentials having changed: the hub did not
 * answer in time, answered with an HTTP error, or the network failed. The last good connection
 * (and its data) is then kept rather than dropped.
 */
function isTransient(error: unknown): boolean {
  if (error instanceof TimeoutError) return true;
  const e = error as {
    code?: unknown;
    statusCode?: unknown;
    cause?: { code?: unknown };
    name?: string;
  };
  return (
    typeof e?.code === 'number' ||
    typeof e?.statusCode === 'number' ||
    typeof e?.cause?.code === 'string' ||
    e?.name === 'FetchError'
  );
}

/** The watch connections of one hub's workers, kept in line with the hub's Cluster objects. */
export class WorkerConnections {
  private readonly entries = new Map<string, WorkerEntry>();
  private stopped = false;
  /** Aborts a credential read in flight when stop() is called, so stop() never waits for it. */
  private readonly stopping = new AbortController();
  private reconciling?: Promise<void>;

  constructor(private readonly options: WorkerConnectionsOptions) {}

  /** One reconcile at a time; a call while one runs waits for it. */
  reconcile(clusters: readonly ClusterObject[]): Promise<void> {
    this.reconciling ??= this.reconcileNow(clusters).finally(() => {
      this.reconciling = undefined;
    });
    return this.reconciling;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    await this.reconciling?.catch(() => undefined);
    await Promise.all([...this.entries.values()].map(e => e.group?.stop()));
  }

  private async reconcileNow(clusters: readonly ClusterObject[]) {
    const seen = new Set<string>();
    const targets = clusters.map(cluster => {
      const name = cluster.metadata?.name ?? '';
      const project = projectOfNamespace(cluster.metadata?.namespace);
      const key = `${project}/${name}`;
      seen.add(key);
      return { key, cluster, project, name };
    });
    // Each key appears once, so workers are reconciled independently; reconcileOne handles
    // its own errors.
    await forEachLimited(targets, CREDENTIAL_READS_AT_ONCE, async target => {
      if (!this.stopped) await this.reconcileOne(target);
    });
    if (this.stopped) return;
    for (const [key, entry] of this.entries) {
      if (this.stopped) return;
      if (!seen.has(key)) {
        this.entries.delete(key);
        await entry.group?.stop();
        this.options.onChange();
      }
    }
  }

  private async reconcileOne(target: {
    key: string;
    cluster: ClusterObject;
    project: string;
    name: string;
  }) {
    const { key, cluster, project, name } = target;
    const { transport, clock, timing, logger, hub } = this.options;
    const existing = this.entries.get(key);
    let endpoint: WorkerEndpoint;
    try {
      endpoint = await withTimeout({
        clock,
        ms: timing.credentialTimeoutMs,
        what: `reading the credentials of worker ${name}`,
        call: signal => transport.resolveWorker({ cluster, project, signal }),
        signal: this.stopping.signal,
      });
    } catch (error) {
      const message = describeError(error);
      if (this.stopped) return;
      if (existing?.group && isTransient(error)) {
        if (existing.refreshError !== message) {
          logger.warn(
            `Hub ${hub}: credentials of worker ${key} could not be re-read (${message}); keeping the current connection`,
          );
          existing.refreshError = message;
          this.options.onChange();
        }
        return;
      }
      if (existing?.error !== message) {
        logger.warn(`Hub ${hub}: no access to worker ${key}: ${message}`);
      }
      await existing?.group?.stop();
      this.entries.set(key, { project, cluster: name, error: message });
      this.options.onChange();
      return;
    }
    if (this.stopped) return;
    if (existing?.group && sameEndpoint(existing.endpoint, endpoint)) {
      if (existing.refreshError) {
        existing.refreshError = undefined;
        this.options.onChange();
      }
      return;
    }
    await existing?.group?.stop();
    const group = new WatcherGroup({
      source: `worker/${hub}/${key}`,
      kinds: WORKER_KINDS,
      clientFor: kind =>
        transport.workerClient({ cluster: name, endpoint, kind }),
      logger,
      clock,
      timing,
      onChange: this.options.onChange,
    });
    this.entries.set(key, { project, cluster: name, endpoint, group });
    this.options.onChange();
    // Not awaited: one slow worker must not hold up the others.
    void group.start();
  }

  settled(): boolean {
    return [...this.entries.values()].every(e => !e.group || e.group.settled());
  }

  private syncOf(entry: WorkerEntry): HubSync {
    if (!entry.group) return { state: 'unreachable', message: entry.error };
    const sync = entry.group.sync();
    if (!entry.refreshError) return sync;
    const note = `credentials could not be re-read (${entry.refreshError}); still watching with the previous ones`;
    return {
      ...sync,
      state: sync.state === 'ok' ? 'degraded' : sync.state,
      message: sync.message ? `${sync.message}; ${note}` : note,
    };
  }

  objects(): WorkerObjects[] {
    return [...this.entries.values()].map(entry => ({
      cluster: entry.cluster,
      project: entry.project,
      sync: this.syncOf(entry),
      sliceGateways: entry.group?.objects('sliceGateways') ?? [],
      serviceExports: entry.group?.objects('serviceExports') ?? [],
      serviceImports: entry.group?.objects('serviceImports') ?? [],
    }));
  }
}
