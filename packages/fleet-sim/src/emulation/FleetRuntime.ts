import type { ResourceType } from '../api/resources';
import type { KubeObject } from '../api/types';
import { eventSchema } from '../events/catalogue';
import type { FaultState } from '../faults/FaultState';
import { makeEvent, type EventInput } from '../scenario/events';
import { sampleTunnel, type Site } from '../scenario/geo';
import { WORKER_NAMESPACE } from '../scenario/plan';
import { seededRandom } from '../scenario/random';
import { k8sTime } from '../scenario/time';
import { reconcileAllImports } from './importEndpoints';
import type { VirtualCluster } from '../server/VirtualCluster';

/**
 * The running fleet: the hub, the workers and the fault state, plus the
 * worker-operator behaviour that depends on reachability — tunnel status,
 * slice health, the cluster heartbeat and service import endpoints
 * (importEndpoints.ts). It works from the objects in
 * the stores (not from the scenario plan), so slices created through the API
 * behave like the seeded ones.
 */

const NETWORKING = 'networking.kubeslice.io';
const CONTROLLER = 'controller.kubeslice.io';
const WORKER = 'worker.kubeslice.io';

export interface RuntimeOptions {
  hub: VirtualCluster;
  workers: Map<string, VirtualCluster>;
  faults: FaultState;
  seed: number;
  /** Last-mile latency/loss of scenario sites (not in any CRD field). */
  siteExtras?: Map<string, Pick<Site, 'extraLatencyMs' | 'packetLossPercent'>>;
  now?: () => Date;
}

type TunnelStatus = Record<string, unknown> & { TunnelState?: string };

/** The values the worker writes for a tunnel whose peer is unreachable: no RTT, all pings lost. */
function downTunnel(current: TunnelStatus): TunnelStatus {
  return {
    ...current,
    Latency: 0,
    PacketLoss: 100,
    TxRate: 0,
    RxRate: 0,
    // GW_TUNNEL_STATE_DOWN = 1; UP = 0 is omitted (omitempty), see REFERENCE §4.2.
    Status: 1,
    TunnelState: 'DOWN',
  };
}

/** `gateway-tunnel` health: Normal if all tunnels are UP, Warning if some, Error if none. */
export function tunnelHealth(up: number, total: number): string {
  if (up === total) return 'Normal';
  return up > 0 ? 'Warning' : 'Error';
}

export class FleetRuntime {
  readonly hub: VirtualCluster;
  readonly workers: Map<string, VirtualCluster>;
  readonly faults: FaultState;
  readonly seed: number;
  private readonly siteExtras: Map<
    string,
    Pick<Site, 'extraLatencyMs' | 'packetLossPercent'>
  >;
  /** The fleet's clock (the scenario loader runs it in the past, then it follows real time). */
  readonly now: () => Date;
  /** Gateways the simulator itself took down (a DOWN written by a client is left alone). */
  private readonly simDowned = new Set<string>();
  private eventSeq = 0;
  /** Called when a down cluster is back (the worker emulation catches up on what it missed). */
  readonly onClusterUp: Array<(cluster: string) => void> = [];
  private tick = 0;

  constructor(options: RuntimeOptions) {
    this.hub = options.hub;
    this.workers = options.workers;
    this.faults = options.faults;
    this.seed = options.seed;
    this.siteExtras = options.siteExtras ?? new Map();
    this.now = options.now ?? (() => new Date());
  }

  hubType(plural: string, group = CONTROLLER): ResourceType {
    return this.hub.resourceType(plural, group);
  }

  /** Hub `Cluster` objects by name (a worker registers with one project); shared, do not modify. */
  clusterObjects(): Map<string, KubeObject> {
    const out = new Map<string, KubeObject>();
    for (const c of this.hub.store.listShared(this.hubType('clusters')))
      out.set(c.metadata.name!, c);
    return out;
  }

  projectNamespaceOf(cluster: string): string | undefined {
    return this.hub.store
      .listShared(this.hubType('clusters'))
      .find(c => c.metadata.name === cluster)?.metadata.namespace;
  }

  /** Where a cluster is, from its `Cluster.spec.clusterProperty.geoLocation`. */
  siteOf(cluster: string, clusters = this.clusterObjects()): Site {
    const geo = clusters.get(cluster)?.spec?.clusterProperty?.geoLocation ?? {};
    const num = (v: unknown) => {
      const n = Number(v);
      return Number.isFinite(n) ? n : 0;
    };
    return {
      latitude: num(geo.latitude),
      longitude: num(geo.longitude),
      ...this.siteExtras.get(cluster),
    };
  }

  /** Records a catalogued KubeSlice event as a core/v1 Event on a cluster. */
  recordEvent(
    cluster: VirtualCluster,
    name: string,
    input: Omit<EventInput, 'schema' | 'time' | 'seq'>,
    source?: 'controller' | 'workerOperator',
  ): KubeObject {
    const ev = makeEvent({
      ...input,
      schema: eventSchema(name, source),
      time: this.now(),
      seq: ++this.eventSeq,
    });
    return cluster.store.create(cluster.resourceType('events'), ev);
  }

  workerEvent(
    worker: VirtualCluster,
    name: string,
    involved: EventInput['involved'],
    sliceName?: string,
  ): void {
    this.recordEvent(worker, name, {
      namespace: WORKER_NAMESPACE,
      involved,
      sliceName,
      sliceCluster: worker.name,
      sliceProject: this.projectNamespaceOf(worker.name) ?? '',
      sliceNamespace: WORKER_NAMESPACE,
    });
  }

  /**
   * Brings every SliceGateway's `gatewayPodStatus[].tunnelStatus` in line with
   * the faults. With `resample`, tunnels that stay up get a fresh sample (a
   * reconcile round); otherwise only transitions are written.
   */
  reconcileTunnels(resample = false): void {
    if (resample) this.tick++;
    const clusters = this.clusterObjects();
    for (const [name, worker] of this.workers) {
      if (this.tunnelStatusFrozen(name)) continue;
      const rt = worker.resourceType('slicegateways', NETWORKING);
      for (const gw of worker.store.list(rt, WORKER_NAMESPACE)) {
        this.reconcileGateway(worker, name, rt, gw, clusters, resample);
      }
    }
  }

  /** Brings one SliceGateway's tunnels in line with the faults (a new gateway's first sample). */
  reconcileGatewayNamed(local: string, name: string): void {
    const worker = this.workers.get(local);
    if (!worker || this.tunnelStatusFrozen(local)) return;
    const rt = worker.resourceType('slicegateways', NETWORKING);
    const gw = worker.store.get(rt, WORKER_NAMESPACE, name);
    if (gw)
      this.reconcileGateway(
        worker,
        local,
        rt,
        gw,
        this.clusterObjects(),
        false,
      );
  }

  /**
   * The worker operator writes tunnel status from its gateways' reports; a
   * stopped one writes none (it goes on while only the hub is unreachable).
   * A down cluster's own side is still shown DOWN, as its peers see it.
   */
  private tunnelStatusFrozen(cluster: string): boolean {
    return this.faults.isOperatorDown(cluster) && !this.faults.isDown(cluster);
  }

  /** Forgets a deleted gateway's fault bookkeeping. */
  forgetGateway(local: string, name: string): void {
    this.simDowned.delete(`${local}/${name}`);
  }

  private reconcileGateway(
    worker: VirtualCluster,
    local: string,
    rt: ResourceType,
    gw: KubeObject,
    clusters: Map<string, KubeObject>,
    resample: boolean,
  ): void {
    const remote: string = gw.status?.config?.sliceGatewayRemoteClusterId;
    const entries: Array<{ tunnelStatus?: TunnelStatus }> =
      gw.status?.gatewayPodStatus ?? [];
    if (!remote || entries.length === 0) return;
    const key = `${local}/${gw.metadata.name}`;
    const up = this.faults.tunnelUp(local, remote);
    const wasSimDown = this.simDowned.has(key);
    let transition: 'down' | 'up' | undefined;
    if (!up && !wasSimDown) transition = 'down';
    if (up && wasSimDown) transition = 'up';
    if (up && !transition && !resample) return;
    if (!up && !transition) return;

    const link = this.faults.link(local, remote);
    const rng = seededRandom(this.seed, 'tunnel', gw.metadata.name!, this.tick);
    const a = this.siteOf(local, clusters);
    const b = this.siteOf(remote, clusters);
    worker.store.mutate(rt, WORKER_NAMESPACE, gw.metadata.name!, obj => {
      for (const entry of obj.status?.gatewayPodStatus ?? []) {
        const ts: TunnelStatus = entry.tunnelStatus ?? {};
        if (!up) {
          entry.tunnelStatus = downTunnel(ts);
          continue;
        }
        // A DOWN a client wrote itself stays until the client changes it.
        if (ts.TunnelState !== 'UP' && transition !== 'up') continue;
        const s = sampleTunnel(a, b, rng);
        const { Status: _omitWhenUp, ...rest } = ts;
        entry.tunnelStatus = {
          ...rest,
          Latency: s.Latency + Math.round(link?.latencyMs ?? 0),
          PacketLoss: Math.min(
            100,
            s.PacketLoss + Math.round(link?.packetLossPercent ?? 0),
          ),
          TxRate: s.TxRate,
          RxRate: s.RxRate,
          TunnelState: 'UP',
        };
      }
    });
    if (transition === 'down') this.simDowned.add(key);
    if (transition === 'up') this.simDowned.delete(key);
    // A worker that is down itself records nothing (it is not running).
    if (transition && !this.faults.isDown(local)) {
      this.workerEvent(
        worker,
        transition === 'down' ? 'SliceGWRemotePodSyncFailed' : 'SliceGWUpdated',
        {
          apiVersion: `${NETWORKING}/v1beta1`,
          kind: 'SliceGateway',
          name: gw.metadata.name!,
          namespace: WORKER_NAMESPACE,
        },
        gw.spec?.sliceName,
      );
    }
  }

  /**
   * Slice health as the worker computes it from its gateways:
   * `gateway-tunnel` is Normal when all tunnels are UP, Warning when some
   * are, Error when none are; any non-Normal component makes the slice
   * Warning. Workers that are down, operator-down or partitioned cannot
   * post, so their WorkerSliceConfigs go stale.
   */
  reconcileSliceHealth(touch = false): void {
    this.sliceHealthRound({ touch });
  }

  /** One slice health round; `touch` refreshes `lastUpdated` even if nothing changed; `cluster` limits it to one worker. */
  private sliceHealthRound(options: { touch: boolean; cluster?: string }) {
    const { touch } = options;
    const wscType = this.hubType('workersliceconfigs', WORKER);
    const stamp = k8sTime(this.now());
    for (const wsc of this.hub.store.list(wscType)) {
      const cluster = wsc.metadata.labels?.['worker-cluster'];
      if (options.cluster !== undefined && cluster !== options.cluster)
        continue;
      const worker = cluster ? this.workers.get(cluster) : undefined;
      if (!worker || !this.faults.operatorSyncs(cluster!)) continue;
      const slice = wsc.spec?.sliceName;
      const gwType = worker.resourceType('slicegateways', NETWORKING);
      const tunnels = worker.store
        .list(gwType, WORKER_NAMESPACE)
        .filter(g => g.spec?.sliceName === slice)
        .flatMap(g => g.status?.gatewayPodStatus ?? [])
        .map((e: any) => e?.tunnelStatus?.TunnelState === 'UP');
      let changed = false;
      const updated = this.hub.store.mutate(
        wscType,
        wsc.metadata.namespace,
        wsc.metadata.name!,
        obj => {
          const health = obj.status?.sliceHealth;
          if (!health) return;
          const components: Array<{
            component: string;
            componentHealthStatus: string;
          }> = health.componentStatuses ?? [];
          const tunnel = components.find(c => c.component === 'gateway-tunnel');
          if (tunnel && tunnels.length) {
            const upCount = tunnels.filter(Boolean).length;
            tunnel.componentHealthStatus = tunnelHealth(
              upCount,
              tunnels.length,
            );
          }
          const status = components.some(
            c => c.componentHealthStatus !== 'Normal',
          )
            ? 'Warning'
            : 'Normal';
          changed =
            JSON.stringify(components) !==
              JSON.stringify(wsc.status?.sliceHealth?.componentStatuses) ||
            status !== health.sliceHealthStatus;
          health.sliceHealthStatus = status;
          if (touch || changed) health.lastUpdated = stamp;
        },
      );
      if (changed && updated) {
        this.workerEvent(
          worker,
          'WorkerSliceHealthUpdated',
          {
            apiVersion: `${WORKER}/v1alpha1`,
            kind: 'WorkerSliceConfig',
            name: wsc.metadata.name!,
            namespace: wsc.metadata.namespace,
          },
          slice,
        );
      }
    }
  }

  /**
   * Refreshes `Cluster.status.clusterHealth.lastUpdated` (the heartbeat) of
   * every cluster (or just `cluster`) whose worker operator runs and reaches the hub.
   */
  touchClusterHealth(options: { cluster?: string } = {}): void {
    const rt = this.hubType('clusters');
    const stamp = k8sTime(this.now());
    for (const c of this.hub.store.list(rt)) {
      const name = c.metadata.name!;
      if (options.cluster !== undefined && name !== options.cluster) continue;
      if (!this.workers.has(name) || !this.faults.operatorSyncs(name)) continue;
      this.hub.store.mutate(rt, c.metadata.namespace, c.metadata.name!, o => {
        if (o.status?.clusterHealth) o.status.clusterHealth.lastUpdated = stamp;
      });
    }
  }

  /**
   * A worker is back to normal (up, operator running, hub reachable): it
   * posts its cluster and slice health at once, and the emulation
   * reconciles whatever it missed.
   */
  clusterCameUp(cluster: string): void {
    this.touchClusterHealth({ cluster });
    this.sliceHealthRound({ touch: true, cluster });
    this.onClusterUp.forEach(fn => fn(cluster));
  }

  /** Applies the current faults to every object they affect (after a fault changes). */
  applyFaults(): void {
    // Resample: a degraded link must show its extra latency right away.
    this.reconcileTunnels(true);
    this.reconcileSliceHealth(false);
    reconcileAllImports(this);
  }

  /** One worker reconcile round: fresh health timestamps and tunnel samples. */
  refresh(): void {
    this.touchClusterHealth();
    this.reconcileTunnels(true);
    this.reconcileSliceHealth(true);
    reconcileAllImports(this);
  }
}
