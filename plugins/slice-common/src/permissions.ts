import { createPermission } from '@backstage/plugin-permission-common';

/** Read the fleet overview: hubs, clusters and slices. */
export const sliceFleetReadPermission = createPermission({
  name: 'kubeslice.fleet.read',
  attributes: { action: 'read' },
});

/** Every permission of the slice plugins, for registration with the permission framework. */
export const slicePermissions = [sliceFleetReadPermission];
