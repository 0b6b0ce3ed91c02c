/**
 * How slices and worker clusters are named in the software catalog, shared by the catalog
 * provider (which emits the entities) and the scaffolder actions (which output their refs),
 * so a template's `sliceRef` output is the entity the catalog shows.
 */

/** `spec.type` of a slice's Resource entity. */
export const SLICE_ENTITY_TYPE = 'kubeslice-slice';
/** `spec.type` of a worker cluster's Resource entity (the type the Kubernetes and OCM plugins use). */
export const CLUSTER_ENTITY_TYPE = 'kubernetes-cluster';
/** On a cluster entity: `<hub>/<cluster>`, the cluster as the slice backend names it. */
export const CLUSTER_ANNOTATION = 'kubeslice.io/cluster';

const MAX_ENTITY_NAME = 63;

/** FNV-1a, 32 bit, as 8 hex digits: a short stable suffix for names that must be shortened. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Joins DNS names with dots into a catalog entity name (at most 63 characters of
 * `[a-z0-9-.]`). Hub, project and slice names are DNS labels, so the dots cannot be confused
 * with their content; a name that would be too long keeps its start and ends in a hash of
 * the whole, so it stays unique and the same on every run.
 */
function entityName(parts: string[]): string {
  const full = parts.join('.');
  if (full.length <= MAX_ENTITY_NAME) return full;
  const hash = shortHash(full);
  const head = full
    .slice(0, MAX_ENTITY_NAME - hash.length - 1)
    .replace(/[-.]+$/, '');
  return `${head}-${hash}`;
}

export interface SliceEntityKey {
  hub: string;
  project: string;
  name: string;
}

/** `demo.arcade.pacman` for slice pacman of project arcade on hub demo. */
export function sliceEntityName(slice: SliceEntityKey): string {
  return entityName([slice.hub, slice.project, slice.name]);
}

/** `demo.aws-east` for worker cluster aws-east of hub demo. */
export function clusterEntityName(cluster: {
  hub: string;
  name: string;
}): string {
  return entityName([cluster.hub, cluster.name]);
}

/** The full entity ref of a slice, e.g. `resource:default/demo.arcade.pacman`. */
export function sliceEntityRef(slice: SliceEntityKey): string {
  return `resource:default/${sliceEntityName(slice)}`;
}

export function clusterEntityRef(cluster: {
  hub: string;
  name: string;
}): string {
  return `resource:default/${clusterEntityName(cluster)}`;
}

/** Where the portal shows a slice, below the app's base URL. */
export function slicePagePath(slice: SliceEntityKey): string {
  return `/slices/${[slice.hub, slice.project, slice.name]
    .map(encodeURIComponent)
    .join('/')}`;
}
