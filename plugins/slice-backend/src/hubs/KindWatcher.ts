import type { KubernetesObject } from '@kubernetes/client-node';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SourceState } from '@slice-portal/plugin-slice-common';
import {
  backoffDelay,
  formatDuration,
  sleep,
  systemClock,
  withTimeout,
  type BackoffOptions,
  type Clock,
  type TimerHandle,
} from './clock';
import { describeError } from './describeError';
import type { KindClient, WatchEventType } from './kindClient';
import type { WatchedKind } from './kinds';

export { describeError } from './describeError';

export interface KindWatcherStatus {
  state: SourceState;
  /** When data last arrived: the last list, watch event or bookmark. Never "now" by default. */
  lastSyncAt?: Date;
  error?: string;
}

export interface WatchTiming {
  /** Longest a list, or the opening of a watch, may take before it counts as failed. */
  requestTimeoutMs: number;
  /**
   * A watch that delivers no event and no bookmark for this long is presumed dead (a proxy
   * or load balancer can keep a broken connection open): it is reopened and reported degraded.
   */
  silenceTimeoutMs: number;
  /** The server ends each watch after this long; it is reopened from the last version. */
  watchTimeoutSeconds: number;
  /** Delay between failed attempts. */
  backoff: BackoffOptions;
}

export const DEFAULT_WATCH_TIMING: WatchTiming = {
  requestTimeoutMs: 30_000,
  silenceTimeoutMs: 180_000,
  watchTimeoutSeconds: 300,
  backoff: { initialMs: 1_000, maxMs: 30_000 },
};

export interface KindWatcherOptions {
  /** Names the API server in logs and errors, e.g. `hub/prod`. */
  source: string;
  kind: WatchedKind;
  client: KindClient;
  logger: LoggerService;
  clock?: Clock;
  timing?: Partial<WatchTiming>;
  /** Called after every change of the cached objects or of the status. */
  onChange?: () => void;
}

type Phase = 'pending' | 'ok' | 'silent' | 'failed';
type WatchOutcome = 'closed' | 'expired' | 'silent';

class ExpiredError extends Error {}

function objectKey(object: KubernetesObject): string {
  return `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}

/** An ERROR watch event carries a Status object; 410 means the version was compacted. */
function statusCode(object: unknown): number | undefined {
  const code = (object as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * List+watch of one kind on one API server, kept in memory: lists once, then watches from
 * the list's version with bookmarks, resumes from the last version it saw after the
 * connection ends, relists when the server answers 410 Gone, and retries failures with
 * jittered exponential backoff. The last good objects are kept through every failure; the
 * status says how old they are.
 */
export class KindWatcher {
  readonly kind: WatchedKind;
  private readonly options: KindWatcherOptions;
  private readonly clock: Clock;
  private readonly timing: WatchTiming;
  private readonly byKey = new Map<string, KubernetesObject>();
  private list?: KubernetesObject[];
  private resourceVersion?: string;
  private phase: Phase = 'pending';
  private lastDataAt?: number;
  private failureMessage?: string;
  private failures = 0;
  private nextRetryAt?: number;
  private running?: { abort: AbortController; loop: Promise<void> };
  private settledOnce = false;
  private settle?: () => void;

  constructor(options: KindWatcherOptions) {
    this.options = options;
    this.kind = options.kind;
    this.clock = options.clock ?? systemClock;
    this.timing = { ...DEFAULT_WATCH_TIMING, ...options.timing };
  }

  /** Starts watching; resolves once the first list succeeded or failed. */
  start(): Promise<void> {
    if (!this.running) {
      const abort = new AbortController();
      const settled = new Promise<void>(resolve => {
        this.settle = resolve;
      });
      const loop = this.run(abort.signal).catch(error => {
        // run() handles its own failures; this is the last line against a crash.
        this.options.logger.error(
          `${this.options.source}: watch loop of ${
            this.kind.plural
          } ended unexpectedly: ${describeError(error)}`,
        );
      });
      this.running = { abort, loop };
      if (this.settledOnce) return Promise.resolve();
      return settled;
    }
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    if (!running) return;
    running.abort.abort();
    await running.loop;
    this.markSettled();
  }

  objects(): readonly KubernetesObject[] {
    this.list ??= [...this.byKey.values()];
    return this.list;
  }

  /** Whether the first list succeeded or failed (the group is no longer connecting). */
  settled(): boolean {
    return this.settledOnce;
  }

  getStatus(): KindWatcherStatus {
    const lastSyncAt =
      this.lastDataAt === undefined ? undefined : new Date(this.lastDataAt);
    const now = this.clock.now();
    const age =
      this.lastDataAt === undefined
        ? 'no data yet'
        : `showing data from ${formatDuration(now - this.lastDataAt)} ago`;
    switch (this.phase) {
      case 'pending':
        return { state: 'pending' };
      case 'ok':
        return { state: 'ok', lastSyncAt };
      case 'silent':
        return {
          state: 'degraded',
          lastSyncAt,
          error: `watch of ${this.kind.plural} silent for ${formatDuration(
            this.timing.silenceTimeoutMs,
          )}, reconnecting; ${age}`,
        };
      default: {
        const retry =
          this.nextRetryAt === undefined
            ? ''
            : `; retrying in ${formatDuration(
                Math.max(0, this.nextRetryAt - now),
              )}`;
        return {
          state: 'unreachable',
          lastSyncAt,
          error: `${this.failureMessage}; ${age}${retry}`,
        };
      }
    }
  }

  private changed() {
    try {
      this.options.onChange?.();
    } catch (error) {
      // A listener's bug must not end the watch that delivered the change.
      this.options.logger.error(
        `${this.options.source}: change listener failed: ${describeError(
          error,
        )}`,
      );
    }
  }

  private markSettled() {
    this.settledOnce = true;
    this.settle?.();
    this.settle = undefined;
  }

  private dataArrived() {
    this.lastDataAt = this.clock.now();
    this.failures = 0;
    if (this.phase !== 'ok') {
      this.phase = 'ok';
      this.failureMessage = undefined;
      this.changed();
    }
  }

  /**
   * A watch the server accepted from a known version delivers everything since: the failure is
   * over, though no data arrived yet. A silent watch stays degraded until data proves it alive.
   */
  private connected() {
    if (this.phase !== 'failed') return;
    this.phase = 'ok';
    this.failureMessage = undefined;
    this.changed();
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        if (this.resourceVersion === undefined) await this.relist(signal);
        const outcome = await this.watchOnce(signal);
        if (outcome === 'expired') {
          this.options.logger.info(
            `${this.options.source}: ${this.kind.plural} version ${this.resourceVersion} expired (410 Gone); relisting`,
          );
          this.resourceVersion = undefined;
        } else if (outcome === 'silent') {
          this.options.logger.warn(
            `${this.options.source}: watch of ${this.kind.plural} delivered nothing for ${formatDuration(
              this.timing.silenceTimeoutMs,
            )}; reconnecting`,
          );
          this.phase = 'silent';
          this.changed();
        }
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof ExpiredError) {
          this.resourceVersion = undefined;
          continue;
        }
        await this.backOff(error, signal);
      }
    }
  }

  private async backOff(error: unknown, signal: AbortSignal) {
    const delay = backoffDelay(this.failures, this.timing.backoff);
    this.failures += 1;
    const message = describeError(error);
    const firstOrNew =
      this.phase !== 'failed' || message !== this.failureMessage;
    this.phase = 'failed';
    this.failureMessage = message;
    this.nextRetryAt = this.clock.now() + delay;
    this.markSettled();
    this.changed();
    if (firstOrNew) {
      this.options.logger.warn(
        `${this.options.source}: ${this.kind.plural} failed (${message}); retrying in ${formatDuration(
          delay,
        )}`,
      );
    }
    await sleep(this.clock, delay, signal);
    this.nextRetryAt = undefined;
  }

  private async relist(signal: AbortSignal) {
    const page = await withTimeout({
      clock: this.clock,
      ms: this.timing.requestTimeoutMs,
      what: `list of ${this.kind.plural}`,
      call: s => this.options.client.list(s),
      signal,
    });
    if (signal.aborted) return;
    this.byKey.clear();
    for (const item of page.items) this.byKey.set(objectKey(item), item);
    this.list = undefined;
    this.resourceVersion = page.resourceVersion;
    this.markSettled();
    this.dataArrived();
    this.changed();
  }

  private applyEvent(type: WatchEventType, object: KubernetesObject) {
    const version = object.metadata?.resourceVersion;
    if (version) this.resourceVersion = version;
    if (type === 'ADDED' || type === 'MODIFIED') {
      this.byKey.set(objectKey(object), object);
      this.list = undefined;
    } else if (type === 'DELETED') {
      if (this.byKey.delete(objectKey(object))) this.list = undefined;
    }
    const wasOk = this.phase === 'ok';
    this.dataArrived();
    if (type !== 'BOOKMARK' && wasOk) this.changed();
  }

  /** One watch connection, until the server ends it, it fails, expires or falls silent. */
  private watchOnce(signal: AbortSignal): Promise<WatchOutcome> {
    const connection = new AbortController();
    let silenceTimer: TimerHandle | undefined;
    return new Promise<WatchOutcome>((resolve, reject) => {
      let finished = false;
      // Removed again when this connection ends: the loop's signal lives as long as the watcher.
      let onStop = () => {};
      const finish = (outcome: WatchOutcome | Error) => {
        if (finished) return;
        finished = true;
        this.clock.clearTimeout(silenceTimer);
        signal.removeEventListener('abort', onStop);
        connection.abort();
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      const armSilence = () => {
        this.clock.clearTimeout(silenceTimer);
        silenceTimer = this.clock.setTimeout(
          () => finish('silent'),
          this.timing.silenceTimeoutMs,
        );
      };
      if (signal.aborted) {
        finish('closed');
        return;
      }
      onStop = () => finish('closed');
      signal.addEventListener('abort', onStop, { once: true });
      armSilence();
      const openedAt = this.clock.now();
      let events = 0;
      withTimeout({
        clock: this.clock,
        ms: this.timing.requestTimeoutMs,
        what: `watch of ${this.kind.plural}`,
        signal: connection.signal,
        call: () =>
          this.options.client.watch({
            resourceVersion: this.resourceVersion ?? '',
            timeoutSeconds: this.timing.watchTimeoutSeconds,
            signal: connection.signal,
            onEvent: (type, object) => {
              if (finished) return;
              if (type === 'ERROR') {
                const code = statusCode(object);
                finish(
                  code === 410
                    ? 'expired'
                    : new Error(
                        `watch error${code ? ` HTTP ${code}` : ''}: ${
                          (object as { message?: string }).message ??
                          'unknown'
                        }`,
                      ),
                );
                return;
              }
              armSilence();
              events += 1;
              this.applyEvent(type, object);
            },
            onEnd: error => {
              // A server that ends every watch at once would otherwise be called in a loop.
              if (!error && events === 0 && this.clock.now() - openedAt < 1000)
                finish(new Error('the server ended the watch at once'));
              else if (!error) finish('closed');
              else if ((error as { statusCode?: number }).statusCode === 410)
                finish(new ExpiredError('410 Gone'));
              else finish(error instanceof Error ? error : new Error(describeError(error)));
            },
          }),
      })
        .then(() => {
          if (!finished) this.connected();
        })
        .catch(error => finish(error instanceof Error ? error : new Error(describeError(error))));
    });
  }
}
