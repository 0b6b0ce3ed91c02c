import type {
  SliceGatewayObject,
  TunnelStatusFields,
  WorkerSliceGatewayObject,
} from '../kube/objects';
import { buildTunnels, podTunnelState } from './tunnels';

function gateway(
  slice: string,
  local: string,
  remote: string,
  pods: (TunnelStatusFields | undefined)[],
): SliceGatewayObject {
  return {
    metadata: {
      name: `${slice}-${local}-${remote}`,
      namespace: 'kubeslice-system',
    },
    spec: { sliceName: slice },
    status: {
      config: { sliceName: slice, sliceGatewayRemoteClusterId: remote },
      gatewayPodStatus: pods.map((tunnelStatus, i) => ({
        podName: `${slice}-${local}-${remote}-${i}`,
        tunnelStatus,
      })),
    },
  };
}

function workerGateway(
  slice: string,
  local: string,
  remote: string,
): WorkerSliceGatewayObject {
  return {
    metadata: {
      name: `${slice}-${local}-${remote}`,
      namespace: 'kubeslice-arcade',
      labels: {
        'worker-cluster': local,
        'remote-cluster': remote,
        'original-slice-name': slice,
      },
    },
    spec: {
      sliceName: slice,
      localGatewayConfig: { clusterName: local },
      remoteGatewayConfig: { clusterName: remote },
    },
  };
}

const up = (Latency: number, PacketLoss = 0): TunnelStatusFields => ({
  Latency,
  PacketLoss,
  TunnelState: 'UP',
});

describe('podTunnelState', () => {
  it.each<[TunnelStatusFields | undefined, string]>([
    [{ TunnelState: 'UP', Status: 1 }, 'UP'], // TunnelState wins over Status
    [{ TunnelState: 'DOWN' }, 'DOWN'],
    [{ Latency: 12 }, 'UP'], // Status omitted = 0 = UP (omitempty)
    [{ Latency: 12, Status: 0 }, 'UP'],
    [{ Status: 1 }, 'DOWN'], // proto enum: 1 is DOWN, whatever the CRD description says
    [{ Status: 7 }, 'UNKNOWN'],
    [undefined, 'UNKNOWN'],
  ])('%j → %s', (status, expected) => {
    expect(podTunnelState(status)).toBe(expected);
  });
});

describe('buildTunnels', () => {
  const members = ['gcp-west', 'aws-east'];
  const hub = [
    workerGateway('pacman', 'gcp-west', 'aws-east'),
    workerGateway('pacman', 'aws-east', 'gcp-west'),
  ];

  it('pairs both directions of a gateway pair into one tunnel', () => {
    const [tunnel, ...rest] = buildTunnels({
      slice: 'pacman',
      members,
      workerGateways: hub,
      gatewaysByCluster: new Map([
        [
          'gcp-west',
          [gateway('pacman', 'gcp-west', 'aws-east', [up(38), up(40)])],
        ],
        [
          'aws-east',
          [gateway('pacman', 'aws-east', 'gcp-west', [up(39), up(41, 1)])],
        ],
      ]),
      readableClusters: new Set(members),
    });
    expect(rest).toEqual([]);
    expect(tunnel).toMatchObject({
      a: 'aws-east',
      b: 'gcp-west',
      server: 'gcp-west', // first in spec.clusters hosts the server gateway
      state: 'UP',
      latencyMs: 39.5,
      packetLossPercent: 1,
      health: { state: 'ok', reasons: [] },
    });
    expect(tunnel.pods.map(p => [p.cluster, p.gateway])).toEqual([
      ['aws-east', 'pacman-aws-east-gcp-west'],
      ['aws-east', 'pacman-aws-east-gcp-west'],
      ['gcp-west', 'pacman-gcp-west-aws-east'],
      ['gcp-west', 'pacman-gcp-west-aws-east'],
    ]);
  });

  it('is the same tunnel whichever side alone reports it', () => {
    const fromA = buildTunnels({
      slice: 'pacman',
      members,
      workerGateways: [],
      gatewaysByCluster: new Map([
        ['aws-east', [gateway('pacman', 'aws-east', 'gcp-west', [up(39)])]],
      ]),
      readableClusters: new Set(['aws-east']),
    });
    const fromB = buildTunnels({
      slice: 'pacman',
      members,
      workerGateways: [],
      gatewaysByCluster: new Map([
        ['gcp-west', [gateway('pacman', 'gcp-west', 'aws-east', [up(39)])]],
      ]),
      readableClusters: new Set(['gcp-west']),
    });
    expect(fromA.map(t => [t.a, t.b, t.state])).toEqual([
      ['aws-east', 'gcp-west', 'UP'],
    ]);
    expect(fromB.map(t => [t.a, t.b, t.state])).toEqual([
      ['aws-east', 'gcp-west', 'UP'],
    ]);
  });

  it('says a tunnel is DOWN on both gateway pods', () => {
    const [tunnel] = buildTunnels({
      slice: 'pacman',
      members,
      workerGateways: hub,
      gatewaysByCluster: new Map([
        [
          'aws-east',
          [
            gateway('pacman', 'aws-east', 'gcp-west', [
              { TunnelState: 'DOWN' },
              { Status: 1 },
            ]),
          ],
        ],
      ]),
      readableClusters: new Set(['aws-east']),
    });
    expect(tunnel.state).toBe('DOWN');
    expect(tunnel.latencyMs).toBeUndefined();
    expect(tunnel.health).toEqual({
      state: 'error',
      reasons: ['tunnel aws-east↔gcp-west DOWN on both gateway pods'],
    });
  });

  it('is DEGRADED when some pods are down, with how many', () => {
    const [tunnel] = buildTunnels({
      slice: 'pacman',
      members,
      workerGateways: hub,
      gatewaysByCluster: new Map([
        [
          'aws-east',
          [
            gateway('pacman', 'aws-east', 'gcp-west', [
              up(30),
              { TunnelState: 'DOWN' },
            ]),
          ],
        ],
        [
          'gcp-west',
          [gateway('pacman', 'gcp-west', 'aws-east', [up(30), up(31)])],
        ],
      ]),
      readableClusters: new Set(members),
    });
    expect(tunnel.state).toBe('DEGRADED');
    expect(tunnel.health).toEqual({
      state: 'warning',
      reasons: ['tunnel aws-east↔gcp-west DOWN on 1 of 4 gateway pods'],
    });
  });

  it('warns about heavy packet loss on an UP tunnel', () => {
    const [tunnel] = buildTunnels({
      slice: 'pacman',
      members,
      workerGateways: hub,
      gatewaysByCluster: new Map([
        [
          'aws-east',
          [gateway('pacman', 'aws-east', 'gcp-west', [up(30, 12), up(30, 2)])],
        ],
      ]),
      readableClusters: new Set(['aws-east']),
    });
    expect(tunnel.health).toEqual({
      state: 'warning',
      reasons: ['tunnel aws-east↔gcp-west losing 12% of packets'],
    });
  });

  it('lists expected pairs as UNKNOWN when no worker reports them, and ignores other slices', () => {
    const tunnels = buildTunnels({
      slice: 'pacman',
      members,
      workerGateways: hub,
      gatewaysByCluster: new Map([
        ['aws-east', [gateway('other', 'aws-east', 'gcp-west', [up(1)])]],
      ]),
      readableClusters: new Set(),
    });
    expect(tunnels.map(t => [t.a, t.b, t.state, t.pods.length])).toEqual([
      ['aws-east', 'gcp-west', 'UNKNOWN', 0],
    ]);
  });
});
