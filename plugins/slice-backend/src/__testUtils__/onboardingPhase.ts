import {
  LABEL_ORIGINAL_SLICE_NAME,
  LABEL_WORKER_CLUSTER,
} from '@slice-portal/plugin-slice-common';
import type {
  FleetSnapshotView,
  OperationPhase,
  OperationStep,
} from '../operations/OperationTracker';

/**
 * The phase a namespace onboarding waits in (REFERENCE §6.2): done when every member
 * cluster's WorkerSliceConfig lists the namespace in `status.onboardedAppNamespaces`, with
 * one step per cluster. For the tracker's tests; the write routes build their own.
 */
export function onboardingPhase(options: {
  hub: string;
  slice: string;
  namespace: string;
  clusters: string[];
}): OperationPhase {
  const { hub, slice, namespace, clusters } = options;
  return {
    title: `Onboard ${namespace} onto ${slice}`,
    check(fleet: FleetSnapshotView) {
      const objects = fleet.hub(hub);
      const steps: OperationStep[] = clusters.map(cluster => {
        const wsc = objects?.workerSliceConfigs.find(
          w =>
            (w.metadata?.labels?.[LABEL_ORIGINAL_SLICE_NAME] ??
              w.spec?.sliceName) === slice &&
            w.metadata?.labels?.[LABEL_WORKER_CLUSTER] === cluster,
        );
        const onboarded = (wsc?.status?.onboardedAppNamespaces ?? []).some(
          n => n.name === namespace,
        );
        return {
          id: `onboard:${cluster}`,
          title: `${namespace} on ${cluster}`,
          state: onboarded ? 'done' : 'running',
          ...(wsc
            ? {}
            : {
                detail: `no WorkerSliceConfig of ${slice} for ${cluster} yet`,
              }),
        };
      });
      return { steps, done: steps.every(s => s.state === 'done') };
    },
  };
}
