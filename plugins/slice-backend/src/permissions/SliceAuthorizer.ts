import type {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import {
  clusterReadPermission,
  sliceFleetReadPermission,
  sliceReadPermission,
  type SliceResource,
} from '@slice-portal/plugin-slice-common';
import { sliceResourceRef } from './rules';

/** Decides, once per request, which projects' resources the caller may read. */
export type ResourceFilter = (resource: SliceResource) => boolean;

/** The filter of callers who may read everything; recognised by identity so views can be cached. */
export const ALLOW_ALL: ResourceFilter = () => true;
const DENY_ALL: ResourceFilter = () => false;

/** What each write permission lets one do, for refusals that say what was refused. */
const DOING: Record<string, (name?: string) => string> = {
  'kubeslice.slice.create': () => 'create slices in',
  'kubeslice.slice.update': name =>
    name ? `change slice '${name}' in` : 'change slices and QoS profiles in',
  'kubeslice.slice.delete': name =>
    `delete slice${name ? ` '${name}'` : 's'} in`,
  'kubeslice.cluster.register': name =>
    name
      ? `register or deregister cluster '${name}' in`
      : 'register clusters in',
};

/** A 403 decided by the permission policy (as opposed to one a cluster answered). */
export class PermissionDeniedError extends NotAllowedError {
  readonly permission: string;

  constructor(
    permission: ResourcePermission<'kubeslice-resource'>,
    resource: SliceResource,
  ) {
    const doing =
      DOING[permission.name]?.(resource.name) ??
      `${permission.attributes.action ?? 'change'} resources in`;
    super(
      `You may not ${doing} project '${resource.project}' on hub '${resource.hub}' (${permission.name})`,
    );
    this.permission = permission.name;
  }
}

export class SliceAuthorizer {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly registry: PermissionsRegistryService,
  ) {}

  async requireFleetRead(credentials: BackstageCredentials): Promise<void> {
    const [decision] = await this.permissions.authorize(
      [{ permission: sliceFleetReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'You are not allowed to read the slice fleet (kubeslice.fleet.read)',
      );
    }
  }

  /**
   * Filters for resource permissions, from conditional decisions (one batched call): tenants
   * get the conditions their policy gives them, evaluated in memory against each resource,
   * so a response never contains another tenant's objects.
   */
  async filtersFor(
    credentials: BackstageCredentials,
    permissions: ResourcePermission<'kubeslice-resource'>[],
  ): Promise<ResourceFilter[]> {
    const decisions = await this.permissions.authorizeConditional(
      permissions.map(permission => ({ permission })),
      { credentials },
    );
    const ruleset = this.registry.getPermissionRuleset(sliceResourceRef);
    return decisions.map(decision => {
      if (decision.result === AuthorizeResult.ALLOW) return ALLOW_ALL;
      if (decision.result === AuthorizeResult.DENY) return DENY_ALL;
      const authorize = createConditionAuthorizer(ruleset);
      return (resource: SliceResource) => authorize(decision, resource);
    });
  }

  async filterFor(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'kubeslice-resource'>,
  ): Promise<ResourceFilter> {
    const [filter] = await this.filtersFor(credentials, [permission]);
    return filter;
  }

  /** Slice and cluster read filters in one permission call. */
  async readFilters(
    credentials: BackstageCredentials,
  ): Promise<{ slices: ResourceFilter; clusters: ResourceFilter }> {
    const [slices, clusters] = await this.filtersFor(credentials, [
      sliceReadPermission,
      clusterReadPermission,
    ]);
    return { slices, clusters };
  }

  sliceFilter(credentials: BackstageCredentials) {
    return this.filterFor(credentials, sliceReadPermission);
  }

  clusterFilter(credentials: BackstageCredentials) {
    return this.filterFor(credentials, clusterReadPermission);
  }

  /**
   * For writes: decides one permission on one resource (the project, or the slice/cluster
   * in it) with the same conditional rules as reads, before anything is sent to a cluster.
   * Throws a 403 naming the permission and the project.
   */
  async requireResourcePermission(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'kubeslice-resource'>,
    resource: SliceResource,
  ): Promise<void> {
    const allowed = await this.filterFor(credentials, permission);
    if (!allowed(resource))
      throw new PermissionDeniedError(permission, resource);
  }
}
