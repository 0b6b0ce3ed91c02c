import type { ApiSchema } from '../api/types';
import type { WizardStepFields } from './steps';

/** The register-cluster body (`POST /v1/projects/{hub}/{project}/clusters`). */
export type ClusterRegisterBody = ApiSchema<'ClusterRegisterRequest'>;

/** What the register-cluster wizard collects, as the user typed it. */
export interface RegisterClusterForm {
  hub: string;
  project: string;
  name: string;
  provider: string;
  region: string;
  /** Decimal degrees as typed (or as picked on the map, rounded). */
  latitude: string;
  longitude: string;
  /** Gateway node IPs, separated by commas, spaces or new lines; empty: the worker detects them. */
  nodeIPs: string;
  networkInterface: string;
}

export const DEFAULT_NETWORK_INTERFACE = 'eth0';

export function emptyRegisterClusterForm(): RegisterClusterForm {
  return {
    hub: '',
    project: '',
    name: '',
    provider: '',
    region: '',
    latitude: '',
    longitude: '',
    nodeIPs: '',
    networkInterface: DEFAULT_NETWORK_INTERFACE,
  };
}

/**
 * The wizard's steps with the field paths each edits: those of the written Cluster
 * (preflight: `metadata.name`, `spec.clusterProperty.geoLocation.latitude`), of the request
 * body (the request check: `name`) and of the route (`params.project`).
 */
export const REGISTER_CLUSTER_STEPS = [
  {
    id: 'cluster',
    fields: [
      'name',
      'metadata.name',
      'metadata.namespace',
      'params.project',
      'params.hub',
    ],
  },
  { id: 'location', fields: ['spec.clusterProperty'] },
  {
    id: 'network',
    fields: ['spec.nodeIPs', 'spec.nodeIP', 'spec.networkInterface'],
  },
] as const satisfies readonly WizardStepFields[];

export type RegisterClusterStepId =
  (typeof REGISTER_CLUSTER_STEPS)[number]['id'];

/** Items of a list typed in one field: separated by commas, semicolons or white space. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map(s => s.trim())
    .filter(Boolean);
}

/** A decimal number as the controller's webhook reads it (Go `ParseFloat`, no Inf/NaN). */
const FLOAT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Why a coordinate is refused, as a code with its values: the frontend words it in the
 * user's language (`registerClusterWizard.location.problems.*`).
 */
export type CoordinateProblem =
  | { code: 'notANumber'; value: string }
  | { code: 'outOfRange'; limit: 90 | 180 };

/**
 * Why `value` is not a coordinate within ±`limit` (90 for latitude, 180 for longitude), or
 * undefined when it is one or is empty (no location is allowed). Mirrors the webhook, so the
 * step can say it before the review.
 */
export function coordinateProblem(
  value: string,
  limit: 90 | 180,
): CoordinateProblem | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (!FLOAT.test(v)) return { code: 'notANumber', value: v };
  const n = Number(v);
  if (n < -limit || n > limit) return { code: 'outOfRange', limit };
  return undefined;
}

/** Both coordinates or neither: one alone puts nothing on the map. */
export function locationProblem(
  form: Pick<RegisterClusterForm, 'latitude' | 'longitude'>,
): 'latitude' | 'longitude' | undefined {
  const lat = form.latitude.trim();
  const lon = form.longitude.trim();
  if (lat && !lon) return 'longitude';
  if (lon && !lat) return 'latitude';
  return undefined;
}

/**
 * A pair typed or pasted in one go: "52.37, 4.89", "52.37 4.89" or "52.37;4.89" (latitude
 * first, as maps show them). Undefined when it is not two numbers in range.
 */
export function parseCoordinates(
  text: string,
): { latitude: string; longitude: string } | undefined {
  const parts = text
    .trim()
    .split(/\s*[,;]\s*|\s+/)
    .filter(Boolean);
  if (parts.length !== 2) return undefined;
  const [latitude, longitude] = parts;
  if (coordinateProblem(latitude, 90) || coordinateProblem(longitude, 180))
    return undefined;
  return { latitude, longitude };
}

/** A point picked on the map, as the strings the form holds: 4 decimals (about 11 m). */
export function formatPickedPoint(point: {
  latitude: number;
  longitude: number;
}): {
  latitude: string;
  longitude: string;
} {
  const round = (n: number, limit: number) =>
    String(Math.max(-limit, Math.min(limit, Math.round(n * 1e4) / 1e4)));
  return {
    latitude: round(point.latitude, 90),
    longitude: round(point.longitude, 180),
  };
}

/** The form's coordinates as numbers, when both are set and valid (to mark them on the map). */
export function pickedPoint(
  form: Pick<RegisterClusterForm, 'latitude' | 'longitude'>,
): { latitude: number; longitude: number } | undefined {
  const lat = form.latitude.trim();
  const lon = form.longitude.trim();
  if (!lat || !lon) return undefined;
  if (coordinateProblem(lat, 90) || coordinateProblem(lon, 180))
    return undefined;
  return { latitude: Number(lat), longitude: Number(lon) };
}

/**
 * The request body for the form: only what the user filled in. Empty node IPs are left out
 * (the worker detects its gateway nodes), as is an empty location.
 */
export function registerClusterRequest(
  form: RegisterClusterForm,
): ClusterRegisterBody {
  const geo = {
    ...(form.provider.trim() && { cloudProvider: form.provider.trim() }),
    ...(form.region.trim() && { cloudRegion: form.region.trim() }),
    ...(form.latitude.trim() && { latitude: form.latitude.trim() }),
    ...(form.longitude.trim() && { longitude: form.longitude.trim() }),
  };
  const nodeIPs = splitList(form.nodeIPs);
  const spec: NonNullable<ClusterRegisterBody['spec']> = {
    ...(form.networkInterface.trim() && {
      networkInterface: form.networkInterface.trim(),
    }),
    ...(nodeIPs.length > 0 && { nodeIPs }),
    ...(Object.keys(geo).length > 0 && {
      clusterProperty: { geoLocation: geo },
    }),
  };
  return {
    name: form.name.trim(),
    ...(Object.keys(spec).length > 0 && { spec }),
  };
}
