import type {
  LatencyMatrixResponse,
  LatencySeriesResponse,
  SliceDetail,
  SliceEvent,
  SliceTopology,
} from '@slice-portal/plugin-slice-common';

const now = Date.now();
const iso = (msAgo: number) => new Date(now - msAgo).toISOString();

export const sliceRef = { hub: 'demo', project: 'arcade', name: 'pacman' };

const warnEdge = {
  state: 'warning' as const,
  reasons: ['tunnel aws-east ↔ edge-nyc DEGRADED'],
};

export const sliceDetail: SliceDetail = {
  hub: 'demo',
  project: 'arcade',
  name: 'pacman',
  mode: 'single-network',
  subnet: '10.1.0.0/16',
  maxClusters: 16,
  isolationEnabled: true,
  namespaces: ['pacman', 'mongodb'],
  allowedNamespaces: ['monitoring'],
  members: [
    {
      cluster: 'aws-east',
      subnet: '10.1.1.0/24',
      onboardedNamespaces: ['pacman', 'mongodb'],
      health: { state: 'ok', reasons: [] },
    },
    {
      cluster: 'gcp-west',
      subnet: '10.1.2.0/24',
      onboardedNamespaces: ['pacman'],
      health: { state: 'ok', reasons: [] },
    },
    {
      cluster: 'edge-nyc',
      subnet: '10.1.3.0/24',
      onboardedNamespaces: ['pacman'],
      health: warnEdge,
    },
  ],
  health: warnEdge,
  qos: {
    profile: 'gold',
    queueType: 'HTB',
    priority: 1,
    tcType: 'BANDWIDTH_CONTROL',
    bandwidthCeilingKbps: 20000,
    bandwidthGuaranteedKbps: 5000,
    dscpClass: 'AF11',
  },
  tunnels: [
    {
      a: 'aws-east',
      b: 'edge-nyc',
      server: 'aws-east',
      state: 'DEGRADED',
      latencyMs: 48,
      packetLossPercent: 3,
      health: warnEdge,
      pods: [
        {
          cluster: 'aws-east',
          gateway: 'pacman-aws-east-edge-nyc',
          pod: 'pacman-aws-east-edge-nyc-0',
          peerPod: 'pacman-edge-nyc-aws-east-0',
          state: 'UP',
          latencyMs: 47,
          packetLossPercent: 0,
        },
        {
          cluster: 'edge-nyc',
          gateway: 'pacman-edge-nyc-aws-east',
          pod: 'pacman-edge-nyc-aws-east-1',
          state: 'DOWN',
          latencyMs: 49,
          packetLossPercent: 3,
        },
      ],
    },
    {
      a: 'aws-east',
      b: 'gcp-west',
      server: 'aws-east',
      state: 'UP',
      latencyMs: 62,
      packetLossPercent: 0,
      health: { state: 'ok', reasons: [] },
      pods: [],
    },
    {
      a: 'edge-nyc',
      b: 'gcp-west',
      server: 'gcp-west',
      state: 'UP',
      latencyMs: 70,
      packetLossPercent: 0,
      health: { state: 'ok', reasons: [] },
      pods: [],
    },
  ],
  namespaceStates: [
    ...['aws-east', 'gcp-west', 'edge-nyc'].flatMap(cluster => [
      {
        namespace: 'pacman',
        cluster,
        role: 'application' as const,
        requested: true,
        onboarded: true,
        state: 'onboarded' as const,
      },
      {
        namespace: 'mongodb',
        cluster,
        role: 'application' as const,
        requested: true,
        onboarded: cluster === 'aws-east',
        state:
          cluster === 'aws-east'
            ? ('onboarded' as const)
            : ('pending' as const),
      },
    ]),
  ],
  services: [
    {
      name: 'mongo',
      namespace: 'mongodb',
      dnsName: 'mongo.mongodb.svc.slice.local',
      aliases: ['mongo.arcade.example'],
      exportedFrom: ['aws-east'],
      exports: [
        { cluster: 'aws-east', status: 'READY', availableEndpoints: 1 },
      ],
      imports: [
        {
          cluster: 'aws-east',
          status: 'READY',
          endpoints: 1,
          sourceClusters: ['aws-east'],
        },
        {
          cluster: 'gcp-west',
          status: 'READY',
          endpoints: 1,
          sourceClusters: ['aws-east'],
        },
        {
          cluster: 'edge-nyc',
          status: 'MISSING',
          endpoints: 0,
          sourceClusters: [],
        },
      ],
      endpoints: [
        {
          cluster: 'aws-east',
          pod: 'mongo-0',
          ip: '10.1.1.5',
          dnsName: 'mongo-0.aws-east.mongo.mongodb.svc.slice.local',
          port: 27017,
        },
      ],
      health: {
        state: 'warning',
        reasons: ['import of mongo.mongodb on edge-nyc MISSING'],
      },
    },
  ],
  events: [],
  sliceConfig: {
    apiVersion: 'controller.kubeslice.io/v1alpha1',
    kind: 'SliceConfig',
    metadata: { name: 'pacman', namespace: 'kubeslice-arcade' },
    spec: {
      sliceSubnet: '10.1.0.0/16',
      clusters: ['aws-east', 'gcp-west', 'edge-nyc'],
    },
  },
  errors: [],
};

export const topology: SliceTopology = {
  nodes: [
    ...sliceDetail.members.map(m => ({
      id: `cluster:${m.cluster}`,
      kind: 'cluster' as const,
      label: m.cluster,
      health: m.health,
    })),
    {
      id: 'namespace:aws-east/mongodb',
      kind: 'namespace',
      label: 'mongodb',
      parent: 'cluster:aws-east',
      health: { state: 'ok', reasons: [] },
    },
    {
      id: 'service:aws-east/mongodb/mongo',
      kind: 'service',
      label: 'mongo.mongodb',
      parent: 'namespace:aws-east/mongodb',
      health: { state: 'ok', reasons: [] },
    },
  ],
  edges: sliceDetail.tunnels.map(t => ({
    id: `tunnel:${t.a}|${t.b}`,
    source: `cluster:${t.a}`,
    target: `cluster:${t.b}`,
    kind: 'tunnel' as const,
    state: t.state,
    label: `${t.latencyMs} ms`,
    latencyMs: t.latencyMs,
    packetLossPercent: t.packetLossPercent,
  })),
};

export const events: SliceEvent[] = [
  {
    hub: 'demo',
    project: 'arcade',
    slice: 'pacman',
    cluster: 'edge-nyc',
    title: 'SliceGWPodReconcileFailed',
    type: 'Warning',
    reason: 'SliceGWPodReconcileFailed',
    message: 'gateway pod restarted',
    count: 3,
    time: iso(60_000),
  },
  {
    hub: 'demo',
    project: 'arcade',
    slice: 'pacman',
    cluster: 'aws-east',
    title: 'SliceCreated',
    type: 'Normal',
    message: 'slice created',
    count: 1,
    time: iso(3_600_000),
  },
];

function point(t: number, latencyMs: number | null, down = 0) {
  return {
    t: new Date(t).toISOString(),
    latencyMs,
    latencyMaxMs: latencyMs,
    packetLossPercent: 0,
    packetLossMaxPercent: 0,
    txRateKbps: null,
    rxRateKbps: null,
    samples: 2,
    downSamples: down,
  };
}

export function latencySeries(from: string, to: string): LatencySeriesResponse {
  const start = Date.parse(from);
  const step = 60;
  const pts = (base: number) =>
    Array.from({ length: 10 }, (_, i) =>
      point(
        start + i * step * 1000,
        i === 5 ? null : base + i,
        i === 5 ? 2 : 0,
      ),
    );
  return {
    ...{ hub: 'demo', project: 'arcade', slice: 'pacman' },
    from,
    to,
    stepSeconds: step,
    resolution: 'raw',
    series: [
      { clusters: ['aws-east', 'edge-nyc'], points: pts(45) },
      { clusters: ['aws-east', 'gcp-west'], points: pts(60) },
      { clusters: ['edge-nyc', 'gcp-west'], points: pts(70) },
    ],
  };
}

function stats(v: number | null) {
  return { p50: v, p95: v === null ? null : v + 5, max: v, mean: v };
}

export const matrix: LatencyMatrixResponse = {
  hub: 'demo',
  project: 'arcade',
  slice: 'pacman',
  from: iso(3_600_000),
  to: iso(0),
  windowSeconds: 3600,
  resolution: 'raw',
  approximate: false,
  clusters: ['aws-east', 'edge-nyc', 'gcp-west'],
  cells: [
    {
      clusters: ['aws-east', 'edge-nyc'],
      latest: {
        at: iso(0),
        latencyMs: 48,
        packetLossPercent: 3,
        pods: 2,
        downPods: 1,
      },
      latencyMs: stats(48),
      packetLossPercent: stats(3),
      samples: 20,
      downSamples: 2,
    },
    {
      clusters: ['aws-east', 'gcp-west'],
      latest: {
        at: iso(0),
        latencyMs: 62,
        packetLossPercent: 0,
        pods: 2,
        downPods: 0,
      },
      latencyMs: stats(62),
      packetLossPercent: stats(0),
      samples: 20,
      downSamples: 0,
    },
    {
      clusters: ['edge-nyc', 'gcp-west'],
      latest: null,
      latencyMs: stats(null),
      packetLossPercent: stats(null),
      samples: 4,
      downSamples: 4,
    },
  ],
  worstPairs: [],
};
matrix.worstPairs = [matrix.cells[2], matrix.cells[1], matrix.cells[0]];
