import { ApiError } from '../api/errors';
import type { FleetRuntime } from '../emulation/FleetRuntime';
import type { VirtualCluster } from '../server/VirtualCluster';
import { validApiFault } from './apiFault';
import type {
  ApiFault,
  FaultSnapshot,
  FaultState,
  LinkFault,
} from './FaultState';

export interface FaultControllerOptions {
  state: FaultState;
  runtime: FleetRuntime;
  /**
   * Ends the open watches on a cluster (it went down, its API server
   * restarted, or its history was compacted): the API server's job.
   */
  closeWatches?: (cluster: string) => void;
}

/**
 * The fault-injection API, shared by the HTTP control API (`/sim/v1/...`),
 * the CLI and tests in other packages (`sim.faults.clusterDown('aws-east')`).
 * Each call changes the fault state, then applies it to the fleet at once:
 * tunnels, slice health, service imports and events are updated before the
 * call returns, so a test can assert right after it. A worker that is back
 * (up, operator running, hub reachable) catches up before the call returns
 * too, except for steps that take a worker a while (namespace onboarding).
 */
export class FaultController {
  private readonly state: FaultState;
  private readonly runtime: FleetRuntime;
  private readonly closeWatches: (cluster: string) => void;

  constructor(options: FaultControllerOptions) {
    this.state = options.state;
    this.runtime = options.runtime;
    this.closeWatches = options.closeWatches ?? (() => {});
  }

  private knownCluster(name: string, workersOnly = false): VirtualCluster {
    const vc =
      this.runtime.workers.get(name) ??
      (!workersOnly && this.runtime.hub.name === name
        ? this.runtime.hub
        : undefined);
    if (!vc)
      throw ApiError.badRequest(
        `unknown ${workersOnly ? 'worker ' : ''}cluster "${name}"`,
      );
    return vc;
  }

  /** Takes a cluster down: its API answers 503, its tunnels go DOWN on both sides, its endpoints leave imports. */
  clusterDown(name: string): FaultSnapshot {
    this.knownCluster(name);
    if (this.state.setDown(name, true)) {
      this.closeWatches(name);
      this.runtime.applyFaults();
    }
    return this.snapshot();
  }

  /** Brings a down cluster back (everything clusterDown did is undone). */
  clusterUp(name: string): FaultSnapshot {
    this.knownCluster(name);
    if (this.state.setDown(name, false)) this.catchUp(name);
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

  /**
   * Makes a cluster's API (typically a hub's) slow and/or failing a fraction
   * of requests; with `resource` (a plural, e.g. `workerslicegateways`) only
   * requests for that resource — list, get, watch and writes. Faults of
   * several resources and one of the whole cluster coexist; setting one
   * again replaces it, and one with neither delay nor errors removes it.
   */
  apiFault(cluster: string, fault: ApiFault): FaultSnapshot {
    const vc = this.knownCluster(cluster);
    this.state.setApi(cluster, validApiFault(vc, fault));
    return this.snapshot();
  }

  /** Removes the API fault of one resource, or (without `resource`) every API fault of the cluster. */
  clearApiFault(
    cluster: string,
    options: { resource?: string } = {},
  ): FaultSnapshot {
    this.knownCluster(cluster);
    this.state.clearApi(cluster, options.resource || undefined);
    return this.snapshot();
  }

  /**
   * Ends every open watch on a cluster now, as an API server restart does.
   * The history is kept: clients resuming from their last resourceVersion
   * continue without a 410. A one-shot action: nothing to clear.
   */
  dropWatches(cluster: string): FaultSnapshot {
    this.knownCluster(cluster);
    this.closeWatches(cluster);
    return this.snapshot();
  }

  /**
   * Compacts a cluster's watch history now and ends its open watches: a
   * watch resuming from any older resourceVersion gets an ERROR event with a
   * 410 Expired Status, and so do list pages continuing a list from before
   * (and `resourceVersionMatch=Exact` lists of an older version), so clients
   * must re-list. A one-shot action: nothing to clear.
   */
  compact(cluster: string): FaultSnapshot {
    this.knownCluster(cluster).store.compact();
    this.closeWatches(cluster);
    return this.snapshot();
  }

  /**
   * Stops a worker's operator: its API stays up and accepts writes, but no
   * status is derived or refreshed there (tunnel status, Slice, ServiceExport
   * and ServiceImport status freeze) and nothing reaches the hub (cluster
   * heartbeat, slice health, ServiceExportConfigs, onboarded namespaces).
   */
  operatorDown(cluster: string): FaultSnapshot {
    this.knownCluster(cluster, true);
    this.state.setOperatorDown(cluster, true);
    return this.snapshot();
  }

  /** Restarts a worker's operator: it reconciles whatever was written meanwhile. */
  operatorUp(cluster: string): FaultSnapshot {
    this.knownCluster(cluster, true);
    if (this.state.setOperatorDown(cluster, false)) this.catchUp(cluster);
    return this.snapshot();
  }

  /**
   * Cuts a worker off from the hub (both APIs stay up for everyone else):
   * it stops posting to the hub (cluster heartbeat, slice health, onboarded
   * namespaces, ServiceExportConfigs) and stops acting on hub objects; what
   * it does locally goes on (tunnel status, pods start).
   */
  partition(cluster: string): FaultSnapshot {
    this.knownCluster(cluster, true);
    this.state.setPartitioned(cluster, true);
    return this.snapshot();
  }

  /** Reconnects a partitioned worker to the hub: it catches up. */
  heal(cluster: string): FaultSnapshot {
    this.knownCluster(cluster, true);
    if (this.state.setPartitioned(cluster, false)) this.catchUp(cluster);
    return this.snapshot();
  }

  /** Clears every fault and restores the fleet (workers that were out catch up). */
  reset(): FaultSnapshot {
    const lagging = this.state.lagging();
    this.state.clear();
    this.runtime.applyFaults();
    lagging.forEach(name => this.runtime.clusterCameUp(name));
    return this.snapshot();
  }

  snapshot(): FaultSnapshot {
    return this.state.snapshot();
  }

  /**
   * A fault of a worker is gone: the fleet is brought in line, and a worker
   * that is fully back reconciles what it missed (one still out, e.g. up
   * but partitioned, waits for its last fault to go).
   */
  private catchUp(cluster: string): void {
    this.runtime.applyFaults();
    if (this.state.operatorSyncs(cluster)) this.runtime.clusterCameUp(cluster);
  }

  private checkLink(a: string, b: string): void {
    this.knownCluster(a, true);
    this.knownCluster(b, true);
    if (a === b)
      throw ApiError.badRequest('a link joins two different clusters');
  }
}
