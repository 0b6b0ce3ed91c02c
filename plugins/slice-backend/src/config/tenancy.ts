import type { Config } from '@backstage/config';

/** Who may see what: `slice.tenancy`. */
export interface TenancyConfig {
  /** Entity refs (groups or users) that see the whole fleet. */
  platformGroups: string[];
  /** Project → entity refs that own it (its tenants). */
  projectOwners: Record<string, string[]>;
}

const ENTITY_REF = /^(user|group):[a-z0-9._-]+\/[A-Za-z0-9._-]+$/;

export function readTenancyConfig(config: Config): TenancyConfig {
  const tenancy = config.getOptionalConfig('slice.tenancy');
  const check = (ref: string, key: string) => {
    if (!ENTITY_REF.test(ref)) {
      throw new Error(
        `Invalid config at '${key}': '${ref}' is not an entity ref like group:default/team-a`,
      );
    }
    return ref;
  };
  const platformGroups = (
    tenancy?.getOptionalStringArray('platformGroups') ?? []
  ).map((ref, i) => check(ref, `slice.tenancy.platformGroups[${i}]`));
  const projectOwners: Record<string, string[]> = {};
  const projects = tenancy?.getOptionalConfig('projects');
  for (const project of projects?.keys() ?? []) {
    projectOwners[project] = projects!
      .getStringArray(project)
      .map((ref, i) => check(ref, `slice.tenancy.projects.${project}[${i}]`));
  }
  return { platformGroups, projectOwners };
}
