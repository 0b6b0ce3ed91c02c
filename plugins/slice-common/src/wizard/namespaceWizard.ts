import type { SliceNamespaceSelection } from '../kube/objects';
import { SPEC_NS_PROFILE } from '../preflight/context';
import type { WizardStepFields } from './steps';
import { RESERVED_NAMESPACES } from '../preflight/namespaces';
import { conflictsOf, profileOf, type NamespaceGrid } from './namespaceGrid';
import {
  projectProfile,
  type NamespaceEdits,
  type NamespaceWriteRequest,
} from './namespacePlan';

/**
 * The onboarding wizard's steps and where each finding goes (pure, no I/O). A wizard run makes
 * several writes; a finding's path is about one of them (`namespace`, `query.clusters`,
 * `addAllowedNamespaces[0]`, or a position in the proposed list,
 * `spec.namespaceIsolationProfile.applicationNamespaces[2].namespace`), so it is keyed by the
 * namespace it is about (`…applicationNamespaces[namespace=web].namespace`, the way the write
 * API's diffs name list entries) before it is shown beside that namespace's row.
 */

export const APPLICATION_NAMESPACES = `${SPEC_NS_PROFILE}.applicationNamespaces`;
export const ALLOWED_NAMESPACES = `${SPEC_NS_PROFILE}.allowedNamespaces`;
export const ISOLATION_ENABLED = `${SPEC_NS_PROFILE}.isolationEnabled`;

/** The field of one application (or allowed) namespace, as the findings are keyed. */
export const applicationNamespaceField = (namespace: string) =>
  `${APPLICATION_NAMESPACES}[namespace=${namespace}]`;
export const allowedNamespaceField = (namespace: string) =>
  `${ALLOWED_NAMESPACES}[namespace=${namespace}]`;

export type NamespaceWizardStepId = 'slice' | 'namespaces' | 'isolation';

export const NAMESPACE_WIZARD_STEPS: readonly (WizardStepFields & {
  id: NamespaceWizardStepId;
})[] = [
  { id: 'slice', fields: ['params.hub', 'params.project', 'params.name'] },
  { id: 'namespaces', fields: [APPLICATION_NAMESPACES] },
  { id: 'isolation', fields: [ALLOWED_NAMESPACES, ISOLATION_ENABLED] },
];

const INDEXED = /^\[(\d+)\](.*)$/;

function keyed(
  prefix: string,
  rest: string,
  list: readonly SliceNamespaceSelection[] | undefined,
): string | undefined {
  const m = INDEXED.exec(rest);
  if (!m) return undefined;
  const namespace = list?.[Number(m[1])]?.namespace;
  return namespace ? `${prefix}[namespace=${namespace}]${m[2]}` : undefined;
}

/**
 * The path of a finding of `request` (written against the slice as stored, `sliceConfig`),
 * keyed by namespace; paths about nothing the wizard edits come back as they were.
 */
export function keyFindingPath(
  request: NamespaceWriteRequest,
  path: string,
  sliceConfig: unknown,
  members: readonly string[],
): string {
  if (request.kind !== 'update') {
    const row = applicationNamespaceField(request.namespace);
    if (path === 'namespace' || path === 'params.namespace')
      return `${row}.namespace`;
    if (/^clusters(\[|$)/.test(path) || path === 'query.clusters')
      return `${row}.clusters`;
  } else {
    if (path === 'isolationEnabled') return ISOLATION_ENABLED;
    const add = /^addAllowedNamespaces\[(\d+)\](.*)$/.exec(path);
    const name = add && request.body.addAllowedNamespaces?.[Number(add[1])];
    if (name) return `${allowedNamespaceField(name.namespace)}${add[2]}`;
    const remove = /^removeAllowedNamespaces\[(\d+)\]$/.exec(path);
    const removed =
      remove && request.body.removeAllowedNamespaces?.[Number(remove[1])];
    if (removed) return allowedNamespaceField(removed);
  }
  const proposed = projectProfile(profileOf(sliceConfig), [request], members);
  for (const [prefix, list] of [
    [APPLICATION_NAMESPACES, proposed.applicationNamespaces],
    [ALLOWED_NAMESPACES, proposed.allowedNamespaces],
  ] as const) {
    if (path.startsWith(prefix)) {
      const out = keyed(prefix, path.slice(prefix.length), list);
      if (out) return out;
    }
  }
  return path;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A problem the wizard sees before asking the backend: shown beside its row or field. */
export interface NamespaceProblem {
  path: string;
  severity: 'error' | 'warning';
  code: 'invalidName' | 'reserved' | 'conflict';
  namespace: string;
  /** conflict: the clusters where another slice has it, and that slice for each. */
  conflicts?: { cluster: string; slice: string }[];
}

/** Whether a namespace name is one the write API accepts (a DNS-1123 label). */
export const isNamespaceName = (name: string) =>
  name.length <= 63 && DNS_LABEL.test(name);

/**
 * What is wrong with the edits before any write: a namespace name Kubernetes would refuse,
 * a system namespace, and a namespace asked for on a cluster where another slice has it.
 */
export function namespaceProblems(
  grid: NamespaceGrid,
  edits: NamespaceEdits,
): NamespaceProblem[] {
  const out: NamespaceProblem[] = [];
  for (const [namespace, wanted] of Object.entries(edits.namespaces)) {
    const path = applicationNamespaceField(namespace);
    if (!isNamespaceName(namespace)) {
      out.push({
        path: `${path}.namespace`,
        severity: 'error',
        code: 'invalidName',
        namespace,
      });
      continue;
    }
    if (RESERVED_NAMESPACES.includes(namespace) && wanted.length)
      out.push({
        path: `${path}.namespace`,
        severity: 'warning',
        code: 'reserved',
        namespace,
      });
    const row = grid.rows.find(r => r.namespace === namespace);
    const conflicts = row
      ? conflictsOf(row, wanted, grid.clusters).map(c => ({
          cluster: c.cluster,
          slice: c.binding.kind === 'otherSlice' ? c.binding.slice : '',
        }))
      : [];
    if (conflicts.length)
      out.push({
        path: `${path}.clusters`,
        severity: 'error',
        code: 'conflict',
        namespace,
        conflicts,
      });
  }
  for (const namespace of edits.addAllowed)
    if (!isNamespaceName(namespace))
      out.push({
        path: allowedNamespaceField(namespace),
        severity: 'error',
        code: 'invalidName',
        namespace,
      });
  return out;
}
