import type { KubeObject } from '../api/types';
import type { FleetRuntime } from './FleetRuntime';

/**
 * The worker operator's ServiceImport endpoints: each worker's imports list
 * the endpoints of the hub's WorkerServiceImport for that cluster that it
 * can reach, so endpoints of a down cluster or across a cut link leave the
 * import. A worker whose operator is stopped or cut off from the hub leaves
 * its imports as they are (it cannot read the hub's endpoints).
 */

const NETWORKING = 'networking.kubeslice.io';
const WORKER = 'worker.kubeslice.io';

export function reconcileAllImports(runtime: FleetRuntime): void {
  for (const [name, worker] of runtime.workers) {
    if (!runtime.faults.operatorSyncs(name)) continue;
    const rt = worker.resourceType('serviceimports', NETWORKING);
    for (const imp of worker.store.list(rt))
      reconcileImportEndpoints(runtime, { cluster: name, imp });
  }
}

/**
 * One worker ServiceImport: the endpoints of the hub's WorkerServiceImport
 * for that cluster that the worker can reach (READY with endpoints,
 * PENDING without). `force` writes (and records the event) even when the
 * endpoints did not change. Returns whether it wrote.
 */
export function reconcileImportEndpoints(
  runtime: FleetRuntime,
  options: { cluster: string; imp: KubeObject; force?: boolean },
): boolean {
  const { cluster, imp } = options;
  const worker = runtime.workers.get(cluster);
  if (!worker || !runtime.faults.operatorSyncs(cluster)) return false;
  const projectNs = runtime.projectNamespaceOf(cluster);
  if (!projectNs) return false;
  const wsiType = runtime.hubType('workerserviceimports', WORKER);
  const rt = worker.resourceType('serviceimports', NETWORKING);
  const svc = imp.metadata.name!;
  const ns = imp.metadata.namespace!;
  const slice = imp.spec?.slice;
  const wsi = runtime.hub.store.get(
    wsiType,
    projectNs,
    `${svc}-${ns}-${slice}-${cluster}`,
  );
  if (!wsi) return false;
  const endpoints = (wsi.spec?.serviceDiscoveryEndpoints ?? [])
    .filter((e: any) => runtime.faults.reachable(e.cluster, cluster))
    .map((e: any) => ({
      name: e.podName,
      ip: e.nsmIp,
      port: e.port,
      clusterId: e.cluster,
      dnsName: e.dnsName,
    }));
  if (
    !options.force &&
    JSON.stringify(endpoints) === JSON.stringify(imp.status?.endpoints ?? [])
  )
    return false;
  const stamp = Math.floor(runtime.now().getTime() / 1000);
  worker.store.mutate(rt, ns, svc, o => {
    o.status = {
      ...o.status,
      endpoints,
      availableEndpoints: endpoints.length,
      importStatus: endpoints.length ? 'READY' : 'PENDING',
      lastSync: stamp,
      updatedOn: stamp,
    };
  });
  runtime.workerEvent(
    worker,
    'SliceServiceImportUpdated',
    {
      apiVersion: `${NETWORKING}/v1beta1`,
      kind: 'ServiceImport',
      name: svc,
      namespace: ns,
    },
    slice,
  );
  return true;
}
