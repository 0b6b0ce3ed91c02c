import { NotFoundError } from '@backstage/errors';
import {
  checklistText,
  exportChecklist,
  failoverRows,
  type ApiSchema,
  type LatencyMatrixResponse,
  type SliceDetail,
  type SliceSummary,
} from '@slice-portal/plugin-slice-common';
import {
  READ_ONLY,
  pageUrl,
  reader,
  sliceFields,
  sliceRef,
  tunnelNow,
  visibilityPermission,
  type SliceActionsOptions,
} from './context';

type SliceList = ApiSchema<'SliceList'>;
type ClusterList = ApiSchema<'ClusterList'>;
type TunnelList = ApiSchema<'TunnelList'>;

/** `explain-service-export`: the export checklist of the Services tab, as text. */
function explainExport({ registry, client, appBaseUrl }: SliceActionsOptions) {
  registry.register({
    name: 'explain-service-export',
    title: 'Why is a service export not working?',
    description:
      'Walks the path a request to a service exported on a slice takes and says which step fails: the namespace onboarded where the service runs, the ServiceExport READY, a ServiceImport on every member, endpoints present, the tunnels to the exporting clusters UP.',
    attributes: READ_ONLY,
    visibilityPermission,
    schema: {
      input: z =>
        z.object({
          ...sliceFields(z),
          service: z.string().describe('Service name, e.g. mongo'),
          namespace: z
            .string()
            .optional()
            .describe('Its namespace, when the name is not unique'),
        }),
      output: z =>
        z.object({
          service: z.string(),
          dnsName: z.string(),
          working: z.boolean().describe('Every step passed'),
          steps: z.array(
            z.object({
              step: z.string(),
              check: z.string(),
              ok: z
                .boolean()
                .nullable()
                .describe('null when it cannot be told (a worker unreadable)'),
              detail: z.string(),
            }),
          ),
          firstProblem: z.string().optional(),
          pageUrl: z.string(),
        }),
    },
    examples: [
      {
        title: 'The replicated database of the demo game',
        input: {
          hub: 'demo',
          project: 'arcade',
          slice: 'pacman',
          service: 'mongodb',
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const slice = await reader(client, credentials)<SliceDetail>(
        '/v1/slices/{hub}/{project}/{name}',
        { hub: input.hub, project: input.project, name: input.slice },
      );
      const service = slice.services.find(
        s =>
          s.name === input.service &&
          (!input.namespace || s.namespace === input.namespace),
      );
      if (!service) {
        const exported = slice.services.map(s => `${s.name}.${s.namespace}`);
        throw new NotFoundError(
          `No service '${input.service}' is exported on slice ${sliceRef(
            slice,
          )}; exported there: ${exported.join(', ') || 'nothing'}`,
        );
      }
      const steps = exportChecklist(service, {
        members: slice.members.map(m => m.cluster),
        namespaceStates: slice.namespaceStates,
        tunnels: slice.tunnels,
      }).map(item => ({
        step: item.id,
        check: checklistText(item.label),
        ok: item.ok ?? null,
        detail: checklistText(item.detail),
      }));
      const problem = steps.find(s => s.ok !== true);
      return {
        output: {
          service: `${service.name}.${service.namespace}`,
          dnsName: service.dnsName,
          working: !problem,
          steps,
          ...(problem && {
            firstProblem: `${problem.check}: ${problem.detail}`,
          }),
          pageUrl: `${pageUrl(appBaseUrl, slice)}/services`,
        },
      };
    },
  });
}

/** `get-cluster-latency`: the tunnel between two clusters on every slice they share. */
function clusterLatency({ registry, client, appBaseUrl }: SliceActionsOptions) {
  registry.register({
    name: 'get-cluster-latency',
    title: 'Latency between two clusters',
    description:
      'The gateway tunnel between two clusters on every slice you may see that joins both: its state now, the latest latency and packet loss, and the median, 95th percentile and worst latency over a window of the latency history.',
    attributes: READ_ONLY,
    visibilityPermission,
    schema: {
      input: z =>
        z.object({
          hub: z.string().describe('Hub name, e.g. demo'),
          clusterA: z.string().describe('One cluster, e.g. aws-east'),
          clusterB: z.string().describe('The other, e.g. gcp-west'),
          window: z
            .string()
            .regex(/^[0-9]{1,9}[mhd]$/)
            .optional()
            .describe('History window such as 15m, 1h, 24h or 7d (default 1h)'),
        }),
      output: z =>
        z.object({
          clusters: z.string(),
          window: z.string(),
          slices: z.array(
            z.object({
              slice: z.string(),
              state: z.string(),
              latencyMs: z.number().optional(),
              packetLossPercent: z.number().optional(),
              history: z.object({
                p50Ms: z.number().nullable(),
                p95Ms: z.number().nullable(),
                maxMs: z.number().nullable(),
                samples: z.number(),
                downSamples: z.number(),
              }),
              pageUrl: z.string(),
            }),
          ),
        }),
    },
    examples: [
      {
        title: "Between the demo game's east and west clusters",
        input: { hub: 'demo', clusterA: 'aws-east', clusterB: 'gcp-west' },
      },
    ],
    action: async ({ input, credentials }) => {
      const get = reader(client, credentials);
      const window = input.window ?? '1h';
      const pair = [input.clusterA, input.clusterB].sort();
      const tunnels = (
        await get<TunnelList>('/v1/tunnels', undefined, { hub: input.hub })
      ).items.filter(t => t.a === pair[0] && t.b === pair[1]);
      if (tunnels.length === 0) {
        throw new NotFoundError(
          `No slice you may see on hub '${input.hub}' joins ${pair.join(
            ' and ',
          )}`,
        );
      }
      const slices = await Promise.all(
        tunnels.map(async t => {
          const matrix = await get<LatencyMatrixResponse>(
            '/v1/latency/matrix',
            undefined,
            { hub: t.hub, project: t.project, slice: t.slice, window },
          );
          const cell = matrix.cells.find(
            c => c.clusters[0] === pair[0] && c.clusters[1] === pair[1],
          );
          const slice = { hub: t.hub, project: t.project, name: t.slice };
          return {
            slice: sliceRef(slice),
            state: t.state,
            ...tunnelNow(t),
            history: {
              p50Ms: cell?.latencyMs.p50 ?? null,
              p95Ms: cell?.latencyMs.p95 ?? null,
              maxMs: cell?.latencyMs.max ?? null,
              samples: cell?.samples ?? 0,
              downSamples: cell?.downSamples ?? 0,
            },
            pageUrl: `${pageUrl(appBaseUrl, slice)}/latency`,
          };
        }),
      );
      return {
        output: { clusters: `${pair[0]} ↔ ${pair[1]}`, window, slices },
      };
    },
  });
}

/** `what-if-cluster-down`: what every slice and exported service keeps if a cluster is lost. */
function clusterDown({ registry, client }: SliceActionsOptions) {
  registry.register({
    name: 'what-if-cluster-down',
    title: 'What remains if a cluster goes down',
    description:
      'Assumes one cluster is lost and says, for each slice you may see that it is a member of, the members left, the tunnels lost, and for each exported service whether it stays reachable, from which clusters and with how many endpoints. Reads only; nothing is changed.',
    attributes: READ_ONLY,
    visibilityPermission,
    schema: {
      input: z =>
        z.object({
          hub: z.string().describe('Hub name, e.g. demo'),
          cluster: z.string().describe('The cluster assumed down'),
        }),
      output: z =>
        z.object({
          cluster: z.string(),
          summary: z.string(),
          servicesLost: z
            .array(z.string())
            .describe('Services left without an endpoint: service on slice'),
          slices: z.array(
            z.object({
              slice: z.string(),
              membersLeft: z.array(z.string()),
              tunnelsLost: z.array(z.string()),
              services: z.array(
                z.object({
                  service: z.string(),
                  reachable: z.boolean(),
                  servedFrom: z.array(z.string()),
                  endpointsLeft: z.number(),
                  endpointsLost: z.number(),
                }),
              ),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'The demo game if its east cluster is lost',
        input: { hub: 'demo', cluster: 'aws-east' },
      },
    ],
    action: async ({ input, credentials }) => {
      const get = reader(client, credentials);
      const [clusters, list] = await Promise.all([
        get<ClusterList>('/v1/clusters', undefined, { hub: input.hub }),
        get<SliceList>('/v1/slices', undefined, {
          hub: input.hub,
          cluster: input.cluster,
        }),
      ]);
      if (!clusters.items.some(c => c.name === input.cluster)) {
        throw new NotFoundError(
          `No cluster '${input.cluster}' you may see on hub '${input.hub}'`,
        );
      }
      const details = await Promise.all(
        (list.items as SliceSummary[]).map(s =>
          get<SliceDetail>('/v1/slices/{hub}/{project}/{name}', {
            hub: s.hub,
            project: s.project,
            name: s.name,
          }),
        ),
      );
      const slices = details.map(slice => {
        const members = slice.members.map(m => m.cluster);
        return {
          slice: sliceRef(slice),
          membersLeft: members.filter(m => m !== input.cluster),
          tunnelsLost: slice.tunnels
            .filter(t => t.a === input.cluster || t.b === input.cluster)
            .map(t => `${t.a} ↔ ${t.b}`),
          services: slice.services.map(service => {
            const [row] = failoverRows(service, [input.cluster]);
            return {
              service: `${service.name}.${service.namespace}`,
              reachable: row.available,
              servedFrom: row.remaining,
              endpointsLeft: row.endpoints,
              endpointsLost: service.endpoints.length - row.endpoints,
            };
          }),
        };
      });
      const servicesLost = slices.flatMap(s =>
        s.services
          .filter(service => !service.reachable)
          .map(service => `${service.service} on ${s.slice}`),
      );
      const summary =
        slices.length === 0
          ? `${input.cluster} is a member of no slice you may see: losing it affects none of them.`
          : `Losing ${input.cluster} affects ${slices.length} slice(s); ${
              servicesLost.length === 0
                ? 'every exported service stays reachable from another cluster'
                : `${
                    servicesLost.length
                  } service(s) lose every endpoint: ${servicesLost.join(', ')}`
            }.`;
      return {
        output: { cluster: input.cluster, summary, servicesLost, slices },
      };
    },
  });
}

/** The actions that diagnose: a broken export, a pair's latency, a cluster's loss. */
export function registerDiagnosisReads(options: SliceActionsOptions) {
  explainExport(options);
  clusterLatency(options);
  clusterDown(options);
}
