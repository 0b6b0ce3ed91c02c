import type { ResourceType } from '../api/resources';
import type { FleetPlan } from '../scenario/plan';
import { WORKER_NAMESPACE } from '../scenario/plan';
import { seededRandom } from '../scenario/random';
import { gatewayPodStatus } from '../scenario/worker';
import { k8sTime } from '../scenario/time';
import type { VirtualCluster } from '../server/VirtualCluster';

/**
 * The periodic part of the worker emulation: real workers re-post cluster and
 * slice health (with a fresh `lastUpdated`) and re-sample tunnel metrics every
 * reconcile. Without this, a portal would rightly flag the demo as stale.
 */
export class StatusTicker {
  private timer?: NodeJS.Timeout;
  private tick = 0;

  constructor(
    private readonly plan: FleetPlan,
    private readonly hub: VirtualCluster,
    private readonly workers: Map<string, VirtualCluster>,
    private readonly intervalMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  start(): void {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => this.refresh(), this.intervalMs);
    // Never keep a process alive just for this (tests, embedded use).
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One reconcile round; public so tests can drive it without waiting. */
  refresh(): void {
    this.tick++;
    const now = k8sTime(this.now());
    const clusters = this.hub.resourceType(
      'clusters',
      'controller.kubeslice.io',
    );
    const wscs = this.hub.resourceType(
      'workersliceconfigs',
      'worker.kubeslice.io',
    );
    for (const cluster of this.plan.clusters) {
      this.touch(
        this.hub,
        clusters,
        cluster.projectNamespace,
        cluster.spec.name,
        obj => {
          if (obj.status?.clusterHealth)
            obj.status.clusterHealth.lastUpdated = now;
        },
      );
    }
    for (const slice of this.plan.slices) {
      for (const member of slice.members) {
        this.touch(
          this.hub,
          wscs,
          slice.projectNamespace,
          `${slice.spec.name}-${member.cluster.spec.name}`,
          obj => {
            if (obj.status?.sliceHealth)
              obj.status.sliceHealth.lastUpdated = now;
          },
        );
      }
      for (const gw of slice.gateways) {
        const worker = this.workers.get(gw.local.cluster.spec.name);
        if (!worker) continue;
        const rt = worker.resourceType(
          'slicegateways',
          'networking.kubeslice.io',
        );
        const rng = seededRandom(this.plan.seed, 'tunnel', gw.name, this.tick);
        this.touch(worker, rt, WORKER_NAMESPACE, gw.name, obj => {
          const fresh = gatewayPodStatus(gw, rng) as Array<{
            tunnelStatus: Record<string, unknown>;
          }>;
          const current: any[] = obj.status?.gatewayPodStatus ?? [];
          // Only the metrics move; anything a client changed (e.g. a DOWN tunnel) is kept.
          current.forEach((entry, k) => {
            if (entry?.tunnelStatus?.TunnelState === 'UP' && fresh[k]) {
              const { Latency, PacketLoss, TxRate, RxRate } =
                fresh[k].tunnelStatus;
              Object.assign(entry.tunnelStatus, {
                Latency,
                PacketLoss,
                TxRate,
                RxRate,
              });
            }
          });
        });
      }
    }
  }

  private touch(
    cluster: VirtualCluster,
    rt: ResourceType,
    namespace: string,
    name: string,
    fn: Parameters<VirtualCluster['store']['mutate']>[3],
  ): void {
    // Objects a client deleted stay deleted: mutate() skips missing ones.
    cluster.store.mutate(rt, namespace, name, fn);
  }
}
