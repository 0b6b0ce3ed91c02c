import type { ClusterDetail, SliceDetail, SliceSummary } from '../fleet/types';
import type { SliceNamespaceSelection } from '../kube/objects';
import { RESERVED_NAMESPACES } from '../preflight/namespaces';

/**
 * The onboarding wizard's clusters × namespaces grid (pure, no I/O): for every namespace and
 * member cluster, what the namespace is bound to today, from what the read API returns — the
 * slice (its SliceConfig and its members' onboarded namespaces), the members' own reports
 * (`Cluster.status.namespaces[].sliceName`) and the other slices the caller may see.
 */

/** Where a namespace is on a slice: `'*'` (every member, now and later) or these members. */
export type NamespaceClusters = '*' | readonly string[];

export const EVERY_CLUSTER = '*';

/** What one namespace is bound to on one member cluster today. */
export type CellBinding =
  /** Listed on this slice for the cluster (`viaStar`: by `*`), and whether the worker onboarded it. */
  | { kind: 'thisSlice'; viaStar: boolean; onboarded: boolean }
  /** Not listed, but the worker still reports it onboarded on this slice (being offboarded). */
  | { kind: 'leaving' }
  /** On another slice: the namespace can be on one slice per cluster (a conflict). */
  | { kind: 'otherSlice'; slice: string; source: 'cluster' | 'slice' }
  /** On no slice; `exists`: the worker reports the namespace on the cluster (else it is created). */
  | { kind: 'free'; exists: boolean };

export interface GridCell {
  namespace: string;
  cluster: string;
  binding: CellBinding;
}

export interface NamespaceGridRow {
  namespace: string;
  /** The slice's entry for it today (undefined: not an application namespace of the slice). */
  current?: NamespaceClusters;
  /** One per member, in the slice's member order. */
  cells: GridCell[];
  /** A system namespace the worker does not manage (shown only when asked for). */
  reserved: boolean;
}

export interface NamespaceGrid {
  slice: string;
  clusters: string[];
  rows: NamespaceGridRow[];
}

export interface NamespaceGridInput {
  slice: Pick<
    SliceDetail,
    'hub' | 'name' | 'members' | 'sliceConfig' | 'namespaceStates'
  >;
  /** The members' reports; a member missing here is not known (no namespaces listed for it). */
  clusters?: readonly Pick<ClusterDetail, 'name' | 'namespaces'>[];
  /** Other slices the caller may see (the fleet): their members' onboarded namespaces. */
  otherSlices?: readonly Pick<SliceSummary, 'hub' | 'name' | 'members'>[];
  /** Rows to show even where no cluster has them yet (typed in, or the entity's namespace). */
  extraNamespaces?: readonly string[];
}

type Profile = {
  applicationNamespaces?: SliceNamespaceSelection[];
  allowedNamespaces?: SliceNamespaceSelection[];
  isolationEnabled?: boolean;
};

/** The SliceConfig's `namespaceIsolationProfile` from the slice detail (empty when absent). */
export function profileOf(sliceConfig: unknown): Profile {
  const spec = (
    sliceConfig as { spec?: { namespaceIsolationProfile?: Profile } }
  )?.spec;
  return spec?.namespaceIsolationProfile ?? {};
}

/** A selection's clusters: `'*'` when it has `*`, else its list. */
export function selectionClusters(
  entry: SliceNamespaceSelection | undefined,
): NamespaceClusters | undefined {
  if (!entry) return undefined;
  const clusters = (entry.clusters ?? []).filter(
    (c): c is string => typeof c === 'string',
  );
  return clusters.includes(EVERY_CLUSTER) ? EVERY_CLUSTER : clusters;
}

/** The members a selection stands for (`*`: every member). */
export function expandClusters(
  clusters: NamespaceClusters | undefined,
  members: readonly string[],
): string[] {
  if (!clusters) return [];
  if (clusters === EVERY_CLUSTER) return [...members];
  return members.filter(m => clusters.includes(m));
}

/** The slice's application namespaces today: namespace → clusters. */
export function currentNamespaces(
  sliceConfig: unknown,
): Map<string, NamespaceClusters> {
  const out = new Map<string, NamespaceClusters>();
  for (const entry of profileOf(sliceConfig).applicationNamespaces ?? []) {
    const clusters = selectionClusters(entry);
    if (entry.namespace && clusters) out.set(entry.namespace, clusters);
  }
  return out;
}

function otherOwners(input: NamespaceGridInput) {
  const byCell = new Map<string, CellBinding>();
  const key = (ns: string, cluster: string) => `${ns}@${cluster}`;
  for (const other of input.otherSlices ?? []) {
    if (other.hub !== input.slice.hub || other.name === input.slice.name)
      continue;
    for (const m of other.members)
      for (const ns of m.onboardedNamespaces)
        byCell.set(key(ns, m.cluster), {
          kind: 'otherSlice',
          slice: other.name,
          source: 'slice',
        });
  }
  // The worker's own report wins: it is what the admission webhook checks.
  for (const cluster of input.clusters ?? [])
    for (const ns of cluster.namespaces)
      if (ns.slice && ns.slice !== input.slice.name)
        byCell.set(key(ns.name, cluster.name), {
          kind: 'otherSlice',
          slice: ns.slice,
          source: 'cluster',
        });
  return (ns: string, cluster: string) => byCell.get(key(ns, cluster));
}

/** Builds the grid: a row per namespace the slice has, a member reports, or `extraNamespaces`. */
export function buildNamespaceGrid(input: NamespaceGridInput): NamespaceGrid {
  const { slice } = input;
  const members = slice.members.map(m => m.cluster);
  const current = currentNamespaces(slice.sliceConfig);
  const onboarded = new Map(
    slice.members.map(m => [m.cluster, new Set(m.onboardedNamespaces)]),
  );
  const reported = new Map(
    (input.clusters ?? []).map(c => [
      c.name,
      new Set(c.namespaces.map(n => n.name)),
    ]),
  );
  const owner = otherOwners(input);

  const names = new Set<string>([...current.keys()]);
  for (const set of onboarded.values()) set.forEach(n => names.add(n));
  for (const [cluster, set] of reported)
    if (members.includes(cluster))
      set.forEach(n => !RESERVED_NAMESPACES.includes(n) && names.add(n));
  for (const n of input.extraNamespaces ?? []) if (n) names.add(n);

  const cellOf = (namespace: string, cluster: string): CellBinding => {
    const entry = current.get(namespace);
    const isOnboarded = onboarded.get(cluster)?.has(namespace) ?? false;
    if (entry && expandClusters(entry, members).includes(cluster))
      return {
        kind: 'thisSlice',
        viaStar: entry === EVERY_CLUSTER,
        onboarded: isOnboarded,
      };
    if (isOnboarded) return { kind: 'leaving' };
    return (
      owner(namespace, cluster) ?? {
        kind: 'free',
        exists: reported.get(cluster)?.has(namespace) ?? false,
      }
    );
  };

  const rows = [...names]
    .sort(
      (a, b) =>
        Number(current.has(b)) - Number(current.has(a)) || a.localeCompare(b),
    )
    .map(namespace => ({
      namespace,
      current: current.get(namespace),
      reserved: RESERVED_NAMESPACES.includes(namespace),
      cells: members.map(cluster => ({
        namespace,
        cluster,
        binding: cellOf(namespace, cluster),
      })),
    }));
  return { slice: slice.name, clusters: members, rows };
}

/** The cells among `clusters` (of row) where the namespace is on another slice. */
export function conflictsOf(
  row: NamespaceGridRow,
  clusters: NamespaceClusters | undefined,
  members: readonly string[],
): GridCell[] {
  const chosen = expandClusters(clusters, members);
  return row.cells.filter(
    c => c.binding.kind === 'otherSlice' && chosen.includes(c.cluster),
  );
}
