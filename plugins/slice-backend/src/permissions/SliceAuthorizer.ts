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
   * A filter for one resource permission, from a conditional decision: tenants get the
   * conditions their policy gives them, evaluated in memory against each resource, so a
   * response never contains another tenant's objects.
   */
  async filterFor(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'kubeslice-resource'>,
  ): Promise<ResourceFilter> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return () => true;
    if (decision.result === AuthorizeResult.DENY) return () => false;
    const authorize = createConditionAuthorizer(
      this.registry.getPermissionRuleset(sliceResourceRef),
    );
    return resource => authorize(decision, resource);
  }

  sliceFilter(credentials: BackstageCredentials) {
    return this.filterFor(credentials, sliceReadPermission);
  }

  clusterFilter(credentials: BackstageCredentials) {
    return this.filterFor(credentials, clusterReadPermission);
  }
}
