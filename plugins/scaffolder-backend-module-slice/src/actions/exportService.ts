import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
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

export const EXPORT_EXAMPLES = [
  {
    description: 'Export a service running on one member to the whole slice',
    example: `steps:
  - id: export
    name: Export the service
    action: kubeslice:service:export
    input:
      hub: demo
      project: arcade
      slice: pacman
      cluster: aws-east
      namespace: pacman
      name: pacman
      selector:
        app: pacman
      ports:
        - name: http-pacman
          containerPort: 8080`,
  },
];

/** `kubeslice:service:export`: a ServiceExport on the member the service runs on (or its manifest, where the portal may not write). */
export function exportServiceAction(deps: SliceActionDeps) {
  return createTemplateAction({
    id: 'kubeslice:service:export',
    description:
      'Exports a service to every member of a slice: writes the ServiceExport on its cluster when the portal has write credentials there, else outputs the manifest to apply (applied: false).',
    examples: EXPORT_EXAMPLES,
    supportsDryRun: true,
    schema: {
      input: {
        ...sliceInput,
        cluster: z =>
          z.string().describe('The member cluster the service runs on'),
        namespace: z =>
          z
            .string()
            .describe("The service's namespace (onboarded on the slice)"),
        name: z => z.string().describe('The ServiceExport (service) name'),
        selector: z =>
          z
            .record(z.string())
            .describe("The pods' labels, e.g. { app: scores }"),
        ports: z =>
          z
            .array(
              z.object({
                name: z.string().optional(),
                containerPort: z.number().int(),
                protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
                servicePort: z.number().int().optional(),
              }),
            )
            .min(1)
            .describe('Ports; name them with an http or tcp prefix'),
        aliases: z =>
          z.array(z.string()).optional().describe('Extra DNS names'),
        ...dryRunInput,
        ...waitInput,
      },
      output: {
        ...writeOutput,
        ...sliceOutput,
        applied: z =>
          z
            .boolean()
            .describe('false: apply the yaml output on the cluster yourself'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const result = await performWrite(ctx, {
        dryRun: input.dryRun,
        inputFor: path =>
          path === 'params.name'
            ? 'slice'
            : path.replace(/^(params|spec)\./, ''),
        write: ({ dryRun, credentials }) =>
          deps.client.write({
            method: 'POST',
            path: '/v1/slices/{hub}/{project}/{name}/exports',
            params: {
              hub: input.hub,
              project: input.project,
              name: input.slice,
            },
            body: {
              cluster: input.cluster,
              namespace: input.namespace,
              name: input.name,
              spec: {
                selector: { matchLabels: input.selector },
                ports: input.ports.map(p => ({
                  protocol: 'TCP' as const,
                  ...p,
                })),
                ...(input.aliases?.length && { aliases: input.aliases }),
              },
            },
            dryRun,
            credentials,
            signal: ctx.signal,
          }),
      });
      const applied = !result.dryRun && result.applied !== false;
      ctx.output('applied', applied);
      if (!result.dryRun && result.applied === false) {
        ctx.logger.warn(
          result.instructions ??
            `The portal may not write to ${input.cluster}: apply the yaml output there`,
        );
      }
      outputSlice(ctx, deps, {
        hub: input.hub,
        project: input.project,
        name: input.slice,
      });
      await waitIfAsked(ctx, deps, { result, ...input });
    },
  });
}
