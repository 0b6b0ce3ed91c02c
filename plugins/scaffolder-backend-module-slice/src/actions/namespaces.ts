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

export const ONBOARD_EXAMPLES = [
  {
    description:
      'Onboard a namespace on every member of a slice, now and later',
    example: `steps:
  - id: onboard
    name: Onboard the namespace
    action: kubeslice:namespace:onboard
    input:
      hub: demo
      project: arcade
      slice: pacman
      namespace: arcade-stats
      wait: true`,
  },
];

export const OFFBOARD_EXAMPLES = [
  {
    description: 'Offboard a namespace from one member of a slice',
    example: `steps:
  - id: offboard
    name: Offboard the namespace
    action: kubeslice:namespace:offboard
    input:
      hub: demo
      project: arcade
      slice: pacman
      namespace: arcade-stats
      clusters: [azure-eu]`,
  },
];

const namespaceInput = {
  namespace: (z: Parameters<typeof sliceInput.hub>[0]) =>
    z.string().describe('The namespace (a DNS-1123 label)'),
};

/** Paths of the API to the action's inputs: the request's `clusters[0]`, the slice's namespace lists. */
function namespaceInputFor(path: string): string {
  if (/^params\.name$/.test(path)) return 'slice';
  if (/^(params\.|query\.)/.test(path)) return path.replace(/^\w+\./, '');
  if (/^spec\.namespaceIsolationProfile/.test(path))
    return `namespace (${path})`;
  return path;
}

interface NamespaceInput {
  hub: string;
  project: string;
  slice: string;
  namespace: string;
  clusters?: string[];
}

type SliceWrite = Parameters<SliceActionDeps['client']['write']>[0];

/** The onboard and offboard actions: the same input and outputs, a different write. */
function namespaceAction(
  deps: SliceActionDeps,
  spec: {
    id: string;
    description: string;
    examples: typeof ONBOARD_EXAMPLES;
    clustersDescription: string;
    request(
      input: NamespaceInput,
    ): Pick<SliceWrite, 'method' | 'path' | 'params' | 'body' | 'query'>;
  },
) {
  return createTemplateAction({
    id: spec.id,
    description: spec.description,
    examples: spec.examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...sliceInput,
        ...namespaceInput,
        clusters: z =>
          z
            .array(z.string())
            .min(1)
            .optional()
            .describe(spec.clustersDescription),
        ...dryRunInput,
        ...waitInput,
      },
      output: { ...writeOutput, ...sliceOutput },
    },
    async handler(ctx) {
      const { input } = ctx;
      const result = await performWrite(ctx, {
        dryRun: input.dryRun,
        inputFor: namespaceInputFor,
        write: ({ dryRun, credentials }) =>
          deps.client.write({
            ...spec.request(input),
            dryRun,
            credentials,
            signal: ctx.signal,
          } as SliceWrite & { dryRun: boolean }),
      });
      outputSlice(ctx, deps, {
        hub: input.hub,
        project: input.project,
        name: input.slice,
      });
      await waitIfAsked(ctx, deps, { result, ...input });
    },
  });
}

/** `kubeslice:namespace:onboard`: lists a namespace on a slice (some members or every one), as the onboarding wizard does. */
export function onboardNamespaceAction(deps: SliceActionDeps) {
  return namespaceAction(deps, {
    id: 'kubeslice:namespace:onboard',
    description:
      'Onboards a namespace onto a slice, on the members given or on every member, as the user who runs the template.',
    examples: ONBOARD_EXAMPLES,
    clustersDescription:
      'Members to onboard it on; default ["*"]: every member, now and later',
    request: input => ({
      method: 'POST',
      path: '/v1/slices/{hub}/{project}/{name}/namespaces',
      params: { hub: input.hub, project: input.project, name: input.slice },
      body: { namespace: input.namespace, clusters: input.clusters ?? ['*'] },
    }),
  });
}

/** `kubeslice:namespace:offboard`: removes a namespace from some or every member of a slice. */
export function offboardNamespaceAction(deps: SliceActionDeps) {
  return namespaceAction(deps, {
    id: 'kubeslice:namespace:offboard',
    description:
      'Offboards a namespace from a slice, from the members given or from every member, as the user who runs the template.',
    examples: OFFBOARD_EXAMPLES,
    clustersDescription: 'Members to offboard it from; default every member',
    request: input => ({
      method: 'DELETE',
      path: '/v1/slices/{hub}/{project}/{name}/namespaces/{namespace}',
      params: {
        hub: input.hub,
        project: input.project,
        name: input.slice,
        namespace: input.namespace,
      },
      query: { clusters: input.clusters?.join(',') },
    }),
  });
}
