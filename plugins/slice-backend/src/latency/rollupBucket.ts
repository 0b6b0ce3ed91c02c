import { type SampleRow, usableLatency } from './rows';
import { Accumulator, weightedPercentile } from './stats';

/** A raw sample with the slice it belongs to, as the rollup reads it. */
export interface SliceSample {
  hub: string;
  project: string;
  slice: string;
  sample: SampleRow;
}

const p95 = (values: number[]) =>
  weightedPercentile(
    values.map(v => ({ v, w: 1 })),
    0.95,
  );

/** Aggregates one bucket's raw samples into one rollup row (DB columns) per gateway pod. */
export function rollupBucket(
  bucketStart: number,
  rows: SliceSample[],
): Array<Record<string, string | number | null>> {
  const groups = new Map<string, SliceSample[]>();
  for (const row of rows) {
    const s = row.sample;
    const key = JSON.stringify([
      row.hub,
      row.project,
      row.slice,
      s.localCluster,
      s.remoteCluster,
      s.gatewayPod,
    ]);
    const group = groups.get(key);
    if (group) {
      group.push(row);
    } else {
      groups.set(key, [row]);
    }
  }
  const result: Array<Record<string, string | number | null>> = [];
  for (const group of groups.values()) {
    const { hub, project, slice, sample: first } = group[0];
    const latency = new Accumulator();
    const loss = new Accumulator();
    const tx = new Accumulator();
    const rx = new Accumulator();
    const latencies: number[] = [];
    const losses: number[] = [];
    let down = 0;
    for (const { sample } of group) {
      if (sample.state === 'DOWN') {
        down += 1;
      }
      const l = usableLatency(sample);
      if (l !== null) {
        latency.add(l);
        latencies.push(l);
      }
      if (sample.packetLossPercent !== null) {
        loss.add(sample.packetLossPercent);
        losses.push(sample.packetLossPercent);
      }
      tx.add(sample.txRateKbps);
      rx.add(sample.rxRateKbps);
    }
    result.push({
      hub,
      project,
      slice,
      local_cluster: first.localCluster,
      remote_cluster: first.remoteCluster,
      gateway_pod: first.gatewayPod,
      bucket_start: bucketStart,
      samples: group.length,
      down_samples: down,
      latency_count: latency.count,
      latency_avg: latency.mean(),
      latency_max: latency.max,
      latency_p95: p95(latencies),
      loss_count: loss.count,
      loss_avg: loss.mean(),
      loss_max: loss.max,
      loss_p95: p95(losses),
      tx_count: tx.count,
      tx_avg: tx.mean(),
      rx_count: rx.count,
      rx_avg: rx.mean(),
    });
  }
  return result;
}
