import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  createSliceRequestFor,
  freeSubnetFor,
  needsSubnetSuggestion,
  type ApiSchema,
} from '@slice-portal/plugin-slice-common';
import type { WriteResult } from '@slice-portal/plugin-slice-node';
import {
  pageUrl,
  reader,
  sliceFields,
  visibilityPermission,
  type SliceActionsOptions,
  type Z,
} from './context';
import { refusalsAsErrors } from './refusals';

type FleetResponse = ApiSchema<'FleetResponse'>;

/** A write changes the fleet but removes nothing; repeating it changes nothing more. */
const WRITE = {
  readOnly: false,
  destructive: false,
  idempotent: true,
} as const;

const dryRunField = (z: Z) =>
  z
    .boolean()
    .default(true)
    .describe(
      'Default true: check and show what would change (preflight, diff, YAML) and write nothing. Set false only after the user has seen the dry run and asked to apply it.',
    );

/** What a write answered, for the AI client to show its user. */
const writeOutput = (z: Z) =>
  z.object({
    dryRun: z.boolean(),
    written: z.boolean(),
    message: z.string(),
    diff: z.string().describe('Unified diff of the YAML; empty when equal'),
    warnings: z
      .array(z.string())
      .describe('Preflight warnings (errors refuse the write)'),
    yaml: z.string().describe('The object as it would be (or was) stored'),
    operationId: z
      .string()
      .optional()
      .describe('Progress of the change, until every member has it'),
    pageUrl: z.string(),
  });

function describeWrite(result: WriteResult, what: string, page: string) {
  return {
    dryRun: result.dryRun,
    written: !result.dryRun,
    message: result.dryRun
      ? `Dry run: ${what} passes preflight and the API server's checks; nothing was written. Call again with dryRun false to apply.`
      : `${what} written${
          result.operation
            ? `; members follow (operation ${result.operation.id})`
            : ''
        }.`,
    diff: result.diff.text,
    warnings: result.preflight.map(f => `${f.path}: ${f.message}`),
    yaml: result.yaml,
    ...(result.operation &&
      !result.dryRun && { operationId: result.operation.id }),
    pageUrl: page,
  };
}

/** `onboard-namespace`: a namespace onto a slice, as the onboarding wizard would. */
function onboardNamespace({
  registry,
  client,
  appBaseUrl,
}: SliceActionsOptions) {
  registry.register({
    name: 'onboard-namespace',
    title: 'Onboard a namespace onto a slice',
    description:
      "Adds a namespace to a slice's application namespaces, on the members given or on every member, through the same checks, permissions and audit as the portal's onboarding wizard. Runs as a dry run unless dryRun is false.",
    attributes: WRITE,
    visibilityPermission,
    schema: {
      input: z =>
        z.object({
          ...sliceFields(z),
          namespace: z
            .string()
            .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
            .describe('The namespace, e.g. web'),
          clusters: z
            .array(z.string())
            .min(1)
            .optional()
            .describe('Members to onboard it on; default ["*"]: every member'),
          dryRun: dryRunField(z),
        }),
      output: writeOutput,
    },
    examples: [
      {
        title: 'See what onboarding a namespace would do',
        input: {
          hub: 'demo',
          project: 'acme',
          slice: 'shop',
          namespace: 'web',
          dryRun: true,
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const slice = {
        hub: input.hub,
        project: input.project,
        name: input.slice,
      };
      const result = await refusalsAsErrors(() =>
        client.write({
          method: 'POST',
          path: '/v1/slices/{hub}/{project}/{name}/namespaces',
          params: slice,
          body: {
            namespace: input.namespace,
            clusters: input.clusters ?? ['*'],
          },
          dryRun: input.dryRun,
          credentials,
        }),
      );
      return {
        output: describeWrite(
          result,
          `Namespace ${input.namespace} on slice ${input.slice}`,
          `${pageUrl(appBaseUrl, slice)}/namespaces`,
        ),
      };
    },
  });
}

/** A free /16 for a new slice, from the fleet as the caller sees it. */
async function suggestedSubnet(
  options: SliceActionsOptions,
  credentials: BackstageCredentials,
  slice: { hub: string; clusters: string[] },
) {
  const fleet = await reader(
    options.client,
    credentials,
  )<FleetResponse>('/v1/fleet');
  return freeSubnetFor({ fleet, hub: slice.hub, members: slice.clusters });
}

/** `create-slice`: a new slice, as the create-slice wizard would. */
function createSlice(options: SliceActionsOptions) {
  const { registry, client, appBaseUrl } = options;
  registry.register({
    name: 'create-slice',
    title: 'Create a slice',
    description:
      "Creates a KubeSlice slice across the given member clusters, with application namespaces on every member, through the same preflight, permissions and audit as the portal's create-slice wizard. Without sliceSubnet a free private /16 is chosen. Runs as a dry run unless dryRun is false.",
    attributes: WRITE,
    visibilityPermission,
    schema: {
      input: z =>
        z.object({
          hub: sliceFields(z).hub,
          project: sliceFields(z).project,
          name: z
            .string()
            .describe(
              'The slice name: a DNS-1123 label, 15 characters or fewer',
            ),
          clusters: z
            .array(z.string())
            .min(1)
            .describe('Member clusters, registered in the project'),
          namespaces: z
            .array(z.string())
            .optional()
            .describe('Application namespaces, on every member'),
          sliceSubnet: z
            .string()
            .optional()
            .describe('A private /16 such as 10.20.0.0/16; chosen when absent'),
          dryRun: dryRunField(z),
        }),
      output: z =>
        writeOutput(z).extend({
          sliceSubnet: z.string().optional(),
        }),
    },
    examples: [
      {
        title: 'See what a two-cluster slice would be',
        input: {
          hub: 'demo',
          project: 'acme',
          name: 'checkout',
          clusters: ['aws-eu', 'azure-us'],
          namespaces: ['checkout'],
          dryRun: true,
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const request = {
        hub: input.hub,
        project: input.project,
        name: input.name,
        clusters: input.clusters,
        sliceSubnet: input.sliceSubnet,
        namespaces: (input.namespaces ?? []).map(namespace => ({ namespace })),
      };
      const suggested = needsSubnetSuggestion(request)
        ? await suggestedSubnet(options, credentials, request)
        : undefined;
      const body = createSliceRequestFor(request, suggested);
      const result = await refusalsAsErrors(() =>
        client.write({
          method: 'POST',
          path: '/v1/slices/{hub}/{project}',
          params: { hub: input.hub, project: input.project },
          body,
          dryRun: input.dryRun,
          credentials,
        }),
      );
      return {
        output: {
          ...describeWrite(
            result,
            `Slice ${input.name} across ${input.clusters.join(', ')}`,
            pageUrl(appBaseUrl, {
              hub: input.hub,
              project: input.project,
              name: input.name,
            }),
          ),
          ...(body.spec.sliceSubnet && { sliceSubnet: body.spec.sliceSubnet }),
        },
      };
    },
  });
}

/** The write actions; each is a dry run unless the caller says otherwise. */
export function registerWriteActions(options: SliceActionsOptions) {
  onboardNamespace(options);
  createSlice(options);
}
