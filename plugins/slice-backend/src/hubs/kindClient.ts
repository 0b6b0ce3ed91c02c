import {
  CoreV1Api,
  CustomObjectsApi,
  Observable,
  Watch,
  type ConfigurationOptions,
  type ObservableMiddleware,
  type KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { collectionPath, type WatchedKind } from './kinds';

export type WatchEventType =
  | 'ADDED'
  | 'MODIFIED'
  | 'DELETED'
  | 'BOOKMARK'
  | 'ERROR';

export interface ListPage {
  items: KubernetesObject[];
  /** The collection's resourceVersion: where the watch resumes. */
  resourceVersion: string;
}

export interface WatchRequest {
  resourceVersion: string;
  /** Asks the server to end the watch after this long (it is reopened, as client-go does). */
  timeoutSeconds: number;
  /** Aborting it closes the watch; `onEnd` is then not called. */
  signal: AbortSignal;
  onEvent(type: WatchEventType, object: KubernetesObject): void;
  /** Called once when the server ends the watch (no error) or the connection fails. */
  onEnd(error?: unknown): void;
}

/**
 * List and watch of one kind on one API server. The watch layer depends on this interface
 * only, so it runs against fakes in virtual time in unit tests and against client-node over
 * HTTPS everywhere else.
 */
export interface KindClient {
  list(signal: AbortSignal): Promise<ListPage>;
  /** Resolves once the server accepted the watch (response headers arrived). */
  watch(request: WatchRequest): Promise<void>;
}

/**
 * client-node request options that abort the request with `signal` (the object API takes
 * observable middleware, like client-node's own `setHeaderOptions`).
 */
export function abortableOptions(
  signal: AbortSignal,
): ConfigurationOptions<ObservableMiddleware> {
  return {
    middleware: [
      {
        pre: context => {
          context.setSignal(signal);
          return new Observable(Promise.resolve(context));
        },
        post: response => new Observable(Promise.resolve(response)),
      },
    ],
    middlewareMergeStrategy: 'append',
  };
}

/** A KindClient over HTTP(S) through @kubernetes/client-node, with bookmarks requested. */
export function kubeKindClient(
  kubeConfig: KubeConfig,
  kind: WatchedKind,
): KindClient {
  const labelSelector = kind.labelSelector;
  let listCall: (signal: AbortSignal) => Promise<any>;
  if (kind.group) {
    const api = kubeConfig.makeApiClient(CustomObjectsApi);
    listCall = signal =>
      api.listClusterCustomObject(
        {
          group: kind.group,
          version: kind.version,
          plural: kind.plural,
          labelSelector,
        },
        abortableOptions(signal),
      );
  } else if (kind.plural === 'events') {
    const api = kubeConfig.makeApiClient(CoreV1Api);
    listCall = signal =>
      api.listEventForAllNamespaces(
        { labelSelector },
        abortableOptions(signal),
      );
  } else {
    throw new Error(`No list call for core kind ${kind.plural}`);
  }
  const watcher = new Watch(kubeConfig);
  const path = collectionPath(kind);

  return {
    async list(signal) {
      const result = await listCall(signal);
      return {
        items: (result.items ?? []) as KubernetesObject[],
        resourceVersion: result.metadata?.resourceVersion ?? '',
      };
    },
    async watch(request) {
      const controller = await watcher.watch(
        path,
        {
          resourceVersion: request.resourceVersion,
          allowWatchBookmarks: true,
          timeoutSeconds: request.timeoutSeconds,
          labelSelector,
        },
        (type, object) => {
          if (!request.signal.aborted)
            request.onEvent(type as WatchEventType, object);
        },
        error => {
          if (!request.signal.aborted) request.onEnd(error ?? undefined);
        },
      );
      // client-node's watch cannot take our signal: close its connection when ours aborts,
      // also when that happened while the connection was being opened.
      if (request.signal.aborted) controller.abort();
      else
        request.signal.addEventListener('abort', () => controller.abort(), {
          once: true,
        });
    },
  };
}
