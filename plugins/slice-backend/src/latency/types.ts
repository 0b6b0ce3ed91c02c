/**
 * The contract between the backend's watch caches (which see tunnel status on the
 * workers) and the latency history (which samples, stores and queries it).
 */

/** `TunnelState` of a gateway pod's tunnel as the worker reports it (`Status` absent = UP). */
export type TunnelState = 'UP' | 'DOWN' | 'UNKNOWN';

/**
 * One gateway pod's tunnel, observed now: the side of the tunnel on `localCluster`,
 * towards `remoteCluster`. Each gateway pair has two pods per side.
 */
export interface TunnelObservation {
  hub: string;
  project: string;
  slice: string;
  localCluster: string;
  remoteCluster: string;
  /** Name of the gateway pod on the local side. */
  gatewayPod: string;
  state: TunnelState;
  /** Round-trip latency in ms, when reported. */
  latencyMs?: number;
  /** Packet loss in percent, when reported. */
  packetLossPercent?: number;
  /** Throughput in kbit/s, when reported. */
  txRateKbps?: number;
  rxRateKbps?: number;
}

/** Where the sampler gets the current tunnel status from (the worker caches implement it). */
export interface TunnelObservationProvider {
  currentTunnels(): TunnelObservation[];
}
