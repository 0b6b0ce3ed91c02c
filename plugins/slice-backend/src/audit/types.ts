import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type express from 'express';
import type { OperationTarget } from '../operations/types';

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

export const AUDIT_ACTIONS: readonly AuditAction[] = [
  'slice.create',
  'slice.update',
  'slice.delete',
  'namespace.onboard',
  'namespace.offboard',
  'cluster.register',
  'cluster.deregister',
  'service.export',
  'qos.upsert',
];

export type AuditResult = 'succeeded' | 'denied' | 'rejected' | 'failed';

export const AUDIT_RESULTS: readonly AuditResult[] = [
  'succeeded',
  'denied',
  'rejected',
  'failed',
];

export interface AuditRecord {
  actor: string;
  action: AuditAction;
  target: OperationTarget;
  dryRun: boolean;
  result: AuditResult;
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

/** One row of the audit log as the API returns it (newest first). */
export interface AuditEntry extends AuditRecord {
  id: string;
  /** ISO time the record was written. */
  at: string;
}
