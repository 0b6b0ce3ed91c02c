/** A kind a cache watches: where it lives in the API. `group: ''` is the core API. */
export interface WatchedKind {
  key: string;
  group: string;
  version: string;
  plural: string;
  /** Only objects matching this selector are cached. */
  labelSelector?: string;
}

/** The hub kinds (ARCHITECTURE §3.1), watched across all namespaces. */
export const HUB_KINDS = {
  projects: {
    key: 'projects',
    group: 'controller.kubeslice.io',
    version: 'v1alpha1',
    plural: 'projects',
  },
  clusters: {
    key: 'clusters',
    group: 'controller.kubeslice.io',
    version: 'v1alpha1',
    plural: 'clusters',
  },
  sliceConfigs: {
    key: 'sliceConfigs',
    group: 'controller.kubeslice.io',
    version: 'v1alpha1',
    plural: 'sliceconfigs',
  },
  sliceQosConfigs: {
    key: 'sliceQosConfigs',
    group: 'controller.kubeslice.io',
    version: 'v1alpha1',
    plural: 'sliceqosconfigs',
  },
  serviceExportConfigs: {
    key: 'serviceExportConfigs',
    group: 'controller.kubeslice.io',
    version: 'v1alpha1',
    plural: 'serviceexportconfigs',
  },
  vpnKeyRotations: {
    key: 'vpnKeyRotations',
    group: 'controller.kubeslice.io',
    version: 'v1alpha1',
    plural: 'vpnkeyrotations',
  },
  workerSliceConfigs: {
    key: 'workerSliceConfigs',
    group: 'worker.kubeslice.io',
    version: 'v1alpha1',
    plural: 'workersliceconfigs',
  },
  workerSliceGateways: {
    key: 'workerSliceGateways',
    group: 'worker.kubeslice.io',
    version: 'v1alpha1',
    plural: 'workerslicegateways',
  },
  workerServiceImports: {
    key: 'workerServiceImports',
    group: 'worker.kubeslice.io',
    version: 'v1alpha1',
    plural: 'workerserviceimports',
  },
  // Only KubeSlice's own events: its recorder labels every event with `eventTitle`.
  events: {
    key: 'events',
    group: '',
    version: 'v1',
    plural: 'events',
    labelSelector: 'eventTitle',
  },
} satisfies Record<string, WatchedKind>;

export type HubKindKey = keyof typeof HUB_KINDS;

/** What the portal reads from each worker it can reach (tunnel status, exports, imports). */
export const WORKER_KINDS = {
  sliceGateways: {
    key: 'sliceGateways',
    group: 'networking.kubeslice.io',
    version: 'v1beta1',
    plural: 'slicegateways',
  },
  serviceExports: {
    key: 'serviceExports',
    group: 'networking.kubeslice.io',
    version: 'v1beta1',
    plural: 'serviceexports',
  },
  serviceImports: {
    key: 'serviceImports',
    group: 'networking.kubeslice.io',
    version: 'v1beta1',
    plural: 'serviceimports',
  },
} satisfies Record<string, WatchedKind>;

export type WorkerKindKey = keyof typeof WORKER_KINDS;

/** The collection path of a kind across all namespaces. */
export function collectionPath(kind: WatchedKind): string {
  return kind.group
    ? `/apis/${kind.group}/${kind.version}/${kind.plural}`
    : `/api/${kind.version}/${kind.plural}`;
}
