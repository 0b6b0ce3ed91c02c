/*
 * The operation tracker and audit log the write routes use, from src/operations and
 * src/audit, in one place so the write modules depend on the interfaces only.
 */

export type {
  FleetSnapshotView,
  Operation,
  OperationPhase,
  OperationState,
  OperationStep,
  OperationTarget,
  OperationTracker,
} from '../operations/OperationTracker';
export type { AuditAction, AuditLog, AuditRecord } from '../audit/AuditLog';
