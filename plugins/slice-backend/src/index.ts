/**
 * Slice Portal backend plugin.
 *
 * @packageDocumentation
 */
export { slicePlugin as default } from './plugin';
export {
  fleetServiceRef,
  CachedFleetService,
  type FleetService,
} from './service/FleetService';
export {
  readHubConfigs,
  type HubConfig,
  type HubAuth,
} from './config/hubConfig';
export { readTenancyConfig, type TenancyConfig } from './config/tenancy';
export {
  sliceConditions,
  createSliceConditionalDecision,
  sliceResourceRef,
  isInProject,
  createIsProjectOwnedByRule,
} from './permissions/rules';
export {
  sliceSignalsModule,
  sliceOperationsExtensionPoint,
  operationChannel,
  type SliceOperationsExtensionPoint,
  type Operation,
  type OperationNotifier,
  type OperationState,
  type OperationStep,
  type OperationTarget,
} from './operations';
export type { AuditAction, AuditEntry, AuditRecord } from './audit';
