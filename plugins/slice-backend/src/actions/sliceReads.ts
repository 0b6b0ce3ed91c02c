import type {
  ApiSchema,
  SliceDetail,
  SliceSummary,
} from '@slice-portal/plugin-slice-common';
import {
  READ_ONLY,
  healthSchema,
  pageUrl,
  reader,
  sliceFields,
  sliceRef,
  tunnelNow,
  visibilityPermission,
  type SliceActionsOptions,
} from './context';

type SliceList = ApiSchema<'SliceList'>;

/** `list-slices`: the slices the caller may see, with their health and why. */
function listSlices({ registry, client, appBaseUrl }: SliceActionsOptions) {
  registry.register({
    name: 'list-slices',
    title: 'List KubeSlice slices',
    description:
      "Lists the KubeSlice slices you may see (a tenant sees only its projects), with each slice's health and the reasons for it, its member clusters and application namespaces. Filter by hub, project, member cluster or health.",
    attributes: READ_ONLY,
    visibilityPermission,
    schema: {
      input: z =>
        z.object({
          hub: z.string().optional().describe('Only this hub'),
          project: z.string().optional().describe('Only this project'),
          cluster: z
            .string()
            .optional()
            .describe('Only slices with this member cluster'),
          health: z
            .enum(['ok', 'warning', 'error', 'unknown'])
            .optional()
            .describe('Only slices in this health state'),
        }),
      output: z =>
        z.object({
          total: z.number(),
          slices: z.array(
            z.object({
              ref: z.string().describe('hub/project/slice'),
              health: healthSchema(z),
              members: z.array(z.string()),
              namespaces: z.array(z.string()),
              mode: z.string(),
              subnet: z.string().optional(),
              pageUrl: z.string(),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'Slices that are not healthy',
        input: { health: 'error' },
      },
    ],
    action: async ({ input, credentials }) => {
      const get = reader(client, credentials);
      const list = await get<SliceList>('/v1/slices', undefined, {
        hub: input.hub,
        project: input.project,
        cluster: input.cluster,
      });
      const slices = (list.items as SliceSummary[]).filter(
        s => !input.health || s.health.state === input.health,
      );
      return {
        output: {
          total: slices.length,
          slices: slices.map(s => ({
            ref: sliceRef(s),
            health: s.health,
            members: s.members.map(m => m.cluster),
            namespaces: s.namespaces,
            mode: s.mode,
            ...(s.subnet && { subnet: s.subnet }),
            pageUrl: pageUrl(appBaseUrl, s),
          })),
        },
      };
    },
  });
}

/** `get-slice-health`: one slice's health, and what in it is not ok. */
function sliceHealth({ registry, client, appBaseUrl }: SliceActionsOptions) {
  registry.register({
    name: 'get-slice-health',
    title: 'Health of a KubeSlice slice',
    description:
      'The health of one slice with its reasons, and what in it is not healthy: members, gateway tunnels (state, latency, loss), exported services, namespaces not yet onboarded, and workers that could not be read.',
    attributes: READ_ONLY,
    visibilityPermission,
    schema: {
      input: z => z.object(sliceFields(z)),
      output: z =>
        z.object({
          ref: z.string(),
          health: healthSchema(z),
          members: z.array(
            z.object({ cluster: z.string(), health: healthSchema(z) }),
          ),
          tunnels: z.array(
            z.object({
              clusters: z.string().describe('a ↔ b'),
              state: z.string(),
              latencyMs: z.number().optional(),
              packetLossPercent: z.number().optional(),
              reasons: z.array(z.string()),
            }),
          ),
          services: z.array(
            z.object({ service: z.string(), health: healthSchema(z) }),
          ),
          namespacesNotOnboarded: z
            .array(z.string())
            .describe('namespace on cluster, requested but not onboarded yet'),
          unreadable: z
            .array(z.string())
            .describe('Parts of the slice that could not be read'),
          pageUrl: z.string(),
        }),
    },
    examples: [
      {
        title: 'The demo game slice',
        input: { hub: 'demo', project: 'arcade', slice: 'pacman' },
      },
    ],
    action: async ({ input, credentials }) => {
      const slice = await reader(client, credentials)<SliceDetail>(
        '/v1/slices/{hub}/{project}/{name}',
        { hub: input.hub, project: input.project, name: input.slice },
      );
      return {
        output: {
          ref: sliceRef(slice),
          health: slice.health,
          members: slice.members.map(m => ({
            cluster: m.cluster,
            health: m.health,
          })),
          tunnels: slice.tunnels.map(t => ({
            clusters: `${t.a} ↔ ${t.b}`,
            state: t.state,
            ...tunnelNow(t),
            reasons: t.health.reasons,
          })),
          services: slice.services.map(s => ({
            service: `${s.name}.${s.namespace}`,
            health: s.health,
          })),
          namespacesNotOnboarded: slice.namespaceStates
            .filter(n => n.state === 'pending')
            .map(n => `${n.namespace} on ${n.cluster}`),
          unreadable: slice.errors.map(e => `${e.source}: ${e.message}`),
          pageUrl: pageUrl(appBaseUrl, slice),
        },
      };
    },
  });
}

/** The actions that read slices: the list, and one slice's health. */
export function registerSliceReads(options: SliceActionsOptions) {
  listSlices(options);
  sliceHealth(options);
}
