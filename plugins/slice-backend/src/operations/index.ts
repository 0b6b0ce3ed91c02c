import type {
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { DefaultOperationTracker, type TrackedFleet } from './OperationTracker';
import { OperationStore } from './OperationStore';
import type { OperationNotifier } from './types';

export * from './OperationTracker';
export { OperationStore } from './OperationStore';
export { registerOperationRoutes, type OperationRoutesOptions } from './router';
export {
  operationChannel,
  signalsOperationNotifier,
  sliceOperationsExtensionPoint,
  sliceSignalsModule,
  type SliceOperationsExtensionPoint,
} from './signals';

/** The tracker on the plugin database (tables created on first use). */
export function createOperationTracker(options: {
  database: DatabaseService;
  fleet: TrackedFleet;
  logger: LoggerService;
  /** Read when an operation changes, so modules may add to it until then. */
  notifiers?: readonly OperationNotifier[];
}): DefaultOperationTracker {
  return new DefaultOperationTracker({
    store: OperationStore.fromDatabase(options.database),
    fleet: options.fleet,
    logger: options.logger.child({ component: 'operations' }),
    notifiers: options.notifiers,
  });
}
