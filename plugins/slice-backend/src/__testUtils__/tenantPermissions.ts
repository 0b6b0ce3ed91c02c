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
import {
  createSliceConditionalDecision,
  sliceConditions,
} from '../permissions/rules';

/**
 * A permission policy as a tenant would get from the example policy: everything for
 * platform users, and for `tenant` only what its project ownership allows (conditional).
 * Pair with `slice.tenancy.projects: { <project>: [tenant] }` in the config.
 */
export function tenantAwarePermissions(tenant: string) {
  return createServiceFactory({
    service: coreServices.permissions,
    deps: {},
    factory: () => {
      const isTenant = (credentials: BackstageCredentials) =>
        (credentials.principal as BackstageUserPrincipal)?.userEntityRef ===
        tenant;
      return {
        async authorize(requests: any[]) {
          return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
        },
        async authorizeConditional(
          requests: any[],
          options: { credentials: BackstageCredentials },
        ) {
          return requests.map(
            ({
              permission,
            }: {
              permission: ResourcePermission<'kubeslice-resource'>;
            }) =>
              isTenant(options.credentials)
                ? createSliceConditionalDecision(
                    permission,
                    sliceConditions.isProjectOwnedBy({ claims: [tenant] }),
                  )
                : { result: AuthorizeResult.ALLOW },
          );
        },
      } as any;
    },
  });
}
