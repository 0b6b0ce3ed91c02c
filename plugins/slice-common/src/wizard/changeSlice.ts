import type { ApiSchema } from '../api/types';
import type { SliceDetail } from '../fleet/types';
import type { SliceNamespaceSelection } from '../kube/objects';
import {
  emptyCreateSliceForm,
  type CreateSliceForm,
  type NamespaceEntry,
} from './createSlice';
import type { WizardStepFields } from './steps';

/**
 * The change-slice wizard's model (pure, no I/O): the form opened with the slice as stored,
 * the PATCH body from the difference between that and the edited form (only what the user
 * changed, so a write applied to a newer stored slice keeps others' changes), and why a
 * member cannot simply be removed.
 */

/** The change-slice body (`PATCH /v1/slices/{hub}/{project}/{name}`). */
export type SliceUpdateBody = ApiSchema<'SliceUpdateRequest'>;

type Spec = {
  clusters?: unknown[];
  overlayNetworkDeploymentMode?: CreateSliceForm['mode'];
  sliceSubnet?: string;
  maxClusters?: number;
  standardQosProfileName?: string;
  qosProfileDetails?: Partial<
    Extract<CreateSliceForm['qos'], { kind: 'custom' }>['details']
  >;
  namespaceIsolationProfile?: {
    isolationEnabled?: boolean;
    applicationNamespaces?: SliceNamespaceSelection[];
    allowedNamespaces?: SliceNamespaceSelection[];
  };
};

/**
 * The change-slice wizard's steps and the field paths each edits: those of the stored
 * SliceConfig (preflight) and of the PATCH body (the request check).
 */
export const CHANGE_SLICE_STEPS = [
  {
    id: 'clusters',
    fields: ['spec.clusters', 'addClusters', 'removeClusters'],
  },
  {
    id: 'namespaces',
    fields: [
      'spec.namespaceIsolationProfile',
      'isolationEnabled',
      'addAllowedNamespaces',
      'removeAllowedNamespaces',
    ],
  },
  {
    id: 'qos',
    fields: ['spec.standardQosProfileName', 'spec.qosProfileDetails', 'qos'],
  },
] as const satisfies readonly WizardStepFields[];

export type ChangeSliceStepId = (typeof CHANGE_SLICE_STEPS)[number]['id'];

type QosDetails = Extract<
  CreateSliceForm['qos'],
  { kind: 'custom' }
>['details'];

/** The create form's QoS values: what a slice's inline QoS is filled up with. */
function defaultDetails(): QosDetails {
  const { qos } = emptyCreateSliceForm();
  return qos.kind === 'custom' ? { ...qos.details } : (undefined as never);
}

const entriesOf = (list: SliceNamespaceSelection[] | undefined) =>
  (list ?? [])
    .filter(e => e.namespace)
    .map(
      (e): NamespaceEntry => ({
        namespace: e.namespace!,
        clusters: (e.clusters ?? []).includes('*')
          ? []
          : [...(e.clusters ?? [])],
      }),
    );

/** The wizard's form with the slice as stored (its SliceConfig; the summary where that is silent). */
export function changeSliceForm(
  slice: Pick<
    SliceDetail,
    | 'hub'
    | 'project'
    | 'name'
    | 'members'
    | 'mode'
    | 'subnet'
    | 'maxClusters'
    | 'isolationEnabled'
    | 'qos'
    | 'sliceConfig'
  >,
): CreateSliceForm {
  const spec: Spec = (slice.sliceConfig as { spec?: Spec })?.spec ?? {};
  const empty = emptyCreateSliceForm();
  const profile = spec.namespaceIsolationProfile ?? {};
  const clusters = spec.clusters
    ? spec.clusters.filter((c): c is string => typeof c === 'string')
    : slice.members.map(m => m.cluster);
  const profileName = spec.standardQosProfileName ?? slice.qos.profile;
  const defaults = defaultDetails();
  const { profile: _, ...summaryDetails } = slice.qos;
  const details = spec.qosProfileDetails ?? summaryDetails;
  return {
    hub: slice.hub,
    project: slice.project,
    name: slice.name,
    clusters,
    mode:
      spec.overlayNetworkDeploymentMode ??
      (slice.mode as CreateSliceForm['mode']),
    subnet: spec.sliceSubnet ?? slice.subnet ?? '',
    maxClusters: spec.maxClusters ?? slice.maxClusters ?? empty.maxClusters,
    namespaces: entriesOf(profile.applicationNamespaces),
    isolationEnabled: profile.isolationEnabled ?? slice.isolationEnabled,
    allowedNamespaces: entriesOf(profile.allowedNamespaces),
    qos:
      profileName && !spec.qosProfileDetails
        ? { kind: 'profile', profile: profileName }
        : {
            kind: 'custom',
            details: { ...defaults, ...details } as QosDetails,
          },
  };
}

/** Entries as the slice would hold them with `members`: clusters of non-members dropped. */
function normalised(entries: NamespaceEntry[], members: readonly string[]) {
  const out = new Map<string, string[]>();
  for (const e of entries) {
    const namespace = e.namespace.trim();
    if (!namespace) continue;
    if (!e.clusters.length) {
      out.set(namespace, ['*']);
      continue;
    }
    const on = e.clusters.filter(c => members.includes(c)).sort();
    if (on.length) out.set(namespace, on);
  }
  return out;
}

const qosBody = (qos: CreateSliceForm['qos']): SliceUpdateBody['qos'] =>
  qos.kind === 'profile'
    ? { standardQosProfileName: qos.profile.trim() }
    : { qosProfileDetails: { ...qos.details } };

/**
 * The PATCH body: what differs between the form as opened (`base`) and as edited. Members
 * added and removed; QoS and isolation only when changed; an allowed namespace whose
 * clusters changed is removed and added again (the backend removes before it adds). Entries
 * of a removed member are left to the backend, which drops them with the member. `{}` when
 * nothing changed.
 */
export function sliceUpdateRequest(
  base: CreateSliceForm,
  form: CreateSliceForm,
): SliceUpdateBody {
  const body: SliceUpdateBody = {};
  const add = form.clusters.filter(c => !base.clusters.includes(c));
  const remove = base.clusters.filter(c => !form.clusters.includes(c));
  if (add.length) body.addClusters = add;
  if (remove.length) body.removeClusters = remove;
  if (JSON.stringify(qosBody(base.qos)) !== JSON.stringify(qosBody(form.qos)))
    body.qos = qosBody(form.qos);
  if (base.isolationEnabled !== form.isolationEnabled)
    body.isolationEnabled = form.isolationEnabled;
  const before = normalised(base.allowedNamespaces, form.clusters);
  const after = normalised(form.allowedNamespaces, form.clusters);
  const removed = [...before.keys()].filter(ns => {
    const next = after.get(ns);
    return !next || next.join() !== before.get(ns)!.join();
  });
  const added = [...after].filter(
    ([ns, clusters]) => before.get(ns)?.join() !== clusters.join(),
  );
  if (removed.length) body.removeAllowedNamespaces = removed;
  if (added.length)
    body.addAllowedNamespaces = added.map(([namespace, clusters]) => ({
      namespace,
      clusters,
    }));
  return body;
}

/** Whether the body changes anything. */
export const changesSomething = (body: SliceUpdateBody) =>
  Object.keys(body).length > 0;

/** What keeps a member on the slice: namespaces onboarded on it and services exported from it. */
export interface MemberHold {
  cluster: string;
  namespaces: string[];
  /** `service.namespace` */
  exports: string[];
}

/**
 * Why `cluster` cannot simply leave the slice (undefined: it can): the namespaces its worker
 * reports onboarded or the slice asks for on it, and the services exported from it — removing
 * it would cut those off. Offboard them and delete the exports first.
 */
export function memberHold(
  slice: Pick<SliceDetail, 'members' | 'namespaceStates' | 'services'>,
  cluster: string,
): MemberHold | undefined {
  const namespaces = new Set(
    slice.members.find(m => m.cluster === cluster)?.onboardedNamespaces ?? [],
  );
  for (const s of slice.namespaceStates)
    if (s.cluster === cluster && s.role === 'application' && s.onboarded)
      namespaces.add(s.namespace);
  const exports = slice.services
    .filter(s => s.exports.some(e => e.cluster === cluster))
    .map(s => `${s.name}.${s.namespace}`);
  if (!namespaces.size && !exports.length) return undefined;
  return { cluster, namespaces: [...namespaces].sort(), exports };
}

/**
 * The user's change applied to a newer stored slice (after a 409: reload, re-apply): the
 * form opened with what is stored now, plus the members, QoS, isolation and allowed
 * namespaces the user changed — so the review shows what the write will produce.
 */
export function applySliceUpdate(
  base: CreateSliceForm,
  body: SliceUpdateBody,
): CreateSliceForm {
  const removed = body.removeClusters ?? [];
  const clusters = [
    ...base.clusters.filter(c => !removed.includes(c)),
    ...(body.addClusters ?? []).filter(c => !base.clusters.includes(c)),
  ];
  const gone = [
    ...(body.removeAllowedNamespaces ?? []),
    ...(body.addAllowedNamespaces ?? []).map(e => e.namespace),
  ];
  return {
    ...base,
    clusters,
    isolationEnabled: body.isolationEnabled ?? base.isolationEnabled,
    allowedNamespaces: [
      ...base.allowedNamespaces.filter(e => !gone.includes(e.namespace)),
      ...entriesOf(body.addAllowedNamespaces),
    ],
    qos: body.qos ? qosOf(base.qos, body.qos) : base.qos,
  };
}

function qosOf(
  current: CreateSliceForm['qos'],
  qos: NonNullable<SliceUpdateBody['qos']>,
): CreateSliceForm['qos'] {
  if (!qos.qosProfileDetails)
    return { kind: 'profile', profile: qos.standardQosProfileName ?? '' };
  const details =
    current.kind === 'custom' ? current.details : defaultDetails();
  return { kind: 'custom', details: { ...details, ...qos.qosProfileDetails } };
}
