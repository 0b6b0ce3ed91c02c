/**
 * Component schemas of the fleet read routes (`/v1/fleet`, clusters, slices, tunnels,
 * events). They describe every field of the shapes in `fleet/types.ts`;
 * `typeChecks.ts` fails to compile when the two disagree.
 */
import {
  arrayOf,
  boolean,
  closed,
  closedOptional,
  dateTime,
  integer,
  number,
  ref,
  string,
  strings,
} from './helpers';

const health = ref('Health');

const clusterSummaryProperties = {
  hub: string,
  project: string,
  name: string,
  geo: ref('GeoLocation'),
  registrationStatus: string,
  networkPresent: boolean,
  nodeIPs: strings,
  cniSubnets: strings,
  slices: { ...strings, description: 'Slices this cluster is a member of' },
  health,
  lastUpdated: {
    ...dateTime,
    description: 'When the worker last reported cluster health',
  },
} as const;
const clusterSummaryOptional = ['registrationStatus', 'lastUpdated'] as const;

const sliceSummaryProperties = {
  hub: string,
  project: string,
  name: string,
  mode: {
    ...string,
    description: 'single-network, multi-network or no-network',
  },
  subnet: string,
  maxClusters: integer,
  isolationEnabled: boolean,
  namespaces: {
    ...strings,
    description: 'Application namespaces requested on the slice',
  },
  members: arrayOf(ref('SliceMember')),
  health,
} as const;
const sliceSummaryOptional = ['subnet', 'maxClusters'] as const;

const listOf = <const N extends string>(item: N) =>
  closed({ items: arrayOf(ref(item)), errors: arrayOf(ref('SourceError')) });

export const fleetSchemas = {
  HubSync: closed(
    { state: ref('SourceState'), lastSyncAt: dateTime, message: string },
    ['lastSyncAt', 'message'],
  ),
  HubSummary: closed({
    name: string,
    title: string,
    sync: ref('HubSync'),
    projects: strings,
    clusterCount: integer,
    sliceCount: integer,
  }),
  GeoLocation: closedOptional({
    cloudProvider: string,
    cloudRegion: string,
    latitude: number,
    longitude: number,
  }),
  ClusterSummary: closed(clusterSummaryProperties, clusterSummaryOptional),
  ClusterDetail: closed(
    {
      ...clusterSummaryProperties,
      components: arrayOf(closed({ component: string, status: string })),
      namespaces: arrayOf(closed({ name: string, slice: string }, ['slice'])),
      workerConnection: closed(
        { state: ref('SourceState'), lastSyncAt: dateTime, message: string },
        ['lastSyncAt', 'message'],
      ),
      events: arrayOf(ref('SliceEvent')),
    },
    clusterSummaryOptional,
  ),
  SliceMember: closed(
    {
      cluster: string,
      subnet: {
        ...string,
        description: "The cluster's block of the slice subnet",
      },
      onboardedNamespaces: strings,
      health,
    },
    ['subnet'],
  ),
  SliceSummary: closed(sliceSummaryProperties, sliceSummaryOptional),
  HealthCounts: closed({
    ok: integer,
    warning: integer,
    error: integer,
    unknown: integer,
  }),
  FleetResponse: closed({
    generatedAt: dateTime,
    hubs: arrayOf(ref('HubSummary')),
    clusters: arrayOf(ref('ClusterSummary')),
    slices: arrayOf(ref('SliceSummary')),
    counts: closed({
      clusters: ref('HealthCounts'),
      slices: ref('HealthCounts'),
    }),
    errors: arrayOf(ref('SourceError')),
  }),
  TunnelPairState: {
    type: 'string',
    enum: ['UP', 'DEGRADED', 'DOWN', 'UNKNOWN'],
  },
  GatewayPodTunnel: closed(
    {
      cluster: string,
      gateway: string,
      pod: string,
      peerPod: string,
      state: { type: 'string', enum: ['UP', 'DOWN', 'UNKNOWN'] },
      latencyMs: number,
      packetLossPercent: number,
      txRateKbps: number,
      rxRateKbps: number,
    },
    ['peerPod', 'latencyMs', 'packetLossPercent', 'txRateKbps', 'rxRateKbps'],
  ),
  Tunnel: closed(
    {
      a: string,
      b: string,
      server: string,
      state: ref('TunnelPairState'),
      latencyMs: number,
      packetLossPercent: number,
      pods: arrayOf(ref('GatewayPodTunnel')),
      health,
    },
    ['server', 'latencyMs', 'packetLossPercent'],
  ),
  NamespaceOnCluster: closed({
    namespace: string,
    cluster: string,
    role: { type: 'string', enum: ['application', 'allowed'] },
    requested: boolean,
    onboarded: boolean,
    state: {
      type: 'string',
      enum: ['onboarded', 'pending', 'unrequested', 'allowed'],
    },
  }),
  ServiceEndpoint: closed(
    {
      cluster: string,
      pod: string,
      ip: string,
      dnsName: string,
      port: integer,
    },
    ['pod', 'ip', 'dnsName', 'port'],
  ),
  SliceService: closed({
    name: string,
    namespace: string,
    dnsName: string,
    aliases: strings,
    exportedFrom: strings,
    exports: arrayOf(
      closed({ cluster: string, status: string, availableEndpoints: integer }, [
        'availableEndpoints',
      ]),
    ),
    imports: arrayOf(
      closed({
        cluster: string,
        status: string,
        endpoints: integer,
        sourceClusters: strings,
      }),
    ),
    endpoints: arrayOf(ref('ServiceEndpoint')),
    health,
  }),
  QosSummary: closedOptional({
    profile: string,
    queueType: string,
    priority: integer,
    tcType: string,
    bandwidthCeilingKbps: integer,
    bandwidthGuaranteedKbps: integer,
    dscpClass: string,
  }),
  SliceEvent: closed(
    {
      hub: string,
      project: string,
      slice: string,
      cluster: string,
      title: {
        ...string,
        description: 'The eventTitle label (catalogue name)',
      },
      type: { ...string, description: 'Normal or Warning' },
      reason: string,
      message: string,
      count: integer,
      time: dateTime,
      object: string,
    },
    ['slice', 'cluster', 'title', 'reason', 'message', 'time', 'object'],
  ),
  SliceDetail: closed(
    {
      ...sliceSummaryProperties,
      qos: ref('QosSummary'),
      allowedNamespaces: strings,
      tunnels: arrayOf(ref('Tunnel')),
      namespaceStates: arrayOf(ref('NamespaceOnCluster')),
      services: arrayOf(ref('SliceService')),
      events: arrayOf(ref('SliceEvent')),
      sliceConfig: { description: 'The SliceConfig as stored on the hub' },
      errors: arrayOf(ref('SourceError')),
    },
    sliceSummaryOptional,
  ),
  TopologyNode: closed(
    {
      id: string,
      kind: { type: 'string', enum: ['cluster', 'namespace', 'service'] },
      label: string,
      parent: { ...string, description: 'The cluster node it belongs to' },
      health,
      geo: ref('GeoLocation'),
    },
    ['parent', 'geo'],
  ),
  TopologyEdge: closed(
    {
      id: string,
      source: string,
      target: string,
      kind: { type: 'string', enum: ['tunnel', 'membership'] },
      state: ref('TunnelPairState'),
      label: string,
      latencyMs: number,
      packetLossPercent: number,
    },
    ['state', 'label', 'latencyMs', 'packetLossPercent'],
  ),
  Topology: closed({
    nodes: arrayOf(ref('TopologyNode')),
    edges: arrayOf(ref('TopologyEdge')),
  }),
  FleetTunnel: closed(
    {
      hub: string,
      project: string,
      slice: string,
      a: string,
      b: string,
      state: ref('TunnelPairState'),
      latencyMs: number,
      packetLossPercent: number,
    },
    ['latencyMs', 'packetLossPercent'],
  ),
  ClusterList: listOf('ClusterSummary'),
  SliceList: listOf('SliceSummary'),
  TunnelList: listOf('FleetTunnel'),
  EventList: listOf('SliceEvent'),
} as const;
