import type { SliceNamespaceSelection } from '../kube/objects';
import {
  currentNamespaces,
  EVERY_CLUSTER,
  expandClusters,
  profileOf,
  type NamespaceClusters,
} from './namespaceGrid';

/**
 * What the onboarding wizard changes and the writes that do it (pure, no I/O). The wizard
 * keeps only the user's *edits* (never a copy of the whole list), so a change someone else
 * made meanwhile to another namespace is never undone: after a 409 the plan is made again
 * from the reloaded slice and the same edits.
 */

/** The user's edits: the wanted clusters of each namespace touched (empty: off the slice). */
export interface NamespaceEdits {
  namespaces: Record<string, NamespaceClusters>;
  /** Set only when the user changed it. */
  isolationEnabled?: boolean;
  /** Allowed namespaces to add (on every member) and to remove. */
  addAllowed: string[];
  removeAllowed: string[];
}

export const emptyNamespaceEdits = (): NamespaceEdits => ({
  namespaces: {},
  addAllowed: [],
  removeAllowed: [],
});

/** One write of the plan, in the write API's terms. */
export type NamespaceWriteRequest =
  | { kind: 'onboard'; namespace: string; clusters: string[] }
  | { kind: 'offboard'; namespace: string; clusters?: string[] }
  | {
      kind: 'update';
      body: {
        isolationEnabled?: boolean;
        addAllowedNamespaces?: { namespace: string; clusters: string[] }[];
        removeAllowedNamespaces?: string[];
      };
    };

/** One namespace's change: before and after (undefined: not on the slice), clusters gained and lost. */
export interface NamespaceChange {
  namespace: string;
  before?: NamespaceClusters;
  after?: NamespaceClusters;
  added: NamespaceClusters;
  removed: string[];
}

export interface NamespacePlan {
  changes: NamespaceChange[];
  isolation?: { before: boolean; after: boolean };
  addAllowed: string[];
  removeAllowed: string[];
  /** Offboardings first, then onboardings, then the isolation change. */
  requests: NamespaceWriteRequest[];
}

/** What the slice has today, as the plan needs it. */
export interface NamespacePlanBase {
  members: readonly string[];
  current: ReadonlyMap<string, NamespaceClusters>;
  isolationEnabled: boolean;
  allowed: readonly string[];
}

/** The plan's base from the slice detail the read API returns. */
export function namespacePlanBase(slice: {
  members: readonly { cluster: string }[];
  sliceConfig: unknown;
}): NamespacePlanBase {
  const profile = profileOf(slice.sliceConfig);
  return {
    members: slice.members.map(m => m.cluster),
    current: currentNamespaces(slice.sliceConfig),
    isolationEnabled: profile.isolationEnabled ?? false,
    allowed: (profile.allowedNamespaces ?? [])
      .map(e => e.namespace)
      .filter((n): n is string => Boolean(n)),
  };
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every(x => b.includes(x));

/** The clusters a namespace is on after the edits (the edit, else today's). */
export function effectiveClusters(
  base: Pick<NamespacePlanBase, 'current'>,
  edits: NamespaceEdits,
  namespace: string,
): NamespaceClusters | undefined {
  const edit = edits.namespaces[namespace];
  if (edit !== undefined)
    return edit === EVERY_CLUSTER || edit.length ? edit : undefined;
  return base.current.get(namespace);
}

/** Edits with one cell switched; switching a cluster off a `*` namespace lists the others. */
export function toggleCell(
  base: NamespacePlanBase,
  edits: NamespaceEdits,
  namespace: string,
  cluster: string,
): NamespaceEdits {
  const on = expandClusters(
    effectiveClusters(base, edits, namespace),
    base.members,
  );
  const next = on.includes(cluster)
    ? on.filter(c => c !== cluster)
    : base.members.filter(m => m === cluster || on.includes(m));
  return setClusters(base, edits, namespace, next);
}

/** Edits with a namespace on `clusters` (`'*'`, a list, or `[]` for off the slice). */
export function setClusters(
  base: Pick<NamespacePlanBase, 'current'>,
  edits: NamespaceEdits,
  namespace: string,
  clusters: NamespaceClusters,
): NamespaceEdits {
  const namespaces = { ...edits.namespaces };
  const today = base.current.get(namespace);
  const unchanged =
    clusters === EVERY_CLUSTER || today === EVERY_CLUSTER
      ? clusters === today
      : same(clusters, today ?? []);
  if (unchanged) delete namespaces[namespace];
  else namespaces[namespace] = clusters;
  return { ...edits, namespaces };
}

function changeOf(
  base: NamespacePlanBase,
  namespace: string,
  after: NamespaceClusters | undefined,
): NamespaceChange | undefined {
  const before = base.current.get(namespace);
  if (after === EVERY_CLUSTER)
    return before === EVERY_CLUSTER
      ? undefined
      : { namespace, before, after, added: EVERY_CLUSTER, removed: [] };
  const was = expandClusters(before, base.members);
  const now = expandClusters(after, base.members);
  const added = now.filter(c => !was.includes(c));
  const removed = was.filter(c => !now.includes(c));
  if (!added.length && !removed.length) return undefined;
  return { namespace, before, after, added, removed };
}

/** The changes of `edits` against the slice as it is now, and the writes that make them. */
export function planNamespaceChanges(
  base: NamespacePlanBase,
  edits: NamespaceEdits,
): NamespacePlan {
  const changes = Object.keys(edits.namespaces)
    .sort()
    .map(ns => changeOf(base, ns, effectiveClusters(base, edits, ns)))
    .filter((c): c is NamespaceChange => Boolean(c));
  const requests: NamespaceWriteRequest[] = [];
  for (const c of changes) {
    if (!c.removed.length) continue;
    requests.push(
      c.after === undefined
        ? { kind: 'offboard', namespace: c.namespace }
        : { kind: 'offboard', namespace: c.namespace, clusters: c.removed },
    );
  }
  for (const c of changes) {
    if (c.added === EVERY_CLUSTER)
      requests.push({
        kind: 'onboard',
        namespace: c.namespace,
        clusters: [EVERY_CLUSTER],
      });
    else if (c.added.length)
      requests.push({
        kind: 'onboard',
        namespace: c.namespace,
        clusters: [...c.added],
      });
  }
  const isolation =
    edits.isolationEnabled !== undefined &&
    edits.isolationEnabled !== base.isolationEnabled
      ? { before: base.isolationEnabled, after: edits.isolationEnabled }
      : undefined;
  const addAllowed = [...new Set(edits.addAllowed)].filter(
    n => n && !base.allowed.includes(n),
  );
  const removeAllowed = [...new Set(edits.removeAllowed)].filter(n =>
    base.allowed.includes(n),
  );
  if (isolation || addAllowed.length || removeAllowed.length)
    requests.push({
      kind: 'update',
      body: {
        ...(isolation ? { isolationEnabled: isolation.after } : {}),
        ...(addAllowed.length
          ? {
              addAllowedNamespaces: addAllowed.map(namespace => ({
                namespace,
                clusters: [EVERY_CLUSTER],
              })),
            }
          : {}),
        ...(removeAllowed.length
          ? { removeAllowedNamespaces: removeAllowed }
          : {}),
      },
    });
  return { changes, isolation, addAllowed, removeAllowed, requests };
}

type Profile = {
  applicationNamespaces?: SliceNamespaceSelection[];
  allowedNamespaces?: SliceNamespaceSelection[];
  isolationEnabled?: boolean;
};

function merge(
  list: SliceNamespaceSelection[],
  namespace: string,
  clusters: string[],
): SliceNamespaceSelection[] {
  const existing = list.find(e => e.namespace === namespace);
  if (!existing) return [...list, { namespace, clusters: [...clusters] }];
  const before = existing.clusters ?? [];
  const merged =
    before.includes(EVERY_CLUSTER) || clusters.includes(EVERY_CLUSTER)
      ? [EVERY_CLUSTER]
      : [...before, ...clusters.filter(c => !before.includes(c))];
  return list.map(e => (e === existing ? { ...e, clusters: merged } : e));
}

/**
 * The `namespaceIsolationProfile` after `requests`, by the write API's rules (an onboarding
 * adds clusters to the entry or appends one; an offboarding expands `*` to the members, removes
 * the clusters and drops an entry left empty; allowed namespaces merge the same way).
 */
export function projectProfile(
  profile: Profile,
  requests: readonly NamespaceWriteRequest[],
  members: readonly string[],
): Profile {
  let apps = [...(profile.applicationNamespaces ?? [])];
  let allowed = [...(profile.allowedNamespaces ?? [])];
  let isolationEnabled = profile.isolationEnabled;
  for (const r of requests) {
    if (r.kind === 'onboard') apps = merge(apps, r.namespace, r.clusters);
    else if (r.kind === 'offboard')
      apps = apps.flatMap(e => {
        if (e.namespace !== r.namespace) return [e];
        if (!r.clusters) return [];
        const on = (e.clusters ?? []).includes(EVERY_CLUSTER)
          ? [...members]
          : e.clusters ?? [];
        const left = on.filter(c => !r.clusters!.includes(c));
        return left.length ? [{ ...e, clusters: left }] : [];
      });
    else {
      if (r.body.isolationEnabled !== undefined)
        isolationEnabled = r.body.isolationEnabled;
      for (const ns of r.body.removeAllowedNamespaces ?? [])
        allowed = allowed.filter(e => e.namespace !== ns);
      for (const e of r.body.addAllowedNamespaces ?? [])
        allowed = merge(allowed, e.namespace, e.clusters);
    }
  }
  const out: Profile = { ...profile, applicationNamespaces: apps };
  if (allowed.length || profile.allowedNamespaces)
    out.allowedNamespaces = allowed;
  if (isolationEnabled !== undefined) out.isolationEnabled = isolationEnabled;
  return out;
}
