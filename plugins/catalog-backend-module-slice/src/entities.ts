import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  type Entity,
} from '@backstage/catalog-model';
import {
  CLUSTER_ANNOTATION,
  CLUSTER_ENTITY_TYPE,
  SLICE_ANNOTATION,
  SLICE_ENTITY_TYPE,
  clusterEntityName,
  clusterEntityRef,
  sliceEntityName,
  slicePagePath,
  type ApiSchema,
} from '@slice-portal/plugin-slice-common';

type FleetResponse = ApiSchema<'FleetResponse'>;

const VIEW_URL = 'backstage.io/view-url';
export const HUB_LABEL = 'kubeslice.io/hub';
export const PROJECT_LABEL = 'kubeslice.io/project';

export interface FleetEntitiesOptions {
  fleet: FleetResponse;
  hub: string;
  /** The owner of a project's slices and clusters (an entity ref). */
  ownerOf(project: string): string;
  /** `app.baseUrl`, for the links to the portal's pages. */
  appBaseUrl: string;
  /** `kubeslice-hub:<hub>`: where the entities come from. */
  locationKey: string;
}

/**
 * The catalog's view of one hub: a Resource per slice (`spec.type: kubeslice-slice`, depending
 * on its member clusters) and per worker cluster (`spec.type: kubernetes-cluster`), each owned
 * by the owner of its project and linked to its page in the portal.
 */
export function fleetEntities(options: FleetEntitiesOptions): Entity[] {
  const { fleet, hub, ownerOf, appBaseUrl, locationKey } = options;
  const managed = {
    [ANNOTATION_LOCATION]: locationKey,
    [ANNOTATION_ORIGIN_LOCATION]: locationKey,
  };
  const clusters = fleet.clusters.filter(c => c.hub === hub);
  const slices = fleet.slices.filter(s => s.hub === hub);
  const sliceEntities: Entity[] = slices.map(slice => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: sliceEntityName(slice),
      title: `${slice.name} (${slice.project})`,
      description: `KubeSlice slice ${slice.name} of project ${
        slice.project
      } on hub ${hub}: ${slice.members.length} member cluster${
        slice.members.length === 1 ? '' : 's'
      }, ${
        slice.mode === 'no-network'
          ? 'no overlay network'
          : `subnet ${slice.subnet ?? 'unset'}`
      }.`,
      annotations: {
        ...managed,
        [SLICE_ANNOTATION]: `${hub}/${slice.project}/${slice.name}`,
        // The About card's "View source" opens the slice in the portal.
        [VIEW_URL]: `${appBaseUrl}${slicePagePath(slice)}`,
      },
      labels: { [HUB_LABEL]: hub, [PROJECT_LABEL]: slice.project },
      tags: ['kubeslice', 'slice'],
      links: [
        {
          url: `${appBaseUrl}${slicePagePath(slice)}`,
          title: 'Slice in the portal',
          icon: 'dashboard',
        },
      ],
    },
    spec: {
      type: SLICE_ENTITY_TYPE,
      owner: ownerOf(slice.project),
      dependsOn: slice.members.map(m =>
        clusterEntityRef({ hub, name: m.cluster }),
      ),
    },
  }));
  const clusterEntities: Entity[] = clusters.map(cluster => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: clusterEntityName({ hub, name: cluster.name }),
      title: cluster.name,
      description: `Worker cluster ${cluster.name} of project ${
        cluster.project
      } on hub ${hub}${
        cluster.geo.cloudProvider
          ? ` (${[cluster.geo.cloudProvider, cluster.geo.cloudRegion]
              .filter(Boolean)
              .join(' ')})`
          : ''
      }.`,
      annotations: {
        ...managed,
        [CLUSTER_ANNOTATION]: `${hub}/${cluster.name}`,
      },
      labels: {
        [HUB_LABEL]: hub,
        [PROJECT_LABEL]: cluster.project,
        ...(cluster.geo.cloudProvider && labelValue(cluster.geo.cloudProvider)
          ? {
              'kubeslice.io/cloud-provider': labelValue(
                cluster.geo.cloudProvider,
              )!,
            }
          : {}),
      },
      tags: ['kubeslice', 'kubernetes'],
      links: [
        {
          url: `${appBaseUrl}/slices`,
          title: 'Fleet in the portal',
          icon: 'dashboard',
        },
      ],
    },
    spec: { type: CLUSTER_ENTITY_TYPE, owner: ownerOf(cluster.project) },
  }));
  return [...sliceEntities, ...clusterEntities];
}

/** A label value (63 characters of `[A-Za-z0-9-_.]`, alphanumeric at both ends), or undefined. */
function labelValue(text: string): string | undefined {
  const value = text.replace(/[^A-Za-z0-9-_.]/g, '-').slice(0, 63);
  return /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(value)
    ? value
    : undefined;
}
