import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  DSCP_CLASSES,
  OVERLAY_MODES,
  createSliceRequestFor,
  needsSubnetSuggestion,
  freeSubnetFor,
  type ApiSchema,
} from '@slice-portal/plugin-slice-common';
import {
  dryRunInput,
  outputSlice,
  performWrite,
  sliceInput,
  sliceOutput,
  waitIfAsked,
  waitInput,
  writeOutput,
  type SliceActionDeps,
} from './common';

type FleetResponse = ApiSchema<'FleetResponse'>;

export const CREATE_SLICE_EXAMPLES = [
  {
    description:
      'A slice across two clusters, with a namespace on every member',
    example: `steps:
  - id: create
    name: Create the slice
    action: kubeslice:slice:create
    input:
      hub: demo
      project: acme
      name: checkout
      clusters: [aws-eu, azure-us]
      namespaces:
        - namespace: checkout
      qos:
        priority: 1
        bandwidthCeilingKbps: 20000
        bandwidthGuaranteedKbps: 10000
        dscpClass: AF11
      wait: true`,
  },
];

/** `kubeslice:slice:create`: a new slice, through the same write route (preflight, permissions, audit) as the create-slice wizard. */
export function createSliceAction(deps: SliceActionDeps) {
  return createTemplateAction({
    id: 'kubeslice:slice:create',
    description:
      'Creates a KubeSlice slice (a SliceConfig on the hub) as the user who runs the template. Without sliceSubnet, a network slice gets a free private /16.',
    examples: CREATE_SLICE_EXAMPLES,
    supportsDryRun: true,
    schema: {
      input: {
        hub: sliceInput.hub,
        project: sliceInput.project,
        name: z =>
          z
            .string()
            .describe(
              'The slice name: a DNS-1123 label, 15 characters or fewer',
            ),
        clusters: z =>
          z
            .array(z.string())
            .min(1)
            .describe('Member clusters (registered in the project)'),
        sliceSubnet: z =>
          z
            .string()
            .optional()
            .describe(
              'A private /16, e.g. 10.20.0.0/16; chosen for you when absent',
            ),
        overlayNetworkDeploymentMode: z =>
          z.enum(OVERLAY_MODES).optional().describe('Default single-network'),
        maxClusters: z => z.number().int().optional().describe('Default 16'),
        namespaces: z =>
          z
            .array(
              z.object({
                namespace: z.string(),
                clusters: z.array(z.string()).optional(),
              }),
            )
            .optional()
            .describe(
              'Application namespaces; clusters default to every member',
            ),
        isolationEnabled: z =>
          z
            .boolean()
            .optional()
            .describe('Namespace isolation (network policies)'),
        qosProfile: z =>
          z
            .string()
            .optional()
            .describe('A SliceQoSConfig of the project, instead of qos'),
        qos: z =>
          z
            .object({
              priority: z.number().int(),
              bandwidthCeilingKbps: z.number().int(),
              bandwidthGuaranteedKbps: z.number().int(),
              dscpClass: z.enum(DSCP_CLASSES),
            })
            .optional()
            .describe('Inline QoS (default: priority 1, 20/10 Mbps, AF11)'),
        ...dryRunInput,
        ...waitInput,
      },
      output: { ...writeOutput, ...sliceOutput },
    },
    async handler(ctx) {
      const { input } = ctx;
      let suggested: string | undefined;
      if (needsSubnetSuggestion(input)) {
        const fleet = await deps.client.call<FleetResponse>({
          method: 'GET',
          path: '/v1/fleet',
          credentials: await ctx.getInitiatorCredentials(),
          signal: ctx.signal,
        });
        suggested = freeSubnetFor({
          fleet,
          hub: input.hub,
          members: input.clusters,
        });
        if (suggested)
          ctx.logger.info(`sliceSubnet not given; using ${suggested}`);
      }
      const body = createSliceRequestFor(input, suggested);
      const result = await performWrite(ctx, {
        dryRun: input.dryRun,
        inputFor: createInputFor,
        write: ({ dryRun, credentials }) =>
          deps.client.write({
            method: 'POST',
            path: '/v1/slices/{hub}/{project}',
            params: { hub: input.hub, project: input.project },
            body,
            dryRun,
            credentials,
            signal: ctx.signal,
          }),
      });
      outputSlice(ctx, deps, {
        hub: input.hub,
        project: input.project,
        name: input.name,
      });
      await waitIfAsked(ctx, deps, { result, ...input });
    },
  });
}

/** The action's input for a field of the request or the SliceConfig. */
function createInputFor(path: string): string {
  const rules: [RegExp, string][] = [
    [/^(metadata\.name|name)$/, 'name'],
    [/^(metadata\.namespace|params\.project)$/, 'project'],
    [/^params\.hub$/, 'hub'],
    [/^spec\.standardQosProfileName/, 'qosProfile'],
    [/^spec\.qosProfileDetails/, 'qos'],
    [/^spec\.namespaceIsolationProfile\.applicationNamespaces/, 'namespaces'],
    [/^spec\.namespaceIsolationProfile\.isolationEnabled/, 'isolationEnabled'],
  ];
  for (const [pattern, input] of rules) {
    if (pattern.test(path)) return `${input} (${path})`;
  }
  return path.replace(/^spec\./, '');
}
