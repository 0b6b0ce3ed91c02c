import { ALLOW_ALL, type ResourceFilter } from '../permissions/SliceAuthorizer';

/** Read filters of one caller (see SliceAuthorizer.readFilters). */
export interface ReadFilters {
  slices: ResourceFilter;
  clusters: ResourceFilter;
}

/** "May read something in this project": the rule the read API applies to project-wide data. */
export function projectVisible(
  filters: ReadFilters,
  hub: string,
  project: string,
): boolean {
  return filters.slices({ hub, project }) || filters.clusters({ hub, project });
}

/** Whether the caller may read every project (so nothing needs filtering). */
export function readsEverything(filters: ReadFilters): boolean {
  return filters.slices === ALLOW_ALL || filters.clusters === ALLOW_ALL;
}
