import {
  LABEL_ORIGINAL_SLICE_NAME,
  type HubObjects,
  type SliceConfigObject,
  type WorkerSliceConfigObject,
} from '@slice-portal/plugin-slice-common';
import type {
  FleetSnapshotView,
  OperationPhase,
  OperationStep,
} from './contracts';

/**
 * The phases of tracked writes. Each `check` derives progress only from the watch caches
 * (the view the tracker passes after every change), never from calls to a cluster, so
 * following an operation costs nothing however many users watch it.
 */

export interface SliceTarget {
  hub: string;
  /** Project namespace, `kubeslice-<project>`. */
  namespace: string;
  slice: string;
}

type Check = ReturnType<OperationPhase['check']>;

const step = (
  id: string,
  title: string,
  state: OperationStep['state'],
  detail?: string,
): OperationStep =>
  detail ? { id, title, state, detail } : { id, title, state };

const allDone = (steps: OperationStep[]): Check => ({
  steps,
  done: steps.every(s => s.state === 'done'),
});

function hubOf(view: FleetSnapshotView, hub: string): HubObjects | undefined {
  return view.hub(hub);
}

function sliceConfig(
  view: FleetSnapshotView,
  t: SliceTarget,
): SliceConfigObject | undefined {
  return hubOf(view, t.hub)?.sliceConfigs.find(
    s => s.metadata?.namespace === t.namespace && s.metadata?.name === t.slice,
  );
}

type WorkerSlice = WorkerSliceConfigObject & {
  spec?: { namespaceIsolationProfile?: { applicationNamespaces?: string[] } };
  metadata?: { labels?: Record<string, string> };
};

function workerSlices(view: FleetSnapshotView, t: SliceTarget): WorkerSlice[] {
  return (hubOf(view, t.hub)?.workerSliceConfigs ?? []).filter(
    w =>
      w.metadata?.namespace === t.namespace &&
      (w.metadata?.labels?.[LABEL_ORIGINAL_SLICE_NAME] ?? w.spec?.sliceName) ===
        t.slice,
  ) as WorkerSlice[];
}

const clusterOf = (w: WorkerSlice) =>
  w.metadata?.labels?.['worker-cluster'] ?? w.metadata?.name ?? '?';

const onboardedOn = (w: WorkerSlice | undefined, ns: string) =>
  (w?.status?.onboardedAppNamespaces ?? []).some(o => o.name === ns);
const listedOn = (w: WorkerSlice | undefined, ns: string) =>
  (w?.spec?.namespaceIsolationProfile?.applicationNamespaces ?? []).includes(
    ns,
  );

/** Clusters a namespace selection means for the slice as cached now (`*` = every member). */
function expand(
  view: FleetSnapshotView,
  t: SliceTarget,
  clusters: string[],
): string[] {
  if (!clusters.includes('*')) return clusters;
  return (sliceConfig(view, t)?.spec?.clusters ?? []).filter(
    (c): c is string => typeof c === 'string',
  );
}

/** The hub's cache shows the SliceConfig at (at least) the version the write produced. */
export function sliceStoredPhase(
  t: SliceTarget,
  title: string,
  matches: (slice: SliceConfigObject) => boolean,
): OperationPhase {
  return {
    title,
    check(view) {
      const slice = sliceConfig(view, t);
      const ok = slice !== undefined && matches(slice);
      return {
        steps: [
          step(
            `stored:${t.slice}`,
            `SliceConfig ${t.slice} on hub ${t.hub}`,
            ok ? 'done' : 'running',
          ),
        ],
        done: ok,
      };
    },
  };
}

/** Every member has its WorkerSliceConfig, and removed members no longer do. */
export function workerSlicesPhase(
  t: SliceTarget,
  members: string[],
  removed: string[] = [],
): OperationPhase {
  return {
    title: `WorkerSliceConfig on every member (${members.length})`,
    check(view) {
      const present = new Set(workerSlices(view, t).map(clusterOf));
      const have = members.filter(m => present.has(m)).length;
      const steps = [
        ...members.map(m =>
          step(
            `wsc:${m}`,
            `WorkerSliceConfig ${t.slice}-${m}`,
            present.has(m) ? 'done' : 'running',
            present.has(m)
              ? undefined
              : `created on ${have}/${members.length} clusters`,
          ),
        ),
        ...removed.map(m =>
          step(
            `wsc-removed:${m}`,
            `WorkerSliceConfig ${t.slice}-${m} removed`,
            present.has(m) ? 'running' : 'done',
          ),
        ),
      ];
      return allDone(steps);
    },
  };
}

/**
 * Gateway tunnels between every pair of members UP, from the workers' SliceGateway status.
 * A pair whose workers the portal cannot read counts once both WorkerSliceGateways exist,
 * with a note that its tunnel state is not visible.
 */
export function tunnelsPhase(
  t: SliceTarget,
  members: string[],
): OperationPhase {
  const pairs: [string, string][] = [];
  const sorted = [...members].sort();
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length; j++)
      pairs.push([sorted[i], sorted[j]]);
  return {
    title: `Gateway tunnels UP (${pairs.length} pairs)`,
    check(view) {
      const hub = hubOf(view, t.hub);
      const detail = view.snapshot.slices.find(
        s =>
          s.hub === t.hub &&
          s.name === t.slice &&
          `kubeslice-${s.project}` === t.namespace,
      );
      const readable = new Set(
        (hub?.workers ?? [])
          .filter(
            w =>
              w.sync.state === 'ok' && `kubeslice-${w.project}` === t.namespace,
          )
          .map(w => w.cluster),
      );
      const gateways = new Set(
        (hub?.workerSliceGateways ?? [])
          .filter(
            g =>
              g.metadata?.namespace === t.namespace &&
              g.metadata?.labels?.[LABEL_ORIGINAL_SLICE_NAME] === t.slice,
          )
          .map(g => g.metadata?.name),
      );
      const up = pairs.filter(
        ([a, b]) =>
          detail?.tunnels.find(x => x.a === a && x.b === b)?.state === 'UP',
      ).length;
      const steps = pairs.map(([a, b]) => {
        const tunnel = detail?.tunnels.find(x => x.a === a && x.b === b);
        const id = `tunnel:${a}|${b}`;
        const title = `tunnel ${a}↔${b}`;
        if (tunnel?.state === 'UP') return step(id, title, 'done');
        const bothGateways =
          gateways.has(`${t.slice}-${a}-${b}`) &&
          gateways.has(`${t.slice}-${b}-${a}`);
        if (!readable.has(a) && !readable.has(b) && bothGateways)
          return step(
            id,
            title,
            'done',
            'gateways created; tunnel state not visible (no worker access)',
          );
        return step(
          id,
          title,
          'running',
          `${tunnel?.state ?? 'not created yet'} (UP ${up}/${pairs.length})`,
        );
      });
      return allDone(steps);
    },
  };
}

/** A namespace onboarded (reported in WorkerSliceConfig status) on each given cluster. */
export function onboardedPhase(
  t: SliceTarget,
  namespace: string,
  clusters: string[],
): OperationPhase {
  return {
    title: `Namespace ${namespace} onboarded`,
    check(view) {
      const targets = expand(view, t, clusters);
      const byCluster = new Map(
        workerSlices(view, t).map(w => [clusterOf(w), w]),
      );
      const steps = targets.map(c => {
        const w = byCluster.get(c);
        const id = `onboard:${namespace}@${c}`;
        const title = `namespace ${namespace} on ${c}`;
        if (onboardedOn(w, namespace))
          return step(id, title, 'done', 'onboarded ✓');
        if (listedOn(w, namespace))
          return step(
            id,
            title,
            'running',
            'waiting for the worker to onboard it',
          );
        return step(
          id,
          title,
          'pending',
          'waiting for the controller to pass it to the worker',
        );
      });
      return {
        steps,
        done: targets.length > 0 && steps.every(s => s.state === 'done'),
      };
    },
  };
}

/** A namespace no longer onboarded on each given cluster (or on any member when `clusters` is absent). */
export function offboardedPhase(
  t: SliceTarget,
  namespace: string,
  clusters: string[] | undefined,
): OperationPhase {
  return {
    title: `Namespace ${namespace} offboarded`,
    check(view) {
      const all = workerSlices(view, t);
      const targets = clusters ?? all.map(clusterOf);
      const byCluster = new Map(all.map(w => [clusterOf(w), w]));
      const steps = targets.map(c => {
        const w = byCluster.get(c);
        const id = `offboard:${namespace}@${c}`;
        const title = `namespace ${namespace} on ${c}`;
        if (!onboardedOn(w, namespace) && !listedOn(w, namespace))
          return step(id, title, 'done', 'offboarded ✓');
        return step(
          id,
          title,
          'running',
          'waiting for the worker to offboard it',
        );
      });
      return allDone(steps);
    },
  };
}

/** Guided delete, wait phase: no member lists or reports a namespace, and no export of the slice remains. */
export function drainedPhase(t: SliceTarget): OperationPhase {
  return {
    title: 'Wait until no namespace is onboarded and no service is exported',
    check(view) {
      const steps = workerSlices(view, t).map(w => {
        const c = clusterOf(w);
        const listed =
          w.spec?.namespaceIsolationProfile?.applicationNamespaces ?? [];
        const onboarded = (w.status?.onboardedAppNamespaces ?? []).map(
          o => o.name,
        );
        const left = [...new Set([...listed, ...onboarded])];
        return step(
          `drain:${c}`,
          `namespaces on ${c}`,
          left.length ? 'running' : 'done',
          left.length
            ? `still onboarded: ${left.join(', ')}`
            : 'none onboarded ✓',
        );
      });
      const exports = (hubOf(view, t.hub)?.serviceExportConfigs ?? [])
        .filter(
          e =>
            e.metadata?.namespace === t.namespace &&
            e.metadata?.labels?.[LABEL_ORIGINAL_SLICE_NAME] === t.slice,
        )
        .map(e => e.metadata?.name ?? '?');
      steps.push(
        step(
          'drain:exports',
          'service exports of the slice',
          exports.length ? 'running' : 'done',
          exports.length
            ? `still exported: ${exports.join(
                ', ',
              )} (delete their ServiceExports on the workers)`
            : 'none ✓',
        ),
      );
      return allDone(steps);
    },
  };
}

/** The SliceConfig and its WorkerSliceConfigs are gone from the hub. */
export function sliceGonePhase(
  t: SliceTarget,
  run: () => Promise<void>,
): OperationPhase {
  return {
    title: `Delete SliceConfig ${t.slice}`,
    run,
    check(view) {
      const stored = sliceConfig(view, t) !== undefined;
      const left = workerSlices(view, t).map(clusterOf);
      return allDone([
        step(
          `delete:${t.slice}`,
          `SliceConfig ${t.slice}`,
          stored ? 'running' : 'done',
          stored ? 'deleting' : 'deleted ✓',
        ),
        step(
          `delete:wsc`,
          'WorkerSliceConfigs',
          left.length ? 'running' : 'done',
          left.length ? `left on ${left.join(', ')}` : 'all removed ✓',
        ),
      ]);
    },
  };
}

export interface ClusterTarget {
  hub: string;
  namespace: string;
  cluster: string;
}

function clusterObject(view: FleetSnapshotView, t: ClusterTarget) {
  return hubOf(view, t.hub)?.clusters.find(
    c =>
      c.metadata?.namespace === t.namespace && c.metadata?.name === t.cluster,
  ) as
    | (HubObjects['clusters'][number] & {
        status?: { secretName?: string };
        metadata?: { deletionTimestamp?: string };
      })
    | undefined;
}

/** Cluster stored, then the controller issued the worker Secret (REFERENCE §6.1 step 3). */
export function registrationPhases(t: ClusterTarget): OperationPhase[] {
  return [
    {
      title: `Cluster ${t.cluster} on hub ${t.hub}`,
      check(view) {
        const ok = clusterObject(view, t) !== undefined;
        return allDone([
          step(
            `cluster:${t.cluster}`,
            `Cluster ${t.cluster}`,
            ok ? 'done' : 'running',
          ),
        ]);
      },
    },
    {
      title: 'Worker Secret issued by the controller',
      check(view) {
        const secret = clusterObject(view, t)?.status?.secretName;
        return allDone([
          step(
            'secret',
            'worker registration Secret',
            secret ? 'done' : 'running',
            secret
              ? `${secret}: read the registration values and install the worker chart`
              : 'waiting for the controller',
          ),
        ]);
      },
    },
  ];
}

/** Deletion accepted, then the Cluster gone (the worker's deregistration and the controller's finalizer). */
export function deregistrationPhases(t: ClusterTarget): OperationPhase[] {
  return [
    {
      title: `Deregister cluster ${t.cluster}`,
      check(view) {
        const c = clusterObject(view, t);
        return allDone([
          step(
            `deregister:${t.cluster}`,
            `Cluster ${t.cluster} removed from hub ${t.hub}`,
            c ? 'running' : 'done',
            c
              ? `deregistration in progress (${
                  (c.status as { registrationStatus?: string } | undefined)
                    ?.registrationStatus ?? 'finalizers pending'
                })`
              : 'removed ✓',
          ),
        ]);
      },
    },
  ];
}

export interface ExportTarget extends SliceTarget {
  cluster: string;
  exportNamespace: string;
  name: string;
}

/** ServiceExport status on the worker, its ServiceExportConfig on the hub, and imports on every member. */
export function exportPhases(t: ExportTarget): OperationPhase[] {
  const secName = `${t.name}-${t.exportNamespace}-${t.cluster}`;
  return [
    {
      title: `ServiceExport ${t.exportNamespace}/${t.name} on ${t.cluster}`,
      check(view) {
        const worker = hubOf(view, t.hub)?.workers?.find(
          w =>
            w.cluster === t.cluster && `kubeslice-${w.project}` === t.namespace,
        );
        const hubHasIt = (hubOf(view, t.hub)?.serviceExportConfigs ?? []).some(
          e =>
            e.metadata?.namespace === t.namespace &&
            e.metadata?.name === secName,
        );
        const exported = worker?.serviceExports.find(
          e =>
            e.metadata?.namespace === t.exportNamespace &&
            e.metadata?.name === t.name,
        );
        const status = (
          exported?.status as { exportStatus?: string } | undefined
        )?.exportStatus;
        if (status === 'READY' || hubHasIt)
          return allDone([
            step('export', `export of ${t.name}`, 'done', 'READY ✓'),
          ]);
        let detail = 'waiting for the worker';
        if (!worker)
          detail = 'waiting (worker status not visible to the portal)';
        else if (status === 'PENDING')
          detail = `PENDING: is namespace ${t.exportNamespace} onboarded on ${t.cluster}?`;
        return allDone([
          step('export', `export of ${t.name}`, 'running', detail),
        ]);
      },
    },
    {
      title: `ServiceExportConfig ${secName} on hub ${t.hub}`,
      check(view) {
        const ok = (hubOf(view, t.hub)?.serviceExportConfigs ?? []).some(
          e =>
            e.metadata?.namespace === t.namespace &&
            e.metadata?.name === secName,
        );
        return allDone([
          step(
            'sec',
            `ServiceExportConfig ${secName}`,
            ok ? 'done' : 'running',
          ),
        ]);
      },
    },
    {
      title: 'Imported on every member',
      check(view) {
        const members = expand(view, t, ['*']);
        const imports = new Set(
          (hubOf(view, t.hub)?.workerServiceImports ?? [])
            .filter(i => i.metadata?.namespace === t.namespace)
            .map(i => i.metadata?.name),
        );
        const steps = members.map(m =>
          step(
            `import:${m}`,
            `import on ${m}`,
            imports.has(`${t.name}-${t.exportNamespace}-${t.slice}-${m}`)
              ? 'done'
              : 'running',
          ),
        );
        return {
          steps,
          done: steps.length > 0 && steps.every(s => s.state === 'done'),
        };
      },
    },
  ];
}
