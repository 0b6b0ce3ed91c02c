import {
  ipv4CidrsOverlap,
  ipv4Octets,
  isPrivateIPv4Cidr,
  parseIPv4Cidr,
} from './cidr';
import { strings, type SliceRuleContext } from './context';
import type { Findings } from './findings';
import type {
  PreflightSliceConfigSpec,
  SliceGatewayServiceType,
} from './types';

/**
 * The overlay network of a slice (REFERENCE §2.3): the subnet, the gateway
 * provider, external gateways, and what an update may not change. Subnet,
 * gateway and external-gateway rules apply only to network slices.
 */

export function checkNetwork(ctx: SliceRuleContext, out: Findings): void {
  const spec = ctx.slice.spec ?? {};
  if (ctx.network) {
    checkSubnet(spec.sliceSubnet, out);
    checkGatewayProvider(ctx, out);
    checkExternalGateways(ctx, out);
    checkSubnetAgainstOtherSlices(ctx, out);
  } else if (spec.sliceSubnet)
    out.warning(
      'spec.sliceSubnet',
      'subnet.ignored',
      'A no-network slice has no overlay, so its sliceSubnet is not used; leave it empty unless you plan to switch the slice to a network mode.',
    );
  if (ctx.operation === 'update') {
    checkModeTransition(ctx, out);
    checkImmutable(ctx, out);
    checkGatewayServiceChanges(ctx, out);
    checkRenewBefore(ctx, out);
  }
}

/** Private, `/16`, `x.y.0.0` (REFERENCE §2.3 and §10). */
function checkSubnet(subnet: unknown, out: Findings): void {
  const path = 'spec.sliceSubnet';
  if (subnet === undefined || subnet === null || subnet === '') {
    out.error(
      path,
      'subnet.required',
      'A network slice needs a sliceSubnet: a private /16 such as 10.1.0.0/16.',
    );
    return;
  }
  if (typeof subnet !== 'string') return; // reported by the schema rules
  const cidr = parseIPv4Cidr(subnet);
  if (!cidr) {
    out.error(
      path,
      'subnet.invalid',
      `"${subnet}" is not an IPv4 CIDR; write it like 10.1.0.0/16.`,
    );
    return;
  }
  if (cidr.prefix !== 16)
    out.error(
      path,
      'subnet.notSlash16',
      `"${subnet}" has prefix /${cidr.prefix}; the slice subnet must be exactly a /16, e.g. 10.1.0.0/16.`,
    );
  if (!isPrivateIPv4Cidr(cidr))
    out.error(
      path,
      'subnet.notPrivate',
      `"${subnet}" is not a private range; use one inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.`,
    );
  const [a, b, c, d] = ipv4Octets(cidr.address);
  if (c !== 0 || d !== 0)
    out.error(
      path,
      'subnet.notNetworkAddress',
      `"${subnet}" must end in .0.0 (third and fourth octets 0); use ${a}.${b}.0.0/16.`,
    );
}

/**
 * Not a webhook rule: two slices sharing a cluster with overlapping subnets
 * give that cluster two routes for the same addresses. The controller
 * accepts it and traffic breaks later, so it is a warning.
 */
function checkSubnetAgainstOtherSlices(
  ctx: SliceRuleContext,
  out: Findings,
): void {
  const subnet = ctx.slice.spec?.sliceSubnet;
  if (typeof subnet !== 'string' || !parseIPv4Cidr(subnet)) return;
  for (const other of ctx.fleet.otherSlices(ctx.name)) {
    const spec = other.spec ?? {};
    if (spec.overlayNetworkDeploymentMode === 'no-network') continue;
    if (!spec.sliceSubnet || !ipv4CidrsOverlap(subnet, spec.sliceSubnet))
      continue;
    const shared = strings(spec.clusters).filter(c => ctx.members.includes(c));
    if (shared.length === 0) continue;
    out.warning(
      'spec.sliceSubnet',
      'subnet.overlapsSlice',
      `${subnet} overlaps ${spec.sliceSubnet} of slice ${
        other.metadata?.name
      }, which also runs on ${shared.join(
        ', ',
      )}; pods there could not tell the two slices apart. Pick a subnet no other slice uses.`,
    );
  }
}

function checkGatewayProvider(ctx: SliceRuleContext, out: Findings): void {
  const provider = ctx.slice.spec?.sliceGatewayProvider;
  if (!provider) {
    out.error(
      'spec.sliceGatewayProvider',
      'gateway.providerRequired',
      'A network slice needs sliceGatewayProvider (e.g. sliceGatewayType OpenVPN, sliceCaType Local).',
    );
    return;
  }
  const seen = new Set<string>();
  (provider.sliceGatewayServiceType ?? []).forEach((entry, i) => {
    const path = `spec.sliceGatewayProvider.sliceGatewayServiceType[${i}].cluster`;
    const cluster = entry?.cluster;
    if (!cluster) {
      out.error(
        path,
        'gateway.serviceClusterRequired',
        'Each gateway service type needs a cluster: a member cluster or "*".',
      );
      return;
    }
    if (cluster !== '*' && !ctx.members.includes(cluster))
      out.error(
        path,
        'gateway.serviceClusterNotMember',
        `${cluster} is not a member of the slice; add it to spec.clusters or remove this gateway service type.`,
      );
    if (seen.has(cluster))
      out.error(
        path,
        'gateway.serviceClusterDuplicate',
        `${cluster} has more than one gateway service type; keep one entry per cluster.`,
      );
    seen.add(cluster);
  });
}

function checkExternalGateways(ctx: SliceRuleContext, out: Findings): void {
  const owners = new Map<string, number>();
  let starEntry: number | undefined;
  (ctx.slice.spec?.externalGatewayConfig ?? []).forEach((entry, i) => {
    const path = `spec.externalGatewayConfig[${i}].clusters`;
    const clusters = strings(entry?.clusters);
    if (clusters.includes('*')) {
      if (clusters.length > 1)
        out.error(
          path,
          'externalGateway.starNotAlone',
          '"*" already means every member; it must be the only cluster of its entry.',
        );
      if (starEntry !== undefined)
        out.error(
          path,
          'externalGateway.starRepeated',
          `"*" is already used in externalGatewayConfig[${starEntry}]; it may appear in one entry only.`,
        );
      starEntry ??= i;
    }
    clusters.forEach((c, j) => {
      if (c === '*') return;
      if (!ctx.members.includes(c))
        out.error(
          `${path}[${j}]`,
          'externalGateway.clusterNotMember',
          `${c} is not a member of the slice; add it to spec.clusters or remove it here.`,
        );
      const owner = owners.get(c);
      if (owner !== undefined)
        out.error(
          `${path}[${j}]`,
          'externalGateway.clusterDuplicate',
          `${c} already has an external gateway in externalGatewayConfig[${owner}]; a cluster may be in one entry only.`,
        );
      else owners.set(c, i);
    });
  });
}

/** Only `no-network` → a network mode is allowed (REFERENCE §2.3). */
function checkModeTransition(ctx: SliceRuleContext, out: Findings): void {
  const before = ctx.current?.spec?.overlayNetworkDeploymentMode;
  const after = ctx.slice.spec?.overlayNetworkDeploymentMode;
  if (before === after || ctx.leavingNoNetwork) return;
  out.error(
    'spec.overlayNetworkDeploymentMode',
    'overlayMode.transitionNotAllowed',
    `The overlay mode cannot change from ${before} to ${after}; only a no-network slice may move to a network mode. Create a new slice instead.`,
  );
}

const IMMUTABLE: Array<[string, (s: PreflightSliceConfigSpec) => unknown]> = [
  ['spec.sliceSubnet', s => s.sliceSubnet],
  ['spec.sliceType', s => s.sliceType],
  [
    'spec.sliceGatewayProvider.sliceGatewayType',
    s => s.sliceGatewayProvider?.sliceGatewayType,
  ],
  [
    'spec.sliceGatewayProvider.sliceCaType',
    s => s.sliceGatewayProvider?.sliceCaType,
  ],
  ['spec.sliceIpamType', s => s.sliceIpamType],
  ['spec.vpnConfig.cipher', s => s.vpnConfig?.cipher],
  ['spec.maxClusters', s => s.maxClusters],
];

/** Fixed once the slice has a network; a `no-network` → network move sets them for the first time. */
function checkImmutable(ctx: SliceRuleContext, out: Findings): void {
  if (ctx.leavingNoNetwork) return;
  const before = ctx.current?.spec ?? {};
  const after = ctx.slice.spec ?? {};
  for (const [path, get] of IMMUTABLE) {
    const was = get(before);
    const now = get(after);
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    out.error(
      path,
      'field.immutable',
      `${path} cannot change after the slice is created (it is ${JSON.stringify(
        was,
      )}); keep it, or create a new slice.`,
    );
  }
}

function serviceTypes(
  spec: PreflightSliceConfigSpec | undefined,
): Map<string, { entry: SliceGatewayServiceType; index: number }> {
  const map = new Map<
    string,
    { entry: SliceGatewayServiceType; index: number }
  >();
  (spec?.sliceGatewayProvider?.sliceGatewayServiceType ?? []).forEach(
    (entry, index) => {
      if (entry?.cluster && !map.has(entry.cluster))
        map.set(entry.cluster, { entry, index });
    },
  );
  return map;
}

/**
 * Per-cluster gateway service: `NodePort` → `LoadBalancer` only, protocol
 * never (REFERENCE §2.3). Compared per cluster entry present before and after.
 */
function checkGatewayServiceChanges(
  ctx: SliceRuleContext,
  out: Findings,
): void {
  const before = serviceTypes(ctx.current?.spec);
  for (const [cluster, { entry, index }] of serviceTypes(ctx.slice.spec)) {
    const prev = before.get(cluster)?.entry;
    if (!prev) continue;
    const at = `spec.sliceGatewayProvider.sliceGatewayServiceType[${index}]`;
    if (prev.type === 'LoadBalancer' && entry.type === 'NodePort')
      out.error(
        `${at}.type`,
        'gateway.typeDowngrade',
        `The gateway of ${cluster} is a LoadBalancer; it cannot go back to NodePort.`,
      );
    if (prev.protocol !== entry.protocol)
      out.error(
        `${at}.protocol`,
        'gateway.protocolChanged',
        `The gateway protocol of ${cluster} is ${prev.protocol} and cannot change.`,
      );
  }
}

/**
 * A new `renewBefore` asks for an immediate certificate renewal: it must lie
 * in the past, and no gateway may be in the middle of a rotation (REFERENCE
 * §2.3). The second half needs the VpnKeyRotation; skipped without it.
 */
function checkRenewBefore(ctx: SliceRuleContext, out: Findings): void {
  const value = ctx.slice.spec?.renewBefore;
  if (typeof value !== 'string' || value === ctx.current?.spec?.renewBefore)
    return;
  const path = 'spec.renewBefore';
  const at = Date.parse(value);
  if (!Number.isNaN(at) && at > ctx.now.getTime())
    out.error(
      path,
      'renewBefore.notPast',
      `renewBefore ${value} is in the future; set a time in the past to renew the slice's certificates now.`,
    );
  if (!ctx.name || !ctx.fleet.knowsVpnKeyRotations()) return;
  const rotation = ctx.fleet.vpnKeyRotation(ctx.name);
  const busy = Object.entries(rotation?.status?.currentRotationState ?? {})
    .filter(([, state]) => state?.status !== 'COMPLETE')
    .map(([gateway]) => gateway);
  if (busy.length)
    out.error(
      path,
      'renewBefore.rotationInProgress',
      `A certificate rotation is still running on ${busy.join(
        ', ',
      )}; wait until every gateway reports COMPLETE, then renew.`,
    );
}
