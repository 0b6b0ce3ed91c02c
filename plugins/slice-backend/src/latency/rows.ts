import type { TunnelState } from './types';

/** Width of a rollup bucket. */
export const ROLLUP_BUCKET_MS = 5 * 60_000;

/** One stored raw sample. */
export interface SampleRow {
  localCluster: string;
  remoteCluster: string;
  gatewayPod: string;
  state: TunnelState;
  latencyMs: number | null;
  packetLossPercent: number | null;
  txRateKbps: number | null;
  rxRateKbps: number | null;
  /** Epoch ms. */
  at: number;
}

/** One stored rollup bucket of one gateway pod. */
export interface RollupRow {
  localCluster: string;
  remoteCluster: string;
  gatewayPod: string;
  /** Epoch ms, multiple of {@link ROLLUP_BUCKET_MS}. */
  bucketStart: number;
  samples: number;
  downSamples: number;
  latencyCount: number;
  latencyAvg: number | null;
  latencyMax: number | null;
  latencyP95: number | null;
  lossCount: number;
  lossAvg: number | null;
  lossMax: number | null;
  lossP95: number | null;
  txCount: number;
  txAvg: number | null;
  rxCount: number;
  rxAvg: number | null;
}

/** The columns of a raw sample as a query reads them (without the slice). */
export const SAMPLE_COLUMNS = [
  'local_cluster',
  'remote_cluster',
  'gateway_pod',
  'state',
  'latency_ms',
  'packet_loss_percent',
  'tx_rate_kbps',
  'rx_rate_kbps',
  'sampled_at',
] as const;

/** The columns of a rollup row as a query reads them (without the slice). */
export const ROLLUP_COLUMNS = [
  'local_cluster',
  'remote_cluster',
  'gateway_pod',
  'bucket_start',
  'samples',
  'down_samples',
  'latency_count',
  'latency_avg',
  'latency_max',
  'latency_p95',
  'loss_count',
  'loss_avg',
  'loss_max',
  'loss_p95',
  'tx_count',
  'tx_avg',
  'rx_count',
  'rx_avg',
] as const;

export function finiteOrNull(value: unknown): number | null {
  if (value === null || value === undefined) {
    return null;
  }
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 255;
}

export function toState(value: unknown): TunnelState {
  return value === 'UP' || value === 'DOWN' ? value : 'UNKNOWN';
}

export function toSampleRow(row: Record<string, unknown>): SampleRow {
  return {
    localCluster: String(row.local_cluster),
    remoteCluster: String(row.remote_cluster),
    gatewayPod: String(row.gateway_pod),
    state: toState(row.state),
    latencyMs: finiteOrNull(row.latency_ms),
    packetLossPercent: finiteOrNull(row.packet_loss_percent),
    txRateKbps: finiteOrNull(row.tx_rate_kbps),
    rxRateKbps: finiteOrNull(row.rx_rate_kbps),
    at: Number(row.sampled_at),
  };
}

export function toRollupRow(row: Record<string, unknown>): RollupRow {
  return {
    localCluster: String(row.local_cluster),
    remoteCluster: String(row.remote_cluster),
    gatewayPod: String(row.gateway_pod),
    bucketStart: Number(row.bucket_start),
    samples: Number(row.samples),
    downSamples: Number(row.down_samples),
    latencyCount: Number(row.latency_count),
    latencyAvg: finiteOrNull(row.latency_avg),
    latencyMax: finiteOrNull(row.latency_max),
    latencyP95: finiteOrNull(row.latency_p95),
    lossCount: Number(row.loss_count),
    lossAvg: finiteOrNull(row.loss_avg),
    lossMax: finiteOrNull(row.loss_max),
    lossP95: finiteOrNull(row.loss_p95),
    txCount: Number(row.tx_count),
    txAvg: finiteOrNull(row.tx_avg),
    rxCount: Number(row.rx_count),
    rxAvg: finiteOrNull(row.rx_avg),
  };
}

/** Latency of a sample as used in statistics: none when the tunnel was DOWN. */
export function usableLatency(sample: {
  state: TunnelState;
  latencyMs: number | null;
}): number | null {
  return sample.state === 'DOWN' ? null : sample.latencyMs;
}
