import {
  sliceCreatePermission,
  type HubSummary,
} from '@slice-portal/plugin-slice-common';
import {
  useProjectsAllowed,
  type AllowedProject,
} from '../common/useProjectsAllowed';

export type ProjectChoice = AllowedProject;

/**
 * Every project of the hubs, with whether the user may create slices in it (decided per
 * project by the permission policy through `usePermission`, so a tenant is offered only
 * the projects their groups own). Render `probes` somewhere in the tree.
 */
export function useCreatableProjects(hubs: readonly HubSummary[] | undefined) {
  return useProjectsAllowed(sliceCreatePermission, hubs);
}
