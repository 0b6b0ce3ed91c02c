import type { FleetRuntime } from './FleetRuntime';

/**
 * What a worker operator reconciles when it catches up (after its cluster
 * was down, its operator stopped or it was cut off from the hub), like a
 * restarted controller re-listing: the hub objects meant for it, and its
 * own objects, which may have lost their hub counterpart meanwhile (a
 * deleted WorkerSliceGateway leaves a SliceGateway to remove) or been
 * written meanwhile (a ServiceExport created while nothing synced).
 */

const NETWORKING = 'networking.kubeslice.io';
const WORKER = 'worker.kubeslice.io';
const CONTROLLER = 'controller.kubeslice.io';
const SYSTEM = 'kubeslice-system';

export interface ResyncTargets {
  slices: string[];
  gateways: string[];
  imports: Array<{ svc: string; ns: string; slice: string }>;
  exports: Array<{ ns: string; name: string }>;
}

export function resyncTargets(
  runtime: FleetRuntime,
  cluster: string,
): ResyncTargets | undefined {
  const projectNs = runtime.projectNamespaceOf(cluster);
  const worker = runtime.workers.get(cluster);
  if (!projectNs || !worker) return undefined;
  const onHub = (plural: string, group: string) =>
    runtime.hub.store
      .listShared(runtime.hubType(plural, group), projectNs)
      .filter(o => o.metadata.labels?.['worker-cluster'] === cluster);
  const local = (plural: string, ns?: string) =>
    worker.store.listShared(worker.resourceType(plural, NETWORKING), ns);
  const unique = <T>(items: T[]) => [
    ...new Map(items.map(i => [JSON.stringify(i), i])).values(),
  ];
  return {
    slices: unique([
      ...onHub('workersliceconfigs', WORKER).map(o => o.spec?.sliceName),
      ...local('slices', SYSTEM).map(o => o.metadata.name),
    ]).filter(Boolean),
    gateways: unique([
      ...onHub('workerslicegateways', WORKER).map(o => o.metadata.name!),
      ...local('slicegateways', SYSTEM).map(o => o.metadata.name!),
    ]),
    imports: unique([
      ...onHub('workerserviceimports', WORKER).map(o => ({
        svc: o.spec?.serviceName,
        ns: o.spec?.serviceNamespace,
        slice: o.spec?.sliceName,
      })),
      ...local('serviceimports').map(o => ({
        svc: o.metadata.name!,
        ns: o.metadata.namespace!,
        slice: o.spec?.slice,
      })),
    ]).filter(i => i.svc && i.ns && i.slice),
    exports: unique([
      ...local('serviceexports').map(o => ({
        ns: o.metadata.namespace!,
        name: o.metadata.name!,
      })),
      // Exports it posted whose ServiceExport is gone: the hub copy is removed.
      ...onHub('serviceexportconfigs', CONTROLLER).map(o => ({
        ns: o.spec?.serviceNamespace,
        name: o.spec?.serviceName,
      })),
    ]).filter(e => e.ns && e.name),
  };
}
