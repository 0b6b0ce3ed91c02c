import {
  coreServices,
  createServiceFactory,
  type BackstageCredentials,
  type BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import { clusterRegisterPermission } from '@slice-portal/plugin-slice-common';
import {
  createSliceConditionalDecision,
  sliceConditions,
} from '../permissions/rules';

/** Users of the write tests and the groups they are in (as the catalog would say). */
export const PLATFORM = 'user:default/platform';
export const ACME = 'user:default/acme-dev';
export const ARCADE = 'user:default/arcade-dev';

export function claimsOf(userRef: string): string[] {
  if (userRef === PLATFORM) return [userRef, 'group:default/platform-team'];
  if (userRef.startsWith('user:default/acme-'))
    return [userRef, 'group:default/team-acme'];
  if (userRef.startsWith('user:default/arcade-'))
    return [userRef, 'group:default/team-arcade'];
  return [userRef];
}

/**
 * The decisions of the example app's policy (examples/app/.../slicePolicy.ts): platform
 * users may do everything; tenants get the project-ownership condition on every slice
 * permission, and are denied cluster registration.
 */
export const examplePolicyPermissions = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => {
    const decide = (
      permission: ResourcePermission<'kubeslice-resource'>,
      credentials: BackstageCredentials,
    ) => {
      // As Backstage's permission client: a service acting on its own behalf (the catalog's
      // entity provider, say) gets a definitive ALLOW; the policy decides for users.
      if ((credentials.principal as { type?: string }).type === 'service')
        return { result: AuthorizeResult.ALLOW };
      const claims = claimsOf(
        (credentials.principal as BackstageUserPrincipal).userEntityRef ?? '',
      );
      if (claims.includes('group:default/platform-team'))
        return { result: AuthorizeResult.ALLOW };
      if (permission.name === clusterRegisterPermission.name)
        return { result: AuthorizeResult.DENY };
      return createSliceConditionalDecision(
        permission,
        sliceConditions.isProjectOwnedBy({ claims }),
      );
    };
    return {
      async authorize(requests: any[]) {
        return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
      },
      async authorizeConditional(
        requests: any[],
        options: { credentials: BackstageCredentials },
      ) {
        return requests.map(({ permission }) =>
          decide(permission, options.credentials),
        );
      },
    } as any;
  },
});
