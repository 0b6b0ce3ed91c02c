import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  clusterEntityRef,
  registerClusterRequest,
} from '@slice-portal/plugin-slice-common';
import {
  dryRunInput,
  performWrite,
  sliceInput,
  waitIfAsked,
  waitInput,
  writeOutput,
  type SliceActionDeps,
} from './common';

export const REGISTER_EXAMPLES = [
  {
    description: 'Register a cluster in a project, with its location',
    example: `steps:
  - id: register
    name: Register the cluster
    action: kubeslice:cluster:register
    input:
      hub: demo
      project: acme
      name: edge-lisbon
      cloudProvider: aws
      cloudRegion: eu-south-2
      latitude: "38.72"
      longitude: "-9.14"`,
  },
];

/** `kubeslice:cluster:register`: a Cluster object on the hub, as the register-cluster wizard writes it. */
export function registerClusterAction(deps: SliceActionDeps) {
  return createTemplateAction({
    id: 'kubeslice:cluster:register',
    description:
      "Registers a worker cluster in a project (a Cluster on the hub) as the user who runs the template; the worker chart's values are then on the portal's register-cluster page.",
    examples: REGISTER_EXAMPLES,
    supportsDryRun: true,
    schema: {
      input: {
        hub: sliceInput.hub,
        project: sliceInput.project,
        name: z =>
          z.string().describe('The cluster name (a DNS-1123 subdomain)'),
        cloudProvider: z => z.string().optional(),
        cloudRegion: z => z.string().optional(),
        latitude: z =>
          z.string().optional().describe('Decimal degrees, -90 to 90'),
        longitude: z =>
          z.string().optional().describe('Decimal degrees, -180 to 180'),
        nodeIPs: z =>
          z
            .array(z.string())
            .optional()
            .describe('Gateway node IPs; detected when absent'),
        networkInterface: z => z.string().optional().describe('Default eth0'),
        ...dryRunInput,
        ...waitInput,
      },
      output: {
        ...writeOutput,
        clusterRef: z =>
          z.string().describe('The catalog entity of the cluster'),
        pageUrl: z =>
          z
            .string()
            .describe("The portal's fleet page, which lists the cluster"),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const body = registerClusterRequest({
        hub: input.hub,
        project: input.project,
        name: input.name,
        provider: input.cloudProvider ?? '',
        region: input.cloudRegion ?? '',
        latitude: input.latitude ?? '',
        longitude: input.longitude ?? '',
        nodeIPs: (input.nodeIPs ?? []).join(','),
        networkInterface: input.networkInterface ?? 'eth0',
      });
      const result = await performWrite(ctx, {
        dryRun: input.dryRun,
        inputFor: path =>
          path
            .replace(/^(metadata\.name|params\.name)$/, 'name')
            .replace(/^(metadata\.namespace|params\.project)$/, 'project')
            .replace(/^spec\.clusterProperty\.geoLocation\./, '')
            .replace(/^spec\./, ''),
        write: ({ dryRun, credentials }) =>
          deps.client.write({
            method: 'POST',
            path: '/v1/projects/{hub}/{project}/clusters',
            params: { hub: input.hub, project: input.project },
            body,
            dryRun,
            credentials,
            signal: ctx.signal,
          }),
      });
      ctx.output(
        'clusterRef',
        clusterEntityRef({ hub: input.hub, name: input.name }),
      );
      // The fleet page lists the cluster and its registration state.
      ctx.output('pageUrl', `${deps.appBaseUrl}/slices`);
      await waitIfAsked(ctx, deps, { result, ...input });
    },
  });
}
