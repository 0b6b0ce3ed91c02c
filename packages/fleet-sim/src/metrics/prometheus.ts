import type { KubeObject } from '../api/types';
import type { FleetRuntime } from '../emulation/FleetRuntime';
import { WORKER_NAMESPACE } from '../scenario/plan';

/**
 * `GET /metrics`: the fleet's KubeSlice metrics in the Prometheus text
 * format, with the real names and labels (REFERENCE §8) — as if one
 * Prometheus scraped every worker operator (`:8080`) and every gateway
 * sidecar (`:18080`). Values are read from the objects the emulation keeps
 * up to date, so metrics and API never disagree. A down cluster's targets
 * cannot be scraped, so its series are absent, as in a real Prometheus.
 */

const NETWORKING = 'networking.kubeslice.io';
const WORKER_OPERATOR = 'workerOperator';

type Labels = Record<string, string>;

interface Family {
  name: string;
  help: string;
  samples: Array<{ labels: Labels; value: number }>;
}

function escape(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/"/g, '\\"');
}

function formatFamily(f: Family): string {
  const lines = [`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} gauge`];
  for (const s of f.samples) {
    const labels = Object.entries(s.labels)
      .map(([k, v]) => `${k}="${escape(v)}"`)
      .join(',');
    lines.push(
      `${f.name}{${labels}} ${Number.isFinite(s.value) ? s.value : 0}`,
    );
  }
  return lines.join('\n');
}

/**
 * The worker operator's MetricsFactory adds these "curried" labels when
 * non-empty; `slice_project` is in practice the project namespace.
 */
function curried(projectNs: string | undefined, cluster: string): Labels {
  return {
    ...(projectNs ? { slice_project: projectNs } : {}),
    slice_cluster: cluster,
    slice_reporting_controller: WORKER_OPERATOR,
  };
}

export function renderMetrics(runtime: FleetRuntime): string {
  const gw = {
    latency: [] as Family['samples'],
    loss: [] as Family['samples'],
    rx: [] as Family['samples'],
    tx: [] as Family['samples'],
  };
  const sliceUp: Family['samples'] = [];
  const sliceComponentUp: Family['samples'] = [];
  const clusterUp: Family['samples'] = [];
  const clusterComponentUp: Family['samples'] = [];
  const appPods: Family['samples'] = [];
  const exportEndpoints: Family['samples'] = [];
  const importEndpoints: Family['samples'] = [];

  const clusters = runtime.clusterObjects();
  const wscs = runtime.hub.store.list(
    runtime.hubType('workersliceconfigs', 'worker.kubeslice.io'),
  );
  for (const [name, worker] of runtime.workers) {
    if (runtime.faults.isDown(name)) continue;
    const cluster = clusters.get(name);
    const projectNs = cluster?.metadata.namespace;
    const base = curried(projectNs, name);

    const health = cluster?.status?.clusterHealth;
    if (health) {
      clusterUp.push({
        labels: base,
        value: health.clusterHealthStatus === 'Normal' ? 1 : 0,
      });
      for (const c of health.componentStatuses ?? [])
        clusterComponentUp.push({
          labels: { slice_cluster_component: c.component, ...base },
          value: c.componentHealthStatus === 'Normal' ? 1 : 0,
        });
    }

    for (const wsc of wscs) {
      if (wsc.metadata.labels?.['worker-cluster'] !== name) continue;
      const slice = wsc.spec?.sliceName ?? '';
      const sh = wsc.status?.sliceHealth;
      if (!sh) continue;
      sliceUp.push({
        labels: { slice, ...base },
        value: sh.sliceHealthStatus === 'Normal' ? 1 : 0,
      });
      for (const c of sh.componentStatuses ?? [])
        sliceComponentUp.push({
          labels: { slice, slice_component: c.component, ...base },
          value: c.componentHealthStatus === 'Normal' ? 1 : 0,
        });
    }

    for (const s of worker.store.list(
      worker.resourceType('slices', NETWORKING),
      WORKER_NAMESPACE,
    )) {
      const perNs = new Map<string, number>();
      for (const p of s.status?.appPods ?? [])
        perNs.set(p.podNamespace, (perNs.get(p.podNamespace) ?? 0) + 1);
      for (const ns of s.status?.applicationNamespaces ?? [])
        if (!perNs.has(ns)) perNs.set(ns, 0);
      for (const [ns, count] of perNs)
        appPods.push({
          labels: { slice: s.metadata.name!, slice_namespace: ns, ...base },
          value: count,
        });
    }

    const svcLabels = (o: KubeObject) => ({
      slice: o.spec?.slice ?? '',
      slice_namespace: o.metadata.namespace!,
      slice_service: o.metadata.name!,
      ...base,
    });
    for (const e of worker.store.list(
      worker.resourceType('serviceexports', NETWORKING),
    ))
      exportEndpoints.push({
        labels: svcLabels(e),
        value: e.status?.availableEndpoints ?? 0,
      });
    for (const i of worker.store.list(
      worker.resourceType('serviceimports', NETWORKING),
    ))
      importEndpoints.push({
        labels: svcLabels(i),
        value: i.status?.availableEndpoints ?? 0,
      });

    for (const g of worker.store.list(
      worker.resourceType('slicegateways', NETWORKING),
      WORKER_NAMESPACE,
    )) {
      const config = g.status?.config ?? {};
      const server = config.sliceGatewayHostType === 'Server';
      for (const pod of g.status?.gatewayPodStatus ?? []) {
        const t = pod.tunnelStatus ?? {};
        // Const labels of the sidecar; client deployments do not set CLUSTER_ID.
        const labels = {
          pod_name: pod.podName ?? '',
          slice_name: g.spec?.sliceName ?? config.sliceName ?? '',
          source_slice_cluster_id: server ? name : '',
          remote_slice_cluster_id: config.sliceGatewayRemoteClusterId ?? '',
          source_gateway_id: g.metadata.name!,
          remote_gateway_id: config.sliceGatewayRemoteGatewayId ?? '',
        };
        gw.latency.push({ labels, value: t.Latency ?? 0 });
        gw.loss.push({ labels, value: t.PacketLoss ?? 0 });
        gw.rx.push({ labels, value: t.RxRate ?? 0 });
        gw.tx.push({ labels, value: t.TxRate ?? 0 });
      }
    }
  }

  const families: Family[] = [
    {
      name: 'kubeslice_cluster_up',
      help: 'Kubeslice cluster health status',
      samples: clusterUp,
    },
    {
      name: 'kubeslice_cluster_component_up',
      help: 'Kubeslice cluster component health status',
      samples: clusterComponentUp,
    },
    {
      name: 'kubeslice_slice_up',
      help: 'Kubeslice slice health status',
      samples: sliceUp,
    },
    {
      name: 'kubeslice_slice_component_up',
      help: 'Kubeslice slice component health status',
      samples: sliceComponentUp,
    },
    {
      name: 'kubeslice_app_pods',
      help: 'Active app pods in slice',
      samples: appPods,
    },
    {
      name: 'kubeslice_serviceexport_endpoints',
      help: 'Active endpoints in serviceexport',
      samples: exportEndpoints,
    },
    {
      name: 'kubeslice_serviceimport_endpoints',
      help: 'Active endpoints in serviceimport',
      samples: importEndpoints,
    },
    {
      name: 'kubeslice_system_slicegw_latency',
      help: 'Latency of the slice gateway tunnel in milliseconds',
      samples: gw.latency,
    },
    {
      name: 'kubeslice_system_slicegw_pkt_loss',
      help: 'Packet loss on the slice gateway tunnel in percent',
      samples: gw.loss,
    },
    {
      name: 'kubeslice_system_slicegw_rx_rate',
      help: 'Receive rate of the slice gateway tunnel',
      samples: gw.rx,
    },
    {
      name: 'kubeslice_system_slicegw_tx_rate',
      help: 'Transmit rate of the slice gateway tunnel',
      samples: gw.tx,
    },
  ];
  return `${families.map(formatFamily).join('\n')}\n`;
}
