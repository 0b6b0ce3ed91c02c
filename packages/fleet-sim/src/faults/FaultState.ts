import { seededRandom } from '../scenario/random';

/**
 * What is currently broken in the fleet. Pure data plus the few decisions
 * derived from it (is this tunnel up? does this request fail? may this
 * worker's operator write to the hub?), so the emulation, the API server and
 * the metrics all agree on one truth.
 *
 * Every "random" decision (which request of an erroring API fails) is drawn
 * from a PRNG keyed by the seed and a per-fault request counter, so a run
 * with the same seed and the same request sequence fails the same requests.
 */

export interface LinkFault {
  /** Extra round-trip latency on every tunnel between the two clusters (ms). */
  latencyMs?: number;
  /** Extra packet loss on those tunnels (percent, 0–100). */
  packetLossPercent?: number;
  /** The link is cut: the tunnels are DOWN, both clusters' APIs stay up. */
  cut?: boolean;
}

export interface ApiFault {
  /**
   * Only requests for this resource (plural, e.g. `workerslicegateways`) are
   * affected; without it, every request to the cluster's API is.
   */
  resource?: string;
  /** Every affected request waits this long first (ms). */
  delayMs?: number;
  /** Fraction (0–1) of affected requests answered with `errorCode`. */
  errorRate?: number;
  /** HTTP status of the injected errors; default 500. */
  errorCode?: number;
}

export interface FaultSnapshot {
  seed: number;
  downClusters: string[];
  /** Workers whose operator is stopped (API up, nothing reconciled). */
  operatorDownClusters: string[];
  /** Workers that cannot reach the hub (both APIs up). */
  partitionedClusters: string[];
  links: Array<{ clusters: [string, string] } & LinkFault>;
  /** Whole-cluster faults have no `resource`. */
  apis: Array<{ cluster: string } & ApiFault>;
}

/** A request to a virtual cluster, as the API server's gate sees it. */
export interface GatedRequest {
  cluster: string;
  /** Plural of the resource addressed (absent for discovery, version, health). */
  resource?: string;
}

/** Order-independent key of a cluster pair. */
export function linkKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function apiKey(cluster: string, resource?: string): string {
  return resource ? `${cluster}|${resource}` : cluster;
}

function sortedList(set: Set<string>): string[] {
  return [...set].sort();
}

export class FaultState {
  private readonly down = new Set<string>();
  private readonly operatorDown = new Set<string>();
  private readonly partitioned = new Set<string>();
  private readonly links = new Map<string, LinkFault>();
  /** By `cluster` (whole cluster) or `cluster|resource`. */
  private readonly apis = new Map<string, { cluster: string } & ApiFault>();
  private readonly requestCounters = new Map<string, number>();

  constructor(readonly seed: number) {}

  isDown(cluster: string): boolean {
    return this.down.has(cluster);
  }

  setDown(cluster: string, down: boolean): boolean {
    return toggle(this.down, cluster, down);
  }

  isOperatorDown(cluster: string): boolean {
    return this.operatorDown.has(cluster);
  }

  setOperatorDown(cluster: string, down: boolean): boolean {
    return toggle(this.operatorDown, cluster, down);
  }

  isPartitioned(cluster: string): boolean {
    return this.partitioned.has(cluster);
  }

  setPartitioned(cluster: string, partitioned: boolean): boolean {
    return toggle(this.partitioned, cluster, partitioned);
  }

  /** Whether the worker operator of a cluster runs (it may still be cut off from the hub). */
  operatorRuns(cluster: string): boolean {
    return !this.down.has(cluster) && !this.operatorDown.has(cluster);
  }

  /**
   * Whether the worker operator runs and reaches the hub. Nearly all of its
   * work starts from a hub object or ends in a hub write, so this is what
   * most of the worker emulation checks.
   */
  operatorSyncs(cluster: string): boolean {
    return this.operatorRuns(cluster) && !this.partitioned.has(cluster);
  }

  /** Clusters that are down, operator-down or partitioned: they catch up once all of that is over. */
  lagging(): string[] {
    return sortedList(
      new Set([...this.down, ...this.operatorDown, ...this.partitioned]),
    );
  }

  link(a: string, b: string): LinkFault | undefined {
    return this.links.get(linkKey(a, b));
  }

  setLink(a: string, b: string, fault: LinkFault | undefined): void {
    if (!fault || (!fault.cut && !fault.latencyMs && !fault.packetLossPercent))
      this.links.delete(linkKey(a, b));
    else this.links.set(linkKey(a, b), { ...fault });
  }

  /** A tunnel between the two clusters is up unless either end is down or the link is cut. */
  tunnelUp(local: string, remote: string): boolean {
    return (
      !this.down.has(local) &&
      !this.down.has(remote) &&
      !this.link(local, remote)?.cut
    );
  }

  /** Whether cluster `to` can reach service endpoints on cluster `from`. */
  reachable(from: string, to: string): boolean {
    return from === to || this.tunnelUp(from, to);
  }

  /** The whole-cluster API fault, or the one of `resource`. */
  api(cluster: string, resource?: string): ApiFault | undefined {
    return this.apis.get(apiKey(cluster, resource));
  }

  /** Sets (or, with nothing to inject, removes) the whole-cluster or one resource's API fault. */
  setApi(cluster: string, fault: ApiFault | undefined): void {
    const key = apiKey(cluster, fault?.resource);
    if (!fault || (!fault.delayMs && !fault.errorRate)) this.apis.delete(key);
    else this.apis.set(key, { cluster, ...fault });
  }

  /** Removes one resource's API fault, or (without `resource`) every API fault of the cluster. */
  clearApi(cluster: string, resource?: string): void {
    if (resource) {
      this.apis.delete(apiKey(cluster, resource));
      return;
    }
    for (const [key, fault] of [...this.apis])
      if (fault.cluster === cluster) this.apis.delete(key);
  }

  /**
   * What to do with the next request to a cluster's API: its delay, and the
   * error status to answer with (undefined = serve it normally). A request
   * for a resource with its own fault gets both: the delays add up, and
   * either fault can fail it.
   */
  nextRequest(req: GatedRequest): { delayMs: number; errorCode?: number } {
    if (this.down.has(req.cluster)) return { delayMs: 0, errorCode: 503 };
    let delayMs = 0;
    let errorCode: number | undefined;
    const keys = [req.cluster];
    if (req.resource) keys.push(apiKey(req.cluster, req.resource));
    for (const key of keys) {
      const fault = this.apis.get(key);
      if (!fault) continue;
      const n = (this.requestCounters.get(key) ?? 0) + 1;
      this.requestCounters.set(key, n);
      delayMs += fault.delayMs ?? 0;
      // The whole-cluster draw keeps its historical key, so old seeds fail the same requests.
      const rng = fault.resource
        ? seededRandom(this.seed, 'api-fault', req.cluster, fault.resource, n)
        : seededRandom(this.seed, 'api-fault', req.cluster, n);
      const fails = (fault.errorRate ?? 0) > 0 && rng() < fault.errorRate!;
      if (fails && errorCode === undefined) errorCode = fault.errorCode ?? 500;
    }
    return { delayMs, errorCode };
  }

  /** Forgets every fault (and the request counters, so a replay starts afresh). */
  clear(): void {
    this.down.clear();
    this.operatorDown.clear();
    this.partitioned.clear();
    this.links.clear();
    this.apis.clear();
    this.requestCounters.clear();
  }

  snapshot(): FaultSnapshot {
    return {
      seed: this.seed,
      downClusters: sortedList(this.down),
      operatorDownClusters: sortedList(this.operatorDown),
      partitionedClusters: sortedList(this.partitioned),
      links: [...this.links.entries()].map(([k, v]) => ({
        clusters: k.split('|') as [string, string],
        ...v,
      })),
      apis: [...this.apis.values()]
        .map(v => ({ ...v }))
        .sort(
          (a, b) =>
            a.cluster.localeCompare(b.cluster) ||
            (a.resource ?? '').localeCompare(b.resource ?? ''),
        ),
    };
  }
}

/** Adds or removes `key`; returns whether that changed anything. */
function toggle(set: Set<string>, key: string, on: boolean): boolean {
  const was = set.has(key);
  if (on) set.add(key);
  else set.delete(key);
  return was !== on;
}
