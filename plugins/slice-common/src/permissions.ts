import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of everything that belongs to a KubeSlice project (a tenant): slices,
 * clusters, their namespaces, services and events. Tenancy is decided per project.
 */
export const SLICE_RESOURCE_TYPE = 'kubeslice-resource';

/** What permission rules see of a resource: where it lives. */
export interface SliceResource {
  hub: string;
  project: string;
  /** The slice or cluster name, when the resource is one. */
  name?: string;
}

/** `hub/project/name`, the reference used for resource permissions. */
export function sliceResourceRef(resource: SliceResource): string {
  return [resource.hub, resource.project, resource.name]
    .filter(Boolean)
    .join('/');
}

/** See the Slices page at all: hubs and their sync state. */
export const sliceFleetReadPermission = createPermission({
  name: 'kubeslice.fleet.read',
  attributes: { action: 'read' },
});

/** Read a slice and what is on it (members, tunnels, namespaces, services, events). */
export const sliceReadPermission = createPermission({
  name: 'kubeslice.slice.read',
  attributes: { action: 'read' },
  resourceType: SLICE_RESOURCE_TYPE,
});

/** Read a registered worker cluster. */
export const clusterReadPermission = createPermission({
  name: 'kubeslice.cluster.read',
  attributes: { action: 'read' },
  resourceType: SLICE_RESOURCE_TYPE,
});

/** Create a slice in a project (the create-slice wizard and scaffolder action). */
export const sliceCreatePermission = createPermission({
  name: 'kubeslice.slice.create',
  attributes: { action: 'create' },
  resourceType: SLICE_RESOURCE_TYPE,
});

/** Change a slice: members, namespaces (onboarding), isolation, QoS. */
export const sliceUpdatePermission = createPermission({
  name: 'kubeslice.slice.update',
  attributes: { action: 'update' },
  resourceType: SLICE_RESOURCE_TYPE,
});

/** Delete a slice (offboards its namespaces first). */
export const sliceDeletePermission = createPermission({
  name: 'kubeslice.slice.delete',
  attributes: { action: 'delete' },
  resourceType: SLICE_RESOURCE_TYPE,
});

/** Register a worker cluster in a project. */
export const clusterRegisterPermission = createPermission({
  name: 'kubeslice.cluster.register',
  attributes: { action: 'create' },
  resourceType: SLICE_RESOURCE_TYPE,
});

/** Every permission of the slice plugins, for registration with the permission framework. */
export const slicePermissions = [
  sliceFleetReadPermission,
  sliceReadPermission,
  clusterReadPermission,
  sliceCreatePermission,
  sliceUpdatePermission,
  sliceDeletePermission,
  clusterRegisterPermission,
];

/** The resource permissions, decided per project (conditionally for tenants). */
export const sliceResourcePermissions = slicePermissions.filter(
  p => p.type === 'resource',
);
