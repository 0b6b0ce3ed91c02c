import { NotFoundError } from '@backstage/errors';
import type { SliceNamespaceSelection } from '@slice-portal/plugin-slice-common';
import { inputError } from './kubeErrors';
import { apiVersionOf, RESOURCES, type KubeObj } from './kubeClient';

/**
 * Pure transformations from the write API's requests to SliceConfig objects. Changes are
 * functions of the object as stored at the moment of the write, so when a write loses a
 * race (409) the same change is applied again to the newer object and nobody's change is
 * lost.
 */

export interface QosDetails {
  queueType?: string;
  priority: number;
  tcType?: string;
  bandwidthCeilingKbps: number;
  bandwidthGuaranteedKbps: number;
  dscpClass: string;
}

export interface SliceSpecInput {
  clusters: string[];
  maxClusters?: number;
  overlayNetworkDeploymentMode?:
    | 'single-network'
    | 'multi-network'
    | 'no-network';
  sliceSubnet?: string;
  standardQosProfileName?: string;
  qosProfileDetails?: QosDetails;
  namespaceIsolationProfile?: {
    isolationEnabled?: boolean;
    applicationNamespaces?: SliceNamespaceSelection[];
    allowedNamespaces?: SliceNamespaceSelection[];
  };
  sliceGatewayProvider?: {
    sliceGatewayType?: string;
    sliceCaType?: string;
    sliceGatewayServiceType?: {
      cluster: string;
      type?: string;
      protocol?: string;
    }[];
  };
  vpnConfig?: { cipher: string };
  rotationInterval?: number;
}

export interface SliceUpdate {
  addClusters?: string[];
  removeClusters?: string[];
  qos?: { standardQosProfileName?: string; qosProfileDetails?: QosDetails };
  isolationEnabled?: boolean;
  addAllowedNamespaces?: SliceNamespaceSelection[];
  removeAllowedNamespaces?: string[];
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/** The SliceConfig to create: the request's spec plus what REFERENCE §10 says a slice needs. */
export function newSliceConfig(options: {
  name: string;
  namespace: string;
  spec: SliceSpecInput;
}): KubeObj {
  const spec: Record<string, any> = clone(options.spec);
  spec.sliceType = 'Application';
  spec.sliceIpamType = 'Local';
  if (spec.overlayNetworkDeploymentMode !== 'no-network') {
    spec.sliceGatewayProvider = {
      sliceGatewayType: 'OpenVPN',
      sliceCaType: 'Local',
      ...spec.sliceGatewayProvider,
    };
  }
  return {
    apiVersion: apiVersionOf(RESOURCES.sliceConfigs),
    kind: RESOURCES.sliceConfigs.kind,
    metadata: { name: options.name, namespace: options.namespace },
    spec,
  };
}

function profileOf(slice: KubeObj): Record<string, any> {
  slice.spec ??= {};
  slice.spec.namespaceIsolationProfile ??= {};
  return slice.spec.namespaceIsolationProfile;
}

/** Adds clusters to a selection list: `*` absorbs everything, otherwise the union. */
function mergeSelection(
  list: SliceNamespaceSelection[],
  namespace: string,
  clusters: string[],
): SliceNamespaceSelection[] {
  const existing = list.find(e => e.namespace === namespace);
  if (!existing) return [...list, { namespace, clusters: [...clusters] }];
  const before = existing.clusters ?? [];
  existing.clusters =
    before.includes('*') || clusters.includes('*')
      ? ['*']
      : [...before, ...clusters.filter(c => !before.includes(c))];
  return list;
}

/**
 * Removes clusters from a namespace's entry (a `*` entry is expanded to the members first);
 * the entry goes when no cluster is left, or when `clusters` is absent.
 */
function removeFromSelection(
  list: SliceNamespaceSelection[],
  namespace: string,
  clusters: string[] | undefined,
  members: string[],
): SliceNamespaceSelection[] {
  return list.flatMap(entry => {
    if (entry.namespace !== namespace) return [entry];
    if (!clusters) return [];
    const on = (entry.clusters ?? []).includes('*')
      ? members
      : entry.clusters ?? [];
    const left = on.filter(c => !clusters.includes(c));
    return left.length ? [{ ...entry, clusters: left }] : [];
  });
}

/** Onboarding: the namespace on more clusters (or all, `*`). */
export function withNamespaceOnboarded(
  current: KubeObj,
  namespace: string,
  clusters: string[],
): KubeObj {
  const slice = clone(current);
  const profile = profileOf(slice);
  profile.applicationNamespaces = mergeSelection(
    profile.applicationNamespaces ?? [],
    namespace,
    clusters,
  );
  return slice;
}

/** Offboarding from some clusters, or from the slice. A namespace that is not on the slice is a 404. */
export function withNamespaceOffboarded(
  current: KubeObj,
  namespace: string,
  clusters: string[] | undefined,
): KubeObj {
  const slice = clone(current);
  const profile = profileOf(slice);
  const list: SliceNamespaceSelection[] = profile.applicationNamespaces ?? [];
  if (!list.some(e => e.namespace === namespace)) {
    throw new NotFoundError(
      `Namespace ${namespace} is not an application namespace of slice ${current.metadata?.name}`,
    );
  }
  const members: string[] = slice.spec.clusters ?? [];
  const strangers = (clusters ?? []).filter(c => !members.includes(c));
  if (strangers.length) {
    const message = `query.clusters: ${strangers.join(', ')} ${
      strangers.length > 1 ? 'are not members' : 'is not a member'
    } of slice ${current.metadata?.name}`;
    throw inputError(`Cannot offboard ${namespace}: ${message}`, [
      { path: 'query.clusters', message, source: 'request' },
    ]);
  }
  profile.applicationNamespaces = removeFromSelection(
    list,
    namespace,
    clusters,
    (slice.spec.clusters ?? []) as string[],
  );
  return slice;
}

/** Guided delete, first step: no application namespace left. */
export function withAllNamespacesOffboarded(current: KubeObj): KubeObj {
  const slice = clone(current);
  profileOf(slice).applicationNamespaces = [];
  return slice;
}

/**
 * `next` with the keys `stored` had first, in their stored order, then its new ones, so
 * that a changed value is the only line the diff shows (a form sends the fields in its own
 * order).
 */
function inStoredOrder<T extends object>(stored: unknown, next: T): T {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored))
    return next;
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(stored))
    if (key in next) ordered[key] = (next as Record<string, unknown>)[key];
  return Object.assign(ordered, next) as T;
}

/** A PATCH of the write API applied to the stored slice. */
export function withSliceUpdate(
  current: KubeObj,
  change: SliceUpdate,
): KubeObj {
  const slice = clone(current);
  slice.spec ??= {};
  const spec = slice.spec;
  let members: string[] = [...(spec.clusters ?? [])];
  for (const c of change.addClusters ?? [])
    if (!members.includes(c)) members.push(c);
  const removed = change.removeClusters ?? [];
  if (removed.length) {
    members = members.filter(c => !removed.includes(c));
    // A member that leaves takes its namespace bindings and gateway settings with it;
    // otherwise the webhook would refuse the slice for naming a non-member.
    const profile = spec.namespaceIsolationProfile;
    for (const key of ['applicationNamespaces', 'allowedNamespaces']) {
      if (!Array.isArray(profile?.[key])) continue;
      profile[key] = (profile[key] as SliceNamespaceSelection[]).flatMap(
        entry => {
          const on = entry.clusters ?? [];
          if (on.includes('*')) return [entry];
          const left = on.filter(c => !removed.includes(c));
          return left.length ? [{ ...entry, clusters: left }] : [];
        },
      );
    }
    const types = spec.sliceGatewayProvider?.sliceGatewayServiceType;
    if (Array.isArray(types)) {
      spec.sliceGatewayProvider.sliceGatewayServiceType = types.filter(
        (t: { cluster?: string }) => !t.cluster || !removed.includes(t.cluster),
      );
    }
  }
  spec.clusters = members;

  if (change.qos) {
    // Set in place rather than delete and re-add: a re-added key moves to the end of the
    // spec, and the review diff would show the whole block removed and added again.
    const { standardQosProfileName, qosProfileDetails } = change.qos;
    if (standardQosProfileName === undefined)
      delete spec.standardQosProfileName;
    else spec.standardQosProfileName = standardQosProfileName;
    if (qosProfileDetails === undefined) delete spec.qosProfileDetails;
    else
      spec.qosProfileDetails = inStoredOrder(
        spec.qosProfileDetails,
        clone(qosProfileDetails),
      );
  }
  if (change.isolationEnabled !== undefined)
    profileOf(slice).isolationEnabled = change.isolationEnabled;
  if (
    change.addAllowedNamespaces?.length ||
    change.removeAllowedNamespaces?.length
  ) {
    const profile = profileOf(slice);
    let allowed: SliceNamespaceSelection[] = profile.allowedNamespaces ?? [];
    for (const ns of change.removeAllowedNamespaces ?? [])
      allowed = allowed.filter(e => e.namespace !== ns);
    for (const entry of change.addAllowedNamespaces ?? [])
      allowed = mergeSelection(
        allowed,
        entry.namespace ?? '',
        entry.clusters ?? [],
      );
    profile.allowedNamespaces = allowed;
  }
  return slice;
}
