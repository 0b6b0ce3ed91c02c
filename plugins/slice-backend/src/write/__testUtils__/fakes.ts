import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import type {
  FleetSnapshot,
  HubObjects,
} from '@slice-portal/plugin-slice-common';
import type {
  AuditLog,
  AuditRecord,
  FleetSnapshotView,
  Operation,
  OperationPhase,
  OperationTracker,
} from '../contracts';

/**
 * Stand-ins for the operation tracker and the audit log (src/operations, src/audit) in the
 * write path's tests, implementing the agreed interfaces: the tracker runs phases in order,
 * calls `run` once per phase and evaluates `check` against a view of the hub until the
 * phase is done, failed or the operation times out.
 */

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

export class FakeOperationTracker implements OperationTracker {
  private readonly operations = new Map<string, Operation>();
  private next = 1;
  private stopped = false;

  constructor(
    private readonly view: () => Promise<FleetSnapshotView>,
    private readonly pollMs = 200,
  ) {}

  async start(options: {
    kind: string;
    target: Operation['target'];
    actor: string;
    timeoutMs: number;
    phases: OperationPhase[];
  }): Promise<Operation> {
    const now = new Date().toISOString();
    const op: Operation = {
      id: `op-${this.next++}`,
      kind: options.kind,
      target: options.target,
      actor: options.actor,
      createdAt: now,
      updatedAt: now,
      state: 'running',
      steps: [],
    };
    this.operations.set(op.id, op);
    void this.drive(op, options.phases, Date.now() + options.timeoutMs);
    return structuredClone(op);
  }

  private async drive(op: Operation, phases: OperationPhase[], deadline: number) {
    const finished: Operation['steps'] = [];
    const finish = (state: Operation['state'], reason?: string) => {
      op.state = state;
      if (reason) op.reason = reason;
      op.updatedAt = new Date().toISOString();
    };
    for (const phase of phases) {
      try {
        await phase.run?.();
      } catch (error) {
        finish('failed', (error as Error).message);
        return;
      }
      for (;;) {
        if (this.stopped) return;
        const result = phase.check(await this.view());
        op.steps = [...finished, ...result.steps];
        op.updatedAt = new Date().toISOString();
        if (result.failed) return finish('failed', result.failed);
        if (result.done) break;
        if (Date.now() > deadline) return finish('timedOut', `${phase.title}: not done in time`);
        await sleep(this.pollMs);
      }
      finished.push(...op.steps.slice(finished.length));
    }
    finish('done');
  }

  async get(id: string): Promise<Operation | undefined> {
    const op = this.operations.get(id);
    return op && structuredClone(op);
  }

  /** Resolves with the operation once it left `running`, or throws after `timeoutMs`. */
  async settled(id: string, timeoutMs = 30_000): Promise<Operation> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const op = this.operations.get(id);
      if (!op) throw new Error(`no operation ${id}`);
      if (op.state !== 'running') return structuredClone(op);
      if (Date.now() > deadline)
        throw new Error(`operation ${id} still running: ${JSON.stringify(op.steps)}`);
      await sleep(100);
    }
  }

  stop() {
    this.stopped = true;
  }
}

export class FakeAuditLog implements AuditLog {
  readonly records: AuditRecord[] = [];

  async record(entry: AuditRecord & { credentials: unknown; request?: unknown }) {
    const { credentials: _c, request: _r, ...row } = entry;
    this.records.push(row);
  }

  clear() {
    this.records.length = 0;
  }
}

const KINDS: [keyof HubObjects, string, string][] = [
  ['clusters', 'controller.kubeslice.io', 'clusters'],
  ['sliceConfigs', 'controller.kubeslice.io', 'sliceconfigs'],
  ['sliceQosConfigs', 'controller.kubeslice.io', 'sliceqosconfigs'],
  ['serviceExportConfigs', 'controller.kubeslice.io', 'serviceexportconfigs'],
  ['workerSliceConfigs', 'worker.kubeslice.io', 'workersliceconfigs'],
  ['workerSliceGateways', 'worker.kubeslice.io', 'workerslicegateways'],
  ['workerServiceImports', 'worker.kubeslice.io', 'workerserviceimports'],
];

/**
 * A view of one hub read with the admin kubeconfig, at most once per `minIntervalMs` and
 * shared by every caller (the stand-in for the watch caches the real tracker reads).
 */
export function hubViewFromApi(options: {
  kubeconfig: string;
  hub: string;
  minIntervalMs?: number;
}): () => Promise<FleetSnapshotView> {
  const kc = new KubeConfig();
  kc.loadFromString(options.kubeconfig);
  kc.setCurrentContext('hub');
  const api = kc.makeApiClient(CustomObjectsApi);
  let last: { at: number; view: FleetSnapshotView } | undefined;
  let pending: Promise<FleetSnapshotView> | undefined;
  const load = async (): Promise<FleetSnapshotView> => {
    const lists = await Promise.all(
      KINDS.map(([, group, plural]) =>
        api.listClusterCustomObject({ group, version: 'v1alpha1', plural }),
      ),
    );
    const objects: Record<string, unknown> = {
      name: options.hub,
      title: options.hub,
      sync: { state: 'ok' },
      errors: [],
      projects: [],
      events: [],
      workers: [],
    };
    KINDS.forEach(([key], i) => {
      objects[key] = (lists[i] as { items: unknown[] }).items;
    });
    const hub = objects as unknown as HubObjects;
    const snapshot = { slices: [], clusters: [], hubs: [], events: [], errors: [] } as unknown as FleetSnapshot;
    return { snapshot, hub: name => (name === options.hub ? hub : undefined) };
  };
  return async () => {
    if (last && Date.now() - last.at < (options.minIntervalMs ?? 150)) return last.view;
    pending ??= load().finally(() => {
      pending = undefined;
    });
    const view = await pending;
    last = { at: Date.now(), view };
    return view;
  };
}
