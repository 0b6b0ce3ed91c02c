/** A kind the hub cache watches: where it lives in the API and what it is called in errors. */
export interface WatchedKind {
  key: 'projects' | 'clusters' | 'sliceConfigs' | 'workerSliceConfigs';
  group: string;
  version: string;
  plural: string;
}

/**
 * The hub kinds behind `GET /fleet`. Each is watched across all namespaces: projects
 * live in `kubeslice-controller`, the rest in the project namespaces `kubeslice-<project>`.
 */
export const HUB_KINDS: readonly WatchedKind[] = [
  {
    key: 'projects',
    group: 'controller.kubeslice.io',
    version: 'v1alpha1',
    plural: 'projects',
  },
  {
    key: 'clusters',
    group: 'controller.kubeslice.io',
    version: 'v1alpha1',
    plural: 'clusters',
  },
  {
    key: 'sliceConfigs',
    group: 'controller.kubeslice.io',
    version: 'v1alpha1',
    plural: 'sliceconfigs',
  },
  {
    key: 'workerSliceConfigs',
    group: 'worker.kubeslice.io',
    version: 'v1alpha1',
    plural: 'workersliceconfigs',
  },
];
