import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  FleetSnapshot,
  HubObjects,
} from '@slice-portal/plugin-slice-common';
import type express from 'express';

/*
 * The operation tracker and audit log the write routes use. They are built in
 * src/operations and src/audit; until those modules land, the interfaces are declared
 * here exactly as agreed, so the write path compiles and is tested against in-memory
 * fakes. When they land this file re-exports theirs.
 */

export interface OperationStep {
  id: string;
  title: string;
  state: 'pending' | 'running' | 'done' | 'failed';
  detail?: string;
}
export type OperationState = 'running' | 'done' | 'failed' | 'timedOut';
export interface OperationTarget {
  hub: string;
  project: string;
  slice?: string;
  cluster?: string;
}
export interface Operation {
  id: string;
  kind: string;
  target: OperationTarget;
  actor: string;
  createdAt: string;
  updatedAt: string;
  state: OperationState;
  reason?: string;
  steps: OperationStep[];
}
/** What check() sees: the fleet snapshot plus the raw hub objects of one hub. */
export interface FleetSnapshotView {
  snapshot: FleetSnapshot;
  hub(name: string): HubObjects | undefined;
}
export interface OperationPhase {
  title: string;
  /** Runs once when the phase starts (e.g. the delete call after offboarding); a throw fails the operation with its message. */
  run?: () => Promise<void>;
  /** Evaluated against the current fleet state after each change; says what to show and whether the phase is complete or failed. */
  check(fleet: FleetSnapshotView): {
    steps: OperationStep[];
    done: boolean;
    failed?: string;
  };
}
export interface OperationTracker {
  start(options: {
    kind: string;
    target: OperationTarget;
    actor: string;
    timeoutMs: number;
    phases: OperationPhase[];
  }): Promise<Operation>;
  get(id: string): Promise<Operation | undefined>;
}

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
