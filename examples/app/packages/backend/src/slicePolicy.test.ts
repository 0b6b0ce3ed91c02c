import {
  AuthorizeResult,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import { createIsProjectOwnedByRule } from '@slice-portal/plugin-slice-backend';
import {
  clusterReadPermission,
  clusterRegisterPermission,
  sliceCreatePermission,
  sliceDeletePermission,
  sliceFleetReadPermission,
  sliceReadPermission,
  sliceUpdatePermission,
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

describe('SlicePortalPolicy for writes', () => {
  const tenancy = {
    platformGroups: ['group:default/platform-team'],
    projectOwners: {
      acme: ['group:default/team-acme'],
      arcade: ['group:default/team-arcade'],
    },
  };
  const writePolicy = new SlicePortalPolicy(tenancy);
  // The rule the slice backend registers, applied as the permission framework would.
  const authorize = createConditionAuthorizer([
    createIsProjectOwnedByRule(tenancy),
  ]);
  const tenant = user('user:default/ana', 'group:default/team-acme');
  const platform = user('user:default/pat', 'group:default/platform-team');

  async function allowed(
    permission: ResourcePermission<'kubeslice-resource'>,
    who: ReturnType<typeof user>,
    resource: { hub: string; project: string; name?: string },
  ) {
    const decision = await writePolicy.handle({ permission }, who);
    if (decision.result === AuthorizeResult.CONDITIONAL)
      return authorize(decision, resource);
    return decision.result === AuthorizeResult.ALLOW;
  }

  it('lets tenants create, change and delete slices (and onboard) in their own projects only', async () => {
    for (const permission of [
      sliceCreatePermission,
      sliceUpdatePermission,
      sliceDeletePermission,
    ]) {
      expect(
        await allowed(permission, tenant, {
          hub: 'demo',
          project: 'acme',
          name: 'pay',
        }),
      ).toBe(true);
      expect(
        await allowed(permission, tenant, {
          hub: 'demo',
          project: 'arcade',
          name: 'pacman',
        }),
      ).toBe(false);
    }
  });

  it('lets only platform groups register clusters', async () => {
    expect(
      await writePolicy.handle(
        { permission: clusterRegisterPermission },
        tenant,
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(
      await allowed(clusterRegisterPermission, tenant, {
        hub: 'demo',
        project: 'acme',
      }),
    ).toBe(false);
    expect(
      await allowed(clusterRegisterPermission, platform, {
        hub: 'demo',
        project: 'arcade',
      }),
    ).toBe(true);
    expect(
      await allowed(sliceCreatePermission, platform, {
        hub: 'demo',
        project: 'arcade',
      }),
    ).toBe(true);
  });

  it('gives a user with no project nothing to write', async () => {
    const stranger = user('user:default/x');
    expect(
      await allowed(sliceCreatePermission, stranger, {
        hub: 'demo',
        project: 'acme',
      }),
    ).toBe(false);
  });
});
