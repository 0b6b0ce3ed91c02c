import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  clusterReadPermission,
  sliceFleetReadPermission,
  sliceReadPermission,
} from '@slice-portal/plugin-slice-common';
import { SlicePortalPolicy } from './slicePolicy';

const policy = new SlicePortalPolicy({
  platformGroups: ['group:default/platform-team'],
  projectOwners: { acme: ['group:default/team-acme'] },
});

const user = (...ownershipEntityRefs: string[]) =>
  ({
    info: { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs },
    credentials: {},
  } as any);

describe('SlicePortalPolicy', () => {
  it('allows everything to platform groups', async () => {
    const decision = await policy.handle(
      { permission: sliceReadPermission },
      user('group:default/platform-team'),
    );
    expect(decision).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('gives tenants a condition on the projects their groups own', async () => {
    const claims = ['user:default/ana', 'group:default/team-acme'];
    for (const permission of [sliceReadPermission, clusterReadPermission]) {
      expect(await policy.handle({ permission }, user(...claims))).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'slice',
        resourceType: 'kubeslice-resource',
        conditions: {
          rule: 'IS_PROJECT_OWNED_BY',
          resourceType: 'kubeslice-resource',
          params: { claims },
        },
      });
    }
  });

  it('lets everyone open the fleet page (its content is filtered)', async () => {
    expect(
      await policy.handle(
        { permission: sliceFleetReadPermission },
        user('user:default/x'),
      ),
    ).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });
});
