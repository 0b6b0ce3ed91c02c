import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  SLICE_RESOURCE_TYPE,
  type SliceResource,
} from '@slice-portal/plugin-slice-common';
import { z } from 'zod';
import type { TenancyConfig } from '../config/tenancy';

/** Slices, clusters and everything in a project; filtered in memory, so there is no query type. */
export const sliceResourceRef = createPermissionResourceRef<
  SliceResource,
  never
>().with({
  pluginId: 'slice',
  resourceType: SLICE_RESOURCE_TYPE,
});

/** "The resource is in one of these projects" (optionally on one hub). */
export const isInProject = createPermissionRule({
  name: 'IS_IN_PROJECT',
  description: 'Allow resources in one of the given KubeSlice projects',
  resourceRef: sliceResourceRef,
  paramsSchema: z.object({
    projects: z.array(z.string()).describe('Project names'),
    hub: z.string().optional().describe('Hub name; any hub when absent'),
  }),
  apply: (resource, { projects, hub }) =>
    projects.includes(resource.project) && (!hub || hub === resource.hub),
  toQuery: () => {
    throw new Error('IS_IN_PROJECT is applied in memory only');
  },
});

/**
 * "The user belongs to a group that owns the resource's project", with project owners
 * from `slice.tenancy.projects`. The policy passes the user's ownership claims.
 */
export function createIsProjectOwnedByRule(tenancy: TenancyConfig) {
  return createPermissionRule({
    name: 'IS_PROJECT_OWNED_BY',
    description:
      'Allow resources whose project is owned (slice.tenancy.projects) by one of the given entity refs',
    resourceRef: sliceResourceRef,
    paramsSchema: z.object({
      claims: z
        .array(z.string())
        .describe(
          'Ownership entity refs of the user, e.g. group:default/team-acme',
        ),
    }),
    apply: (resource, { claims }) => {
      const owners = tenancy.projectOwners[resource.project] ?? [];
      return owners.some(owner => claims.includes(owner));
    },
    toQuery: () => {
      throw new Error('IS_PROJECT_OWNED_BY is applied in memory only');
    },
  });
}

/** For policy authors: `sliceConditions.isInProject({ projects: ['acme'] })`. */
export const {
  conditions: sliceConditions,
  createConditionalDecision: createSliceConditionalDecision,
} = createConditionExports({
  resourceRef: sliceResourceRef,
  rules: {
    isInProject,
    isProjectOwnedBy: createIsProjectOwnedByRule({
      platformGroups: [],
      projectOwners: {},
    }),
  },
});
