import type { ApiSchema } from '../api/types';
import type { WizardStepFields } from './steps';

/** The create-slice body (`POST /v1/slices/{hub}/{project}`). */
export type SliceCreateBody = ApiSchema<'SliceCreateRequest'>;
type QosDetails = ApiSchema<'QosProfileDetails'>;

/** One application or allowed namespace of the form: `clusters` empty means every member (`*`). */
export interface NamespaceEntry {
  namespace: string;
  clusters: string[];
}

/** What the create-slice wizard collects, as the user typed it. */
export interface CreateSliceForm {
  hub: string;
  project: string;
  name: string;
  clusters: string[];
  mode: 'single-network' | 'multi-network' | 'no-network';
  subnet: string;
  maxClusters: number;
  namespaces: NamespaceEntry[];
  isolationEnabled: boolean;
  allowedNamespaces: NamespaceEntry[];
  qos:
    | { kind: 'profile'; profile: string }
    | { kind: 'custom'; details: QosDetails };
}

export const DEFAULT_MAX_CLUSTERS = 16;

export function emptyCreateSliceForm(): CreateSliceForm {
  return {
    hub: '',
    project: '',
    name: '',
    clusters: [],
    mode: 'single-network',
    subnet: '',
    maxClusters: DEFAULT_MAX_CLUSTERS,
    namespaces: [],
    isolationEnabled: false,
    allowedNamespaces: [],
    qos: {
      kind: 'custom',
      details: {
        queueType: 'HTB',
        tcType: 'BANDWIDTH_CONTROL',
        priority: 1,
        bandwidthCeilingKbps: 20000,
        bandwidthGuaranteedKbps: 10000,
        dscpClass: 'AF11',
      },
    },
  };
}

/**
 * The create-slice wizard's steps with the field paths each edits. Paths are those of the
 * written SliceConfig (preflight: `metadata.name`, `spec.sliceSubnet`), of the request body
 * (the request check: `name`, `spec.clusters[1]`) and of the route (`params.project`).
 */
export const CREATE_SLICE_STEPS = [
  {
    id: 'project',
    fields: [
      'name',
      'metadata.name',
      'metadata.namespace',
      'params.project',
      'params.hub',
    ],
  },
  { id: 'clusters', fields: ['spec.clusters'] },
  {
    id: 'network',
    fields: [
      'spec.overlayNetworkDeploymentMode',
      'spec.sliceSubnet',
      'spec.maxClusters',
      'spec.sliceGatewayProvider',
      'spec.vpnConfig',
    ],
  },
  { id: 'namespaces', fields: ['spec.namespaceIsolationProfile'] },
  {
    id: 'qos',
    fields: ['spec.standardQosProfileName', 'spec.qosProfileDetails'],
  },
] as const satisfies readonly WizardStepFields[];

export type CreateSliceStepId = (typeof CREATE_SLICE_STEPS)[number]['id'];

const selections = (entries: NamespaceEntry[]) =>
  entries
    .filter(e => e.namespace.trim())
    .map(e => ({
      namespace: e.namespace.trim(),
      clusters: e.clusters.length ? [...e.clusters] : ['*'],
    }));

/**
 * The request body for the form: only what the user chose (the backend fills in slice type,
 * IPAM and gateway provider; the API server the CRD defaults). A no-network slice sends no
 * subnet; QoS is exactly one of a profile name or inline details.
 */
export function createSliceRequest(form: CreateSliceForm): SliceCreateBody {
  const namespaces = selections(form.namespaces);
  const allowed = selections(form.allowedNamespaces);
  const spec: SliceCreateBody['spec'] = {
    clusters: [...form.clusters],
    maxClusters: form.maxClusters,
    overlayNetworkDeploymentMode: form.mode,
    ...(form.mode !== 'no-network' &&
      form.subnet.trim() && { sliceSubnet: form.subnet.trim() }),
    ...(form.qos.kind === 'profile'
      ? { standardQosProfileName: form.qos.profile.trim() }
      : { qosProfileDetails: form.qos.details }),
    ...((namespaces.length || allowed.length || form.isolationEnabled) && {
      namespaceIsolationProfile: {
        isolationEnabled: form.isolationEnabled,
        ...(namespaces.length && { applicationNamespaces: namespaces }),
        ...(allowed.length && { allowedNamespaces: allowed }),
      },
    }),
  };
  return { name: form.name.trim(), spec };
}

/**
 * A new slice named by only what a caller cares about (a scaffolder step, an AI action):
 * everything else as the wizard's defaults. `qos` details go over the default custom QoS;
 * `qosProfile` names a SliceQoSConfig instead.
 */
export interface CreateSliceOptions {
  hub: string;
  project: string;
  name: string;
  clusters: string[];
  sliceSubnet?: string;
  overlayNetworkDeploymentMode?: CreateSliceForm['mode'];
  maxClusters?: number;
  /** Application namespaces; `clusters` absent or empty means every member. */
  namespaces?: { namespace: string; clusters?: string[] }[];
  isolationEnabled?: boolean;
  qosProfile?: string;
  qos?: Partial<QosDetails>;
}

/** Whether the request needs the fleet to choose a subnet (a network slice without one). */
export const needsSubnetSuggestion = (options: CreateSliceOptions) =>
  !options.sliceSubnet &&
  (options.overlayNetworkDeploymentMode ?? 'single-network') !== 'no-network';

/**
 * The create request for `options`; `suggestedSubnet` is used when the caller gave no subnet
 * (see `needsSubnetSuggestion` and `suggestSliceSubnet`).
 */
export function createSliceRequestFor(
  options: CreateSliceOptions,
  suggestedSubnet?: string,
): SliceCreateBody {
  const form = emptyCreateSliceForm();
  let qos = form.qos;
  if (options.qosProfile)
    qos = { kind: 'profile', profile: options.qosProfile };
  else if (form.qos.kind === 'custom' && options.qos)
    qos = { kind: 'custom', details: { ...form.qos.details, ...options.qos } };
  return createSliceRequest({
    ...form,
    hub: options.hub,
    project: options.project,
    name: options.name,
    clusters: options.clusters,
    mode: options.overlayNetworkDeploymentMode ?? form.mode,
    subnet: options.sliceSubnet || suggestedSubnet || '',
    maxClusters: options.maxClusters ?? form.maxClusters,
    namespaces: (options.namespaces ?? []).map(n => ({
      namespace: n.namespace,
      clusters: n.clusters ?? [],
    })),
    isolationEnabled: options.isolationEnabled ?? false,
    qos,
  });
}
