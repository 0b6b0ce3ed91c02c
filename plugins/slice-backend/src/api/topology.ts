import type {
  ClusterDetail,
  SliceDetail,
  SliceTopology,
  TopologyEdge,
  TopologyNode,
} from '@slice-portal/plugin-slice-common';
import { healthOk, worstHealth } from '@slice-portal/plugin-slice-common';

/**
 * Nodes and edges of a slice, ready to draw: member clusters (with their location), tunnels
 * between them (labelled with latency and loss), and each member's namespaces and services
 * as child nodes the UI can expand. IDs are stable, so a layout can be kept between visits.
 */
export function sliceTopology(
  slice: SliceDetail,
  clusters: ClusterDetail[],
): SliceTopology {
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  for (const member of slice.members) {
    const cluster = clusters.find(
      c =>
        c.hub === slice.hub &&
        c.project === slice.project &&
        c.name === member.cluster,
    );
    const id = `cluster:${member.cluster}`;
    nodes.push({
      id,
      kind: 'cluster',
      label: member.cluster,
      health: member.health,
      geo: cluster?.geo,
    });
    for (const ns of slice.namespaceStates.filter(
      n => n.cluster === member.cluster && n.role === 'application',
    )) {
      nodes.push({
        id: `namespace:${member.cluster}/${ns.namespace}`,
        kind: 'namespace',
        label: ns.namespace,
        parent: id,
        health:
          ns.state === 'pending'
            ? {
                state: 'warning',
                reasons: [`${ns.namespace} not onboarded yet`],
              }
            : healthOk(),
      });
    }
    for (const service of slice.services.filter(s =>
      s.exportedFrom.includes(member.cluster),
    )) {
      nodes.push({
        id: `service:${member.cluster}/${service.namespace}/${service.name}`,
        kind: 'service',
        label: `${service.name}.${service.namespace}`,
        parent: `namespace:${member.cluster}/${service.namespace}`,
        health: worstHealth([service.health]),
      });
    }
  }
  for (const tunnel of slice.tunnels) {
    const parts = [
      tunnel.latencyMs !== undefined ? `${tunnel.latencyMs} ms` : undefined,
      tunnel.packetLossPercent
        ? `${tunnel.packetLossPercent}% loss`
        : undefined,
    ].filter(Boolean);
    edges.push({
      id: `tunnel:${tunnel.a}|${tunnel.b}`,
      source: `cluster:${tunnel.a}`,
      target: `cluster:${tunnel.b}`,
      kind: 'tunnel',
      state: tunnel.state,
      label: parts.length ? parts.join(' · ') : tunnel.state,
      latencyMs: tunnel.latencyMs,
      packetLossPercent: tunnel.packetLossPercent,
    });
  }
  return { nodes, edges };
}
