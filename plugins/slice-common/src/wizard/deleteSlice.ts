import type { SliceDetail } from '../fleet/types';

/**
 * What a guided delete removes, for the confirmation that names it (pure, no I/O): the
 * members, the namespaces onboarded (or asked for) on each, the allowed namespaces, and the
 * service exports that hold the delete until they are gone.
 */
export interface SliceRemoval {
  members: string[];
  /** One row per member that has namespaces on the slice, in member order. */
  namespaces: { cluster: string; namespaces: string[] }[];
  allowedNamespaces: string[];
  /** Service exports of the slice: the delete waits until they are deleted on the workers. */
  exports: { service: string; namespace: string; clusters: string[] }[];
}

export function sliceRemoval(
  slice: Pick<
    SliceDetail,
    'members' | 'namespaceStates' | 'services' | 'allowedNamespaces'
  >,
): SliceRemoval {
  const members = slice.members.map(m => m.cluster);
  const namespaces = members.flatMap(cluster => {
    const on = new Set(
      slice.members.find(m => m.cluster === cluster)?.onboardedNamespaces,
    );
    for (const s of slice.namespaceStates)
      if (
        s.cluster === cluster &&
        s.role === 'application' &&
        (s.onboarded || s.requested)
      )
        on.add(s.namespace);
    return on.size ? [{ cluster, namespaces: [...on].sort() }] : [];
  });
  const exports = slice.services
    .filter(s => s.exports.length > 0)
    .map(s => ({
      service: s.name,
      namespace: s.namespace,
      clusters: s.exports.map(e => e.cluster),
    }));
  return {
    members,
    namespaces,
    allowedNamespaces: [...slice.allowedNamespaces],
    exports,
  };
}

/** The confirmation asks for the slice's name, typed exactly (surrounding blanks aside). */
export const deleteConfirmed = (typed: string, name: string) =>
  name.length > 0 && typed.trim() === name;
