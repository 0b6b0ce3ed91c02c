import { LABEL_ORIGINAL_SLICE_NAME, type ClusterObject } from '../kube/objects';
import { isIpAddress } from './cidr';
import { FleetIndex } from './fleetIndex';
import { Findings } from './findings';
import { checkName, checkProjectNamespace } from './naming';
import { CLUSTER_SPEC_SCHEMA, checkSchema } from './schema';
import type { PreflightFleet, PreflightResult } from './types';

/**
 * Registering (creating), editing and deregistering (deleting) a Cluster
 * (REFERENCE §2.2, §6.1): geolocation must be numbers in range, node IPs
 * must be IPs, and a cluster in a non-default slice cannot be deleted.
 */

export type ClusterPreflightInput =
  | {
      operation: 'create' | 'update';
      proposed: ClusterObject & { spec?: { nodeIP?: string } };
      fleet: PreflightFleet;
    }
  | { operation: 'delete'; current: ClusterObject; fleet: PreflightFleet };

/**
 * A float as Go's `strconv.ParseFloat` reads it (decimal, optional sign and
 * exponent). `Inf`/`NaN` are left out on purpose: NaN would slip through a
 * range check, and no place has such a coordinate.
 */
const FLOAT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Linux interface names: 1–15 bytes, no "/", ":" or whitespace (`dev_valid_name`). */
const INTERFACE = /^[^\s/:]{1,15}$/;

export function preflightCluster(
  input: ClusterPreflightInput,
): PreflightResult[] {
  const out = new Findings();
  if (input.operation === 'delete') {
    checkDeregister(input.current, input.fleet, out);
    return out.results;
  }
  const cluster = input.proposed;
  const fleet = new FleetIndex(input.fleet, cluster.metadata?.namespace);
  checkName(cluster.metadata?.name, out, { kind: 'Cluster', warnLength: true });
  checkProjectNamespace(fleet, out, 'Cluster');
  checkSchema(CLUSTER_SPEC_SCHEMA, cluster.spec, 'spec', out);
  const spec = cluster.spec ?? {};
  const geo = spec.clusterProperty?.geoLocation ?? {};
  checkCoordinate(geo.latitude, 90, 'latitude', out);
  checkCoordinate(geo.longitude, 180, 'longitude', out);
  (Array.isArray(spec.nodeIPs) ? spec.nodeIPs : []).forEach((ip, i) => {
    if (typeof ip === 'string' && !isIpAddress(ip))
      out.error(
        `spec.nodeIPs[${i}]`,
        'nodeIP.invalid',
        `"${ip}" is not an IP address; list the gateway nodes' IPv4 or IPv6 addresses, or leave nodeIPs empty to have them detected.`,
      );
  });
  if (input.proposed.spec?.nodeIP)
    out.warning(
      'spec.nodeIP',
      'nodeIP.deprecated',
      'spec.nodeIP is deprecated; use spec.nodeIPs (or leave it empty to have the gateway node IPs detected).',
    );
  const iface = spec.networkInterface;
  if (typeof iface === 'string' && iface !== '' && !INTERFACE.test(iface))
    out.warning(
      'spec.networkInterface',
      'networkInterface.invalid',
      `"${iface}" is not a Linux interface name (at most 15 characters, no spaces, "/" or ":"); QoS shaping would find no interface. The usual value is eth0.`,
    );
  return out.results;
}

function checkCoordinate(
  value: unknown,
  limit: number,
  key: 'latitude' | 'longitude',
  out: Findings,
): void {
  // Unset or empty means "no coordinate"; the webhook only checks set values.
  if (value === undefined || value === null || value === '') return;
  if (typeof value !== 'string') return; // the schema rules report the type
  const n = Number(value);
  if (FLOAT.test(value) && n >= -limit && n <= limit) return;
  out.error(
    `spec.clusterProperty.geoLocation.${key}`,
    key === 'latitude' ? 'geo.latitudeInvalid' : 'geo.longitudeInvalid',
    `${key} "${value}" must be a number from -${limit} to ${limit} (decimal degrees, e.g. ${
      key === 'latitude' ? '52.37' : '4.89'
    }).`,
  );
}

/** Deregistration is refused while the cluster is in any slice but the project's default one. */
function checkDeregister(
  cluster: ClusterObject,
  fleetView: PreflightFleet,
  out: Findings,
): void {
  const name = cluster.metadata?.name ?? '';
  const fleet = new FleetIndex(fleetView, cluster.metadata?.namespace);
  const defaultSlice = fleet.defaultSliceName();
  const slices = [
    ...new Set(
      fleet
        .workerSlicesOnCluster(name)
        .map(
          w =>
            w.metadata?.labels?.[LABEL_ORIGINAL_SLICE_NAME] ??
            w.spec?.sliceName,
        )
        .filter((s): s is string => Boolean(s) && s !== defaultSlice),
    ),
  ];
  if (slices.length)
    out.error(
      'metadata.name',
      'cluster.inUse',
      `${name} is still a member of slice${
        slices.length > 1 ? 's' : ''
      } ${slices.join(', ')}; remove it from ${
        slices.length > 1 ? 'them' : 'it'
      } before deregistering.`,
    );
}
