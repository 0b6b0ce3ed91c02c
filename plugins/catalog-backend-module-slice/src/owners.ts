import type { Config } from '@backstage/config';

/** Owner of what has no project owner in `slice.tenancy`, unless configured otherwise. */
export const DEFAULT_OWNER = 'group:default/platform-team';

/**
 * Who owns a project's slices and clusters in the catalog: the first owner listed for it in
 * `slice.tenancy.projects`, else `catalog.providers.kubeslice.defaultOwner`, else the first of
 * `slice.tenancy.platformGroups`, else `group:default/platform-team`.
 */
export function projectOwners(config: Config): (project: string) => string {
  const owners = new Map<string, string>();
  const projects = config.getOptionalConfig('slice.tenancy.projects');
  for (const project of projects?.keys() ?? []) {
    const [first] = projects!.getStringArray(project);
    if (first) owners.set(project, first);
  }
  const fallback =
    config.getOptionalString('catalog.providers.kubeslice.defaultOwner') ??
    config.getOptionalStringArray('slice.tenancy.platformGroups')?.[0] ??
    DEFAULT_OWNER;
  return project => owners.get(project) ?? fallback;
}
