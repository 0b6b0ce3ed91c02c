import {
  createBackendModule,
  createExtensionPoint,
} from '@backstage/backend-plugin-api';
import {
  signalsServiceRef,
  type SignalsService,
} from '@backstage/plugin-signals-node';
import type { JsonObject } from '@backstage/types';
import type { Operation, OperationNotifier } from './types';

/** The signal channel of one operation; the frontend subscribes to it (and polls without signals). */
export const operationChannel = (id: string) => `slice:operation:${id}`;

/**
 * Publishes every change of an operation to the user who started it. Service principals
 * (scaffolder tasks, scripts) cannot receive signals; their operations are polled.
 */
export function signalsOperationNotifier(
  signals: Pick<SignalsService, 'publish'>,
): OperationNotifier {
  return {
    async notify(operation: Operation) {
      if (!operation.actor.startsWith('user:')) return;
      await signals.publish({
        recipients: { type: 'user', entityRef: operation.actor },
        channel: operationChannel(operation.id),
        // JSON round trip: no undefined values in the message.
        message: JSON.parse(JSON.stringify(operation)) as JsonObject,
      });
    },
  };
}

/** Lets modules of the slice plugin watch operations. */
export interface SliceOperationsExtensionPoint {
  addNotifier(notifier: OperationNotifier): void;
}

export const sliceOperationsExtensionPoint =
  createExtensionPoint<SliceOperationsExtensionPoint>({
    id: 'slice.operations',
  });

/**
 * Publishes operation progress as Backstage signals. A module rather than a dependency of
 * the plugin, because the signals service needs the events service, which a backend
 * (notably `startTestBackend`) may not have: installed without it, the plugin still
 * works and the frontend polls `GET /v1/operations/{id}`.
 *
 * `backend.add(import('@backstage/plugin-signals-backend'))` and
 * `backend.add(sliceSignalsModule)` (exported by this package) turn it on.
 */
export const sliceSignalsModule = createBackendModule({
  pluginId: 'slice',
  moduleId: 'operation-signals',
  register(reg) {
    reg.registerInit({
      deps: {
        operations: sliceOperationsExtensionPoint,
        signals: signalsServiceRef,
      },
      async init({ operations, signals }) {
        operations.addNotifier(signalsOperationNotifier(signals));
      },
    });
  },
});
