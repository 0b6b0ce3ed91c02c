import type {
  SliceGatewayObject,
  TunnelStatusFields,
  WorkerSliceGatewayObject,
} from '../kube/objects';
import { LABEL_REMOTE_CLUSTER, LABEL_WORKER_CLUSTER } from '../kube/objects';
import { health, healthOk, type Health } from '../health/health';
import type { GatewayPodTunnel, Tunnel, TunnelPairState } from './types';

/**
 * A tunnel pod's state. `TunnelState` (worker ≥ 1.4.0) wins; otherwise the proto enum
 * `Status` is 0 for UP and omitted when 0, so an absent `Status` on a reported tunnel is UP.
 * No `tunnelStatus` at all means the sidecar was not reached: UNKNOWN.
 */
export function podTunnelState(
  status: TunnelStatusFields | undefined,
): GatewayPodTunnel['state'] {
  if (!status) return 'UNKNOWN';
  const state = status.TunnelState?.toUpperCase();
  if (state === 'UP' || state === 'DOWN' || state === 'UNKNOWN') return state;
  if (status.Status === undefined || status.Status === 0) return 'UP';
  if (status.Status === 1) return 'DOWN';
  return 'UNKNOWN';
}

const pairKey = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);

export interface TunnelInputs {
  slice: string;
  /** `SliceConfig.spec.clusters`, in order: the earlier member of a pair hosts the server gateway. */
  members: string[];
  /** The slice's WorkerSliceGateways on the hub: which pairs should exist. */
  workerGateways: WorkerSliceGatewayObject[];
  /** SliceGateways read from the workers, per cluster; a cluster missing here was not read. */
  gatewaysByCluster: Map<string, SliceGatewayObject[]>;
  /** Clusters whose workers are read (their SliceGateways are authoritative). */
  readableClusters: Set<string>;
}

function describePair(a: string, b: string) {
  return `tunnel ${a}↔${b}`;
}

function pairHealth(
  a: string,
  b: string,
  state: TunnelPairState,
  pods: GatewayPodTunnel[],
  loss?: number,
): Health {
  const down = pods.filter(p => p.state === 'DOWN').length;
  switch (state) {
    case 'DOWN':
      return health(
        'error',
        pods.length === 2 || pods.length === 4
          ? `${describePair(a, b)} DOWN on ${
              pods.length === 2 ? 'both' : 'all'
            } gateway pods`
          : `${describePair(a, b)} DOWN on all ${pods.length} gateway pods`,
      );
    case 'DEGRADED':
      return health(
        'warning',
        `${describePair(a, b)} DOWN on ${down} of ${pods.length} gateway pods`,
      );
    case 'UNKNOWN':
      return health(
        'unknown',
        `${describePair(a, b)}: no tunnel status reported`,
      );
    default:
      if (loss !== undefined && loss >= 5) {
        return health(
          'warning',
          `${describePair(a, b)} losing ${loss}% of packets`,
        );
      }
      return healthOk();
  }
}

function mean(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  return (
    Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10
  );
}

/**
 * Pairs the gateway pods of both directions of every member pair into one tunnel.
 * Latency between A and B can be read from `<slice>-A-B` on A or `<slice>-B-A` on B; both
 * are kept as pods of the same tunnel. A pair appears when the hub says it should exist
 * (WorkerSliceGateway) or when a worker reports it, so a pair with no report is UNKNOWN.
 */
export function buildTunnels(input: TunnelInputs): Tunnel[] {
  const memberIndex = new Map(input.members.map((m, i) => [m, i]));
  const pairs = new Map<
    string,
    { a: string; b: string; pods: GatewayPodTunnel[]; reportedBy: Set<string> }
  >();
  const ensure = (x: string, y: string) => {
    const key = pairKey(x, y);
    let pair = pairs.get(key);
    if (!pair) {
      const [a, b] = x < y ? [x, y] : [y, x];
      pair = { a, b, pods: [], reportedBy: new Set() };
      pairs.set(key, pair);
    }
    return pair;
  };

  for (const wsg of input.workerGateways) {
    const labels = wsg.metadata?.labels ?? {};
    const local =
      wsg.spec?.localGatewayConfig?.clusterName ?? labels[LABEL_WORKER_CLUSTER];
    const remote =
      wsg.spec?.remoteGatewayConfig?.clusterName ??
      labels[LABEL_REMOTE_CLUSTER];
    if (local && remote && memberIndex.has(local) && memberIndex.has(remote))
      ensure(local, remote);
  }

  for (const [cluster, gateways] of input.gatewaysByCluster) {
    for (const gw of gateways) {
      const slice = gw.spec?.sliceName ?? gw.status?.config?.sliceName;
      if (slice !== input.slice) continue;
      const remote = gw.status?.config?.sliceGatewayRemoteClusterId;
      if (!remote || remote === cluster) continue;
      const pair = ensure(cluster, remote);
      pair.reportedBy.add(cluster);
      for (const pod of gw.status?.gatewayPodStatus ?? []) {
        const t = pod.tunnelStatus;
        pair.pods.push({
          cluster,
          gateway: gw.metadata?.name ?? '',
          pod: pod.podName ?? '',
          peerPod: pod.peerPodName,
          state: podTunnelState(t),
          latencyMs: t?.Latency,
          packetLossPercent: t?.PacketLoss,
          txRateKbps: t?.TxRate,
          rxRateKbps: t?.RxRate,
        });
      }
    }
  }

  const tunnels: Tunnel[] = [];
  for (const pair of pairs.values()) {
    const { a, b, pods } = pair;
    let state: TunnelPairState;
    const known = pods.filter(p => p.state !== 'UNKNOWN');
    if (known.length === 0) state = 'UNKNOWN';
    else if (known.every(p => p.state === 'UP')) state = 'UP';
    else if (known.every(p => p.state === 'DOWN')) state = 'DOWN';
    else state = 'DEGRADED';
    const latencies = pods
      .filter(p => p.state === 'UP' && p.latencyMs !== undefined)
      .map(p => p.latencyMs!);
    const losses = pods
      .filter(p => p.packetLossPercent !== undefined)
      .map(p => p.packetLossPercent!);
    const loss = losses.length ? Math.max(...losses) : undefined;
    const ia = memberIndex.get(a) ?? Number.MAX_SAFE_INTEGER;
    const ib = memberIndex.get(b) ?? Number.MAX_SAFE_INTEGER;
    tunnels.push({
      a,
      b,
      server: ia <= ib ? a : b,
      state,
      latencyMs: mean(latencies),
      packetLossPercent: loss,
      pods: pods.sort(
        (x, y) =>
          x.cluster.localeCompare(y.cluster) || x.pod.localeCompare(y.pod),
      ),
      health: pairHealth(a, b, state, pods, loss),
    });
  }
  return tunnels.sort(
    (x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b),
  );
}
