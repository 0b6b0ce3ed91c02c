import { ApiError } from '../api/errors';
import type { FleetRuntime } from '../emulation/FleetRuntime';
import type {
  ApiFault,
  FaultSnapshot,
  FaultState,
  LinkFault,
} from './FaultState';

/**
 * The fault-injection API, shared by the HTTP control API (`/sim/v1/...`),
 * the CLI and tests in other packages (`sim.faults.clusterDown('aws-east')`).
 * Each call changes the fault state, then applies it to the fleet at once:
 * tunnels, slice health, service imports and events are updated before the
 * call returns, so a test can assert right after it.
 */
export class FaultController {
  constructor(
    private readonly state: FaultState,
    private readonly runtime: FleetRuntime,
    /** Called when a cluster goes down (the server drops its open watches). */
    private readonly onClusterDown: (cluster: string) => void = () => {},
  ) {}

  private knownCluster(name: string, workersOnly = false): void {
    const known =
      this.runtime.workers.has(name) ||
      (!workersOnly && this.runtime.hub.name === name);
    if (!known)
      throw ApiError.badRequest(
        `unknown ${workersOnly ? 'worker ' : ''}cluster "${name}"`,
      );
  }

  /** Takes a cluster down: its API answers 503, its tunnels go DOWN on both sides, its endpoints leave imports. */
  clusterDown(name: string): FaultSnapshot {
    this.knownCluster(name);
    if (this.state.setDown(name, true)) {
      this.onClusterDown(name);
      this.runtime.applyFaults();
    }
    return this.snapshot();
  }

  /** Brings a down cluster back (everything clusterDown did is undone). */
  clusterUp(name: string): FaultSnapshot {
    this.knownCluster(name);
    if (this.state.setDown(name, false)) {
      this.runtime.applyFaults();
      this.runtime.clusterCameUp(name);
    }
    return this.snapshot();
  }

  /** Adds latency and/or packet loss to every tunnel between two workers. */
  degradeLink(
    a: string,
    b: string,
    fault: Pick<LinkFault, 'latencyMs' | 'packetLossPercent'>,
  ): FaultSnapshot {
    this.checkLink(a, b);
    const latencyMs = Number(fault.latencyMs ?? 0);
    const loss = Number(fault.packetLossPercent ?? 0);
    if (!(latencyMs >= 0) || !(loss >= 0 && loss <= 100))
      throw ApiError.badRequest(
        'latencyMs must be >= 0 and packetLossPercent in [0, 100]',
      );
    const current = this.state.link(a, b);
    this.state.setLink(a, b, {
      ...current,
      latencyMs,
      packetLossPercent: loss,
    });
    this.runtime.applyFaults();
    return this.snapshot();
  }

  /** Cuts every tunnel between two workers (both APIs stay up). */
  cutLink(a: string, b: string): FaultSnapshot {
    this.checkLink(a, b);
    this.state.setLink(a, b, { ...this.state.link(a, b), cut: true });
    this.runtime.applyFaults();
    return this.snapshot();
  }

  /** Removes any degradation or cut of the link. */
  restoreLink(a: string, b: string): FaultSnapshot {
    this.checkLink(a, b);
    this.state.setLink(a, b, undefined);
    this.runtime.applyFaults();
    return this.snapshot();
  }

  /** Makes a cluster's API (typically a hub's) slow and/or failing a fraction of requests. */
  apiFault(cluster: string, fault: ApiFault): FaultSnapshot {
    this.knownCluster(cluster);
    const delayMs = Number(fault.delayMs ?? 0);
    const errorRate = Number(fault.errorRate ?? 0);
    const errorCode = Number(fault.errorCode ?? 500);
    if (!(delayMs >= 0 && delayMs <= 600_000))
      throw ApiError.badRequest('delayMs must be in [0, 600000]');
    if (!(errorRate >= 0 && errorRate <= 1))
      throw ApiError.badRequest('errorRate must be in [0, 1]');
    if (!Number.isInteger(errorCode) || errorCode < 400 || errorCode > 599)
      throw ApiError.badRequest('errorCode must be an HTTP error status');
    this.state.setApi(cluster, { delayMs, errorRate, errorCode });
    return this.snapshot();
  }

  clearApiFault(cluster: string): FaultSnapshot {
    this.knownCluster(cluster);
    this.state.setApi(cluster, undefined);
    return this.snapshot();
  }

  /** Clears every fault and restores the fleet. */
  reset(): FaultSnapshot {
    this.state.clear();
    this.runtime.applyFaults();
    return this.snapshot();
  }

  snapshot(): FaultSnapshot {
    return this.state.snapshot();
  }

  private checkLink(a: string, b: string): void {
    this.knownCluster(a, true);
    this.knownCluster(b, true);
    if (a === b)
      throw ApiError.badRequest('a link joins two different clusters');
  }
}
