/** The slice page's Latency tab: window, chart, matrix and worst pairs. */
export const latencyMessages = {
  windowAria: 'time window',
  windows: {
    auto: 'Fit',
    '15m': '15 min',
    '1h': '1 h',
    '6h': '6 h',
    '24h': '24 h',
    '7d': '7 d',
  },
  noTunnels: {
    title: 'No tunnels to measure',
    description:
      'Latency is measured between the gateways of two member clusters; add a second cluster to the slice.',
  },
  chart: {
    title: 'Round-trip latency per cluster pair',
    subheader:
      'Gateway to gateway, mean per step; red ticks mark steps with the tunnel DOWN',
    what: 'latency history',
    aria: 'Latency over time',
    emptyTitle: 'No latency samples in this window',
    emptyDescription:
      'The backend samples gateway status periodically; widen the window, or check that the portal can read the workers (their tunnels show UNKNOWN otherwise).',
    fitted: 'Fitted to the samples since {{since}} (last hour)',
    raw: 'Every sample as recorded',
    rollups: 'Older steps come from rollups',
    step: 'step {{seconds}} s',
    toggleHint: 'click a pair to show or hide it',
  },
  matrix: {
    title: 'Cluster × cluster',
    subheader: 'Click a cell to add its pair to the chart',
    what: 'latency matrix',
    aria: 'Latency matrix of {{n}} clusters',
    statisticAria: 'matrix statistic',
    latest: 'latest',
    empty: 'No samples in this window yet.',
    approximate: 'Approximate: part of the window comes from rollups.',
  },
  worst: {
    title: 'Worst pairs',
    subheader: 'By p95 latency, then loss',
    empty: 'No samples yet.',
    pair: 'Pair',
    latest: 'Latest',
    lossP95: 'Loss p95',
    downSamples: 'DOWN samples',
  },
} as const;
