import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type express from 'express';
import type { OperationTarget } from '../operations/OperationTracker';

/*
 * The operation tracker and audit log the write routes use, built in src/operations and
 * src/audit. The audit interface is declared here exactly as agreed until src/audit
 * lands; then this file re-exports it too.
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
export type AuditAction =
  | 'slice.create'
  | 'slice.update'
  | 'slice.delete'
  | 'namespace.onboard'
  | 'namespace.offboard'
  | 'cluster.register'
  | 'cluster.deregister'
  | 'service.export'
  | 'qos.upsert';
export interface AuditRecord {
  actor: string;
  action: AuditAction;
  target: OperationTarget;
  dryRun: boolean;
  result: 'succeeded' | 'denied' | 'rejected' | 'failed';
  error?: string;
  operationId?: string;
  summary?: string;
}
export interface AuditLog {
  record(
    entry: AuditRecord & {
      credentials: BackstageCredentials;
      request?: express.Request;
    },
  ): Promise<void>;
}
