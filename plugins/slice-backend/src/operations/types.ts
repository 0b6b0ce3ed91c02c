import type {
  FleetSnapshot,
  HubObjects,
} from '@slice-portal/plugin-slice-common';

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

/** What check() sees: the fleet snapshot plus the raw hub objects (WorkerSliceConfigs, ServiceExportConfigs...) of one hub. */
export interface FleetSnapshotView {
  snapshot: FleetSnapshot;
  hub(name: string): HubObjects | undefined;
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

/** Told about every persisted change of an operation (e.g. to publish a signal); failures are logged. */
export interface OperationNotifier {
  notify(operation: Operation): Promise<void>;
}
