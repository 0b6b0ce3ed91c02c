import { seededRandom } from '../scenario/random';

/**
 * What is currently broken in the fleet. Pure data plus the few decisions
 * derived from it (is this tunnel up? does this request fail?), so the
 * emulation, the API server and the metrics all agree on one truth.
 *
 * Every "random" decision (which request of an erroring API fails) is drawn
 * from a PRNG keyed by the seed and a per-cluster request counter, so a run
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
  /** Every request to the cluster's API waits this long first (ms). */
  delayMs?: number;
  /** Fraction (0–1) of requests answered with `errorCode`. */
  errorRate?: number;
  /** HTTP status of the injected errors; default 500. */
  errorCode?: number;
}

export interface FaultSnapshot {
  seed: number;
  downClusters: string[];
  links: Array<{ clusters: [string, string] } & LinkFault>;
  apis: Array<{ cluster: string } & ApiFault>;
}

/** Order-independent key of a cluster pair. */
export function linkKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export class FaultState {
  private readonly down = new Set<string>();
  private readonly links = new Map<string, LinkFault>();
  private readonly apis = new Map<string, ApiFault>();
  private readonly requestCounters = new Map<string, number>();

  constructor(readonly seed: number) {}

  isDown(cluster: string): boolean {
    return this.down.has(cluster);
  }

  setDown(cluster: string, down: boolean): boolean {
    const was = this.down.has(cluster);
    if (down) this.down.add(cluster);
    else this.down.delete(cluster);
    return was !== down;
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

  api(cluster: string): ApiFault | undefined {
    return this.apis.get(cluster);
  }

  setApi(cluster: string, fault: ApiFault | undefined): void {
    if (!fault || (!fault.delayMs && !fault.errorRate))
      this.apis.delete(cluster);
    else this.apis.set(cluster, { ...fault });
  }

  /**
   * What to do with the next request to a cluster's API: its delay, and the
   * error status to answer with (undefined = serve it normally).
   */
  nextRequest(cluster: string): { delayMs: number; errorCode?: number } {
    if (this.down.has(cluster)) return { delayMs: 0, errorCode: 503 };
    const fault = this.apis.get(cluster);
    if (!fault) return { delayMs: 0 };
    const n = (this.requestCounters.get(cluster) ?? 0) + 1;
    this.requestCounters.set(cluster, n);
    const fails =
      (fault.errorRate ?? 0) > 0 &&
      seededRandom(this.seed, 'api-fault', cluster, n)() < fault.errorRate!;
    return {
      delayMs: fault.delayMs ?? 0,
      errorCode: fails ? fault.errorCode ?? 500 : undefined,
    };
  }

  /** Forgets every fault (and the request counters, so a replay starts afresh). */
  clear(): void {
    this.down.clear();
    this.links.clear();
    this.apis.clear();
    this.requestCounters.clear();
  }

  snapshot(): FaultSnapshot {
    return {
      seed: this.seed,
      downClusters: [...this.down].sort(),
      links: [...this.links.entries()].map(([k, v]) => ({
        clusters: k.split('|') as [string, string],
        ...v,
      })),
      apis: [...this.apis.entries()].map(([cluster, v]) => ({
        cluster,
        ...v,
      })),
    };
  }
}
