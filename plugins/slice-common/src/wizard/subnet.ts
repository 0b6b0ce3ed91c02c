import { formatIPv4, ipv4CidrsOverlap, parseIPv4Cidr } from '../preflight/cidr';

/**
 * Suggests a slice subnet that overlaps nothing given: a private /16 ending in .0.0 (what
 * the controller's webhook requires of a network slice, REFERENCE §2.3), tried in order
 * 10.1–10.255, then 172.16–172.31, then 192.168. `used` are the subnets it must not
 * overlap: the hub's other slices and the CNI (pod and service) subnets of the members.
 * Entries that are not IPv4 CIDRs are ignored. Undefined when every candidate is taken.
 */
export function suggestSliceSubnet(
  used: readonly (string | undefined)[],
): string | undefined {
  const taken = used.filter(
    (c): c is string => typeof c === 'string' && Boolean(parseIPv4Cidr(c)),
  );
  for (const candidate of candidates()) {
    if (!taken.some(t => ipv4CidrsOverlap(candidate, t))) return candidate;
  }
  return undefined;
}

function* candidates(): Generator<string> {
  const slash16 = (a: number, b: number) =>
    `${formatIPv4(((a << 24) | (b << 16)) >>> 0)}/16`;
  for (let b = 1; b <= 255; b++) yield slash16(10, b);
  for (let b = 16; b <= 31; b++) yield slash16(172, b);
  yield slash16(192, 168);
}

/** The subnets a new slice's subnet must not overlap: other slices of the hub and the members' CNI subnets. */
export function subnetsInUse(options: {
  slices: readonly { hub: string; subnet?: string }[];
  clusters: readonly { hub: string; name: string; cniSubnets: string[] }[];
  hub: string;
  members: readonly string[];
}): string[] {
  const { slices, clusters, hub, members } = options;
  return [
    ...slices.filter(s => s.hub === hub).map(s => s.subnet ?? ''),
    ...clusters
      .filter(c => c.hub === hub && members.includes(c.name))
      .flatMap(c => c.cniSubnets),
  ].filter(Boolean);
}

/** A free /16 for a new slice of `hub` with `members`, given the fleet as the caller may see it. */
export function freeSubnetFor(options: {
  fleet: Pick<Parameters<typeof subnetsInUse>[0], 'slices' | 'clusters'>;
  hub: string;
  members: readonly string[];
}): string | undefined {
  return suggestSliceSubnet(
    subnetsInUse({
      ...options.fleet,
      hub: options.hub,
      members: options.members,
    }),
  );
}
