import type {
  SliceConfigObject,
  SliceNamespaceSelection,
  WorkerSliceConfigObject,
} from '../kube/objects';
import type { NamespaceOnCluster } from './types';

/** `clusters: ["*"]` means every member ("namespace sameness", REFERENCE §6.2). */
function expand(
  selection: SliceNamespaceSelection[] | undefined,
  members: string[],
) {
  const result: { namespace: string; cluster: string }[] = [];
  for (const entry of selection ?? []) {
    if (!entry.namespace) continue;
    const clusters = entry.clusters?.includes('*')
      ? members
      : entry.clusters ?? [];
    for (const cluster of clusters) {
      if (members.includes(cluster))
        result.push({ namespace: entry.namespace, cluster });
    }
  }
  return result;
}

/**
 * Requested versus onboarded namespaces per member. "Requested" comes from the
 * SliceConfig; "onboarded" from what each worker reports in its WorkerSliceConfig status,
 * so a namespace the worker has not labelled yet shows as pending.
 */
export function namespaceStates(
  slice: SliceConfigObject,
  workerSliceByCluster: Map<string, WorkerSliceConfigObject | undefined>,
): NamespaceOnCluster[] {
  const members = slice.spec?.clusters ?? [];
  const profile = slice.spec?.namespaceIsolationProfile;
  const requested = expand(profile?.applicationNamespaces, members);
  const requestedKeys = new Set(
    requested.map(r => `${r.namespace}/${r.cluster}`),
  );
  const states: NamespaceOnCluster[] = [];

  const onboardedOn = (cluster: string) =>
    new Set(
      (workerSliceByCluster.get(cluster)?.status?.onboardedAppNamespaces ?? [])
        .map(n => n.name)
        .filter((n): n is string => !!n),
    );

  for (const { namespace, cluster } of requested) {
    const onboarded = onboardedOn(cluster).has(namespace);
    states.push({
      namespace,
      cluster,
      role: 'application',
      requested: true,
      onboarded,
      state: onboarded ? 'onboarded' : 'pending',
    });
  }
  for (const cluster of members) {
    for (const namespace of onboardedOn(cluster)) {
      if (!requestedKeys.has(`${namespace}/${cluster}`)) {
        states.push({
          namespace,
          cluster,
          role: 'application',
          requested: false,
          onboarded: true,
          state: 'unrequested',
        });
      }
    }
  }
  for (const { namespace, cluster } of expand(
    profile?.allowedNamespaces,
    members,
  )) {
    states.push({
      namespace,
      cluster,
      role: 'allowed',
      requested: true,
      onboarded: false,
      state: 'allowed',
    });
  }
  return states.sort(
    (x, y) =>
      x.role.localeCompare(y.role) ||
      x.namespace.localeCompare(y.namespace) ||
      x.cluster.localeCompare(y.cluster),
  );
}
