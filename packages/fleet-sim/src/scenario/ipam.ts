/**
 * Slice address planning, following the controller's IPAM:
 * each member cluster gets a block of size /(17+i) of the slice's /16, where
 * i is the largest integer with maxClusters > 2^i (16 → /20, 32 → /21,
 * 2 → /17). Gateway tunnel addresses come from <a>.<b>.255.0/24.
 */

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0]
    .map(shift => Math.floor(n / 2 ** shift) % 256)
    .join('.');
}

export function clusterPrefixLength(maxClusters: number): number {
  let i = 0;
  while (maxClusters > 2 ** (i + 1)) i++;
  return 17 + i;
}

export interface ClusterBlock {
  cidr: string;
  /** First address of the block as an integer (for allocating addresses inside it). */
  base: number;
  /** Third octet of the block's first address (`WorkerSliceConfig.spec.octet`). */
  octet: number;
}

/** The `index`-th (0-based) cluster block of a slice subnet. */
export function clusterBlock(
  sliceSubnet: string,
  maxClusters: number,
  index: number,
): ClusterBlock {
  const prefix = clusterPrefixLength(maxClusters);
  const base = ipToInt(sliceSubnet.split('/')[0]) + index * 2 ** (32 - prefix);
  return {
    cidr: `${intToIp(base)}/${prefix}`,
    base,
    octet: Math.floor(base / 256) % 256,
  };
}

/** VPN addresses of a gateway pair: server `.255.1`, client `.255.2`. */
export function gatewayVpnIps(sliceSubnet: string): {
  server: string;
  client: string;
} {
  const [a, b] = sliceSubnet.split('.');
  return { server: `${a}.${b}.255.1`, client: `${a}.${b}.255.2` };
}
