/**
 * Compile-time checks that the hand-written response types (`fleet/types.ts`,
 * `latency/types.ts`, `health/health.ts`), which the pure model code builds, describe
 * the same JSON as the document's schemas. Keeping the hand-written types (with their
 * docs) and checking them is a smaller change than rewriting the model on derived
 * types, and drift still fails `tsc`: a line below stops compiling when a field is
 * added, removed, retyped or made optional on one side only.
 *
 * Nothing here runs; the file only has to type-check.
 */
import type {
  ClusterDetail,
  ClusterSummary,
  FleetResponse,
  FleetTunnel,
  GatewayPodTunnel,
  GeoLocation,
  HealthCounts,
  HubSummary,
  HubSync,
  NamespaceOnCluster,
  QosSummary,
  ServiceEndpoint,
  SliceDetail,
  SliceEvent,
  SliceMember,
  SliceService,
  SliceSummary,
  SliceTopology,
  SourceError,
  SourceState,
  TopologyEdge,
  TopologyNode,
  Tunnel,
  TunnelPairState,
} from '../fleet/types';
import type { Health, HealthState } from '../health/health';
import type {
  LatencyLatest,
  LatencyMatrixCell,
  LatencyMatrixResponse,
  LatencyPoint,
  LatencyResolution,
  LatencySeries,
  LatencySeriesResponse,
  LatencyStats,
} from '../latency/types';
import type { ApiSchema, ApiSchemaName } from './types';

/** Every property required, at every depth: a field only one side has then shows. */
type AllRequired<T> = T extends object
  ? { [K in keyof T]-?: AllRequired<T[K]> }
  : T;
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** `true` when the hand-written type and the schema's type describe the same JSON. */
export type SameJson<Hand, Derived> = Mutual<Hand, Derived> extends true
  ? Mutual<AllRequired<Hand>, AllRequired<Derived>>
  : false;

/** Fails to compile (on the line that names the pair) unless `SameJson` holds. */
type Check<Hand, N extends ApiSchemaName> = SameJson<
  Hand,
  ApiSchema<N>
> extends true
  ? true
  : { drift: N };
type Holds<T extends true> = T;

export type HandWrittenTypesMatchTheSchemas = [
  Holds<Check<HealthState, 'HealthState'>>,
  Holds<Check<Health, 'Health'>>,
  Holds<Check<SourceState, 'SourceState'>>,
  Holds<Check<SourceError, 'SourceError'>>,
  Holds<Check<HubSync, 'HubSync'>>,
  Holds<Check<HubSummary, 'HubSummary'>>,
  Holds<Check<GeoLocation, 'GeoLocation'>>,
  Holds<Check<ClusterSummary, 'ClusterSummary'>>,
  Holds<Check<ClusterDetail, 'ClusterDetail'>>,
  Holds<Check<SliceMember, 'SliceMember'>>,
  Holds<Check<SliceSummary, 'SliceSummary'>>,
  Holds<Check<HealthCounts, 'HealthCounts'>>,
  Holds<Check<FleetResponse, 'FleetResponse'>>,
  Holds<Check<TunnelPairState, 'TunnelPairState'>>,
  Holds<Check<GatewayPodTunnel, 'GatewayPodTunnel'>>,
  Holds<Check<Tunnel, 'Tunnel'>>,
  Holds<Check<NamespaceOnCluster, 'NamespaceOnCluster'>>,
  Holds<Check<ServiceEndpoint, 'ServiceEndpoint'>>,
  Holds<Check<SliceService, 'SliceService'>>,
  Holds<Check<QosSummary, 'QosSummary'>>,
  Holds<Check<SliceEvent, 'SliceEvent'>>,
  Holds<Check<SliceDetail, 'SliceDetail'>>,
  Holds<Check<TopologyNode, 'TopologyNode'>>,
  Holds<Check<TopologyEdge, 'TopologyEdge'>>,
  Holds<Check<SliceTopology, 'Topology'>>,
  Holds<Check<FleetTunnel, 'FleetTunnel'>>,
  Holds<Check<LatencyResolution, 'LatencyResolution'>>,
  Holds<Check<LatencyPoint, 'LatencyPoint'>>,
  Holds<Check<LatencySeries, 'LatencySeries'>>,
  Holds<Check<LatencySeriesResponse, 'LatencySeriesResponse'>>,
  Holds<Check<LatencyStats, 'LatencyStats'>>,
  Holds<Check<LatencyLatest, 'LatencyLatest'>>,
  Holds<Check<LatencyMatrixCell, 'LatencyMatrixCell'>>,
  Holds<Check<LatencyMatrixResponse, 'LatencyMatrixResponse'>>,
];
