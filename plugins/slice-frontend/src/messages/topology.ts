/** The slice page's Topology tab: controls, legend, graph and the tunnel panel. */
export const topologyMessages = {
  /** What "Could not refresh the {{what}}" and the like name. */
  what: 'topology',
  legend:
    '○ cluster (ring = health) · ■ namespace · ◆ exported service · click a cluster to expand it, a tunnel for its gateway pods; Ctrl+wheel zooms, drag pans.',
  states: {
    UP: 'UP',
    DEGRADED: 'DEGRADED',
    DOWN: 'DOWN',
    UNKNOWN: 'UNKNOWN',
  },
  noMembers: {
    title: 'This slice has no member clusters',
    description:
      'Add registered clusters to spec.clusters of the SliceConfig; they appear here with the tunnels between them.',
  },
  expandAll: 'Expand all',
  collapseAll: 'Collapse all',
  focus: 'Only tunnels of',
  allClusters: 'all clusters',
  allLabels: 'Latency labels on every tunnel',
  noTunnels: {
    title: 'No tunnels',
    description: 'A slice needs at least two members for tunnels to exist.',
  },
  graph: {
    zoomIn: 'zoom in',
    zoomOut: 'zoom out',
    resetZoom: 'reset zoom',
    reset: 'reset',
    aria: 'Topology of {{clusters}} clusters and {{tunnels}} tunnels',
    edgeTitle: '{{a}} ↔ {{b}}: {{state}}',
  },
  tunnel: {
    title: '{{a}} ↔ {{b}}',
    server: 'server gateway on {{cluster}}',
    unknownServer: 'unknown',
    ms: '{{value}} ms',
    loss: '{{value}} % loss',
    percent: '{{value}} %',
    columns: {
      cluster: 'Cluster',
      gateway: 'Gateway pod',
      peer: 'Peer pod',
      state: 'State',
      latency: 'Latency',
      loss: 'Loss',
      rates: 'Tx / Rx kbit/s',
    },
    noPods:
      'No gateway pod reported this tunnel. The workers of {{a}} and {{b}} may not be readable by the portal.',
  },
} as const;
