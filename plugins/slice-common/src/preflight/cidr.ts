/**
 * IPv4 address and CIDR helpers for the preflight rules (slice subnets, CNI
 * subnets, node IPs). Parsing is strict like Go's `net.ParseIP`/`ParseCIDR`
 * (which the controller uses): decimal octets without leading zeros, so a
 * value the portal accepts is one the controller parses the same way.
 */

/** An IPv4 block as numbers: first and last address (inclusive), 32-bit unsigned. */
export interface Ipv4Cidr {
  /** The address as written (host bits may be set, e.g. `10.1.2.3/16`). */
  address: number;
  prefix: number;
  /** First address of the block (host bits cleared). */
  start: number;
  /** Last address of the block. */
  end: number;
}

const OCTET = /^(0|[1-9]\d{0,2})$/;

/** The address as a 32-bit unsigned number, or undefined if `text` is not a dotted-quad IPv4 address. */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!OCTET.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    // Multiplication, not shifts: JS bit operators are signed 32-bit.
    value = value * 256 + n;
  }
  return value;
}

/** Dotted-quad text of a 32-bit unsigned address. */
export function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map(s => Math.floor(value / 2 ** s) % 256).join('.');
}

/** The four octets of a 32-bit unsigned address. */
export function ipv4Octets(value: number): [number, number, number, number] {
  return [24, 16, 8, 0].map(s => Math.floor(value / 2 ** s) % 256) as [
    number,
    number,
    number,
    number,
  ];
}

/** Parses `a.b.c.d/n`; undefined if it is not an IPv4 CIDR. */
export function parseIPv4Cidr(text: string): Ipv4Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0 || slash !== text.lastIndexOf('/')) return undefined;
  const address = parseIPv4(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (address === undefined || !/^(0|[1-9]\d?)$/.test(prefixText))
    return undefined;
  const prefix = Number(prefixText);
  if (prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const start = address - (address % size);
  return { address, prefix, start, end: start + size - 1 };
}

/** Whether two IPv4 CIDRs share at least one address; false if either does not parse. */
export function ipv4CidrsOverlap(a: string, b: string): boolean {
  const x = parseIPv4Cidr(a);
  const y = parseIPv4Cidr(b);
  return Boolean(x && y && x.start <= y.end && y.start <= x.end);
}

/** RFC 1918 private blocks: 10/8, 172.16/12, 192.168/16. */
const PRIVATE_BLOCKS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map(
  b => parseIPv4Cidr(b)!,
);

/** Whether the whole block lies inside one RFC 1918 private range. */
export function isPrivateIPv4Cidr(cidr: Ipv4Cidr): boolean {
  return PRIVATE_BLOCKS.some(p => cidr.start >= p.start && cidr.end <= p.end);
}

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Whether `text` is an IPv6 address (RFC 4291 text forms, incl. `::` and an embedded IPv4 tail). */
export function isIPv6(text: string): boolean {
  if (!text.includes(':')) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const all = halves.flatMap(groups);
  let count = 0;
  for (const [i, g] of all.entries()) {
    // An IPv4 tail (`::ffff:1.2.3.4`) counts as two groups and must be last.
    if (i === all.length - 1 && g.includes('.')) {
      if (parseIPv4(g) === undefined) return false;
      count += 2;
    } else if (HEX_GROUP.test(g)) count += 1;
    else return false;
  }
  return halves.length === 2 ? count < 8 : count === 8;
}

/** Whether `text` is an IPv4 or IPv6 address (what the Cluster webhook's `nodeIPs` rule accepts). */
export function isIpAddress(text: string): boolean {
  return parseIPv4(text) !== undefined || isIPv6(text);
}
