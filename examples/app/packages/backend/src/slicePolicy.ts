import {
  createBackendModule,
  coreServices,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  createSliceConditionalDecision,
  readTenancyConfig,
  sliceConditions,
  type TenancyConfig,
} from '@slice-portal/plugin-slice-backend';
import {
  SLICE_RESOURCE_TYPE,
  clusterRegisterPermission,
} from '@slice-portal/plugin-slice-common';

/**
 * The demo's permission policy: members of `slice.tenancy.platformGroups` see and do
 * everything; everyone else sees only the KubeSlice projects their groups own
 * (`slice.tenancy.projects`), and in those projects may create, change and delete
 * slices, onboard namespaces, export services and set QoS profiles (the write
 * permissions are decided on the project or slice with the same condition as reads).
 * Registering clusters changes the fleet itself, so it is for platform groups only.
 * Non-slice permissions are allowed, as in a fresh app.
 */
export class SlicePortalPolicy implements PermissionPolicy {
  constructor(private readonly tenancy: TenancyConfig) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const claims = user?.info.ownershipEntityRefs ?? [];
    const isPlatform = claims.some(ref =>
      this.tenancy.platformGroups.includes(ref),
    );
    if (isPlatform) return { result: AuthorizeResult.ALLOW };
    if (isPermission(request.permission, clusterRegisterPermission)) {
      return { result: AuthorizeResult.DENY };
    }
    if (isResourcePermission(request.permission, SLICE_RESOURCE_TYPE)) {
      return createSliceConditionalDecision(
        request.permission,
        sliceConditions.isProjectOwnedBy({ claims }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'slice-portal-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(new SlicePortalPolicy(readTenancyConfig(config)));
      },
    });
  },
});
