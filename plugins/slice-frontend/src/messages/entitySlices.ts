/** An entity's Slices tab and its overview card. */
export const entitySlicesMessages = {
  none: '—',
  what: 'slices of this entity',
  cardTitle: 'Slices',
  notOnAny: 'Not on any slice you can see.',
  cardMeta: '{{members}} clusters · project {{project}}',
  cardEndpoints: 'endpoints on {{clusters}}',
  noCluster: 'no cluster',
  sliceTitle: 'Slice {{name}}',
  sliceSubheader: 'project {{project}} · hub {{hub}} · members {{members}}',
  notExported:
    '{{service}} is not exported on this slice. Create a ServiceExport for it in an onboarded namespace.',
  latencyTitle: 'Latency between the clusters holding endpoints',
  noTunnels: 'No tunnels reach the clusters holding endpoints.',
  latencyColumns: {
    tunnel: 'Tunnel',
    state: 'State',
    latency: 'Latency',
    loss: 'Loss',
  },
  tunnel: '{{a}} ↔ {{b}}',
  ms: '{{value}} ms',
  percent: '{{value}} %',
  failoverTitle: 'What remains if one cluster goes down',
  failoverColumns: {
    down: 'If this cluster goes down',
    endpoints: 'Endpoints left',
    servedFrom: 'Served from',
  },
  serviceDown: 'nothing: the service is down on the whole slice',
  badService: {
    title: '{{annotation}} is not <namespace>/<name>',
    message: "Got '{{value}}'.",
  },
  unmatched: {
    title: 'Not found or not visible to you: {{slices}}',
    message:
      "Check the {{annotation}} annotation, or ask the slice's project owners for access.",
  },
  failed: 'Slice {{name}} could not be read',
  empty: {
    title: 'Not on any slice you can see',
    description:
      'Name the slices in the {{annotation}} annotation, or export the service ({{serviceAnnotation}}: <namespace>/<name>) on a slice.',
  },
} as const;
