import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  createTemplateAction,
  type TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import type { JsonObject } from '@backstage/types';
import fs from 'fs/promises';
import path from 'path';
import { parse } from 'yaml';

export const RENDER_EXAMPLES = [
  {
    description:
      'Render the SliceConfig a new slice would be, for a GitOps publish step to commit',
    example: `steps:
  - id: render
    name: Render the slice manifest
    action: kubeslice:manifests:render
    input:
      action: kubeslice:slice:create
      input:
        hub: demo
        project: acme
        name: ledger
        clusters: [aws-eu, azure-us]
        sliceSubnet: 10.77.0.0/16
      path: slices/ledger.yaml`,
  },
];

/**
 * `kubeslice:manifests:render` (GitOps mode): runs one of the write actions as a dry run (so
 * preflight and the API server judge the change exactly as for a direct write) and writes the
 * object it would store into the workspace, for the organisation's own publish step
 * (`publish:github:pull-request` and friends) to commit.
 */
export function renderManifestsAction(
  writeActions: TemplateAction<any, any, any>[],
) {
  const ids = writeActions.map(a => a.id) as [string, ...string[]];
  return createTemplateAction({
    id: 'kubeslice:manifests:render',
    description:
      'Renders the manifest a kubeslice write action would apply (checked as a dry run, nothing written) into the workspace, for a GitOps commit or pull request.',
    examples: RENDER_EXAMPLES,
    supportsDryRun: true,
    schema: {
      input: {
        action: z =>
          z.enum(ids).describe('The write action whose change to render'),
        input: z =>
          z
            .record(z.unknown())
            .describe("That action's input (dryRun and wait are ignored)"),
        path: z =>
          z
            .string()
            .optional()
            .describe(
              'Where in the workspace to write it; default kubeslice/<kind>-<name>.yaml',
            ),
      },
      output: {
        path: z =>
          z.string().describe('The file written, relative to the workspace'),
        yaml: z => z.string().describe('The manifest'),
      },
    },
    async handler(ctx) {
      const action = writeActions.find(a => a.id === ctx.input.action);
      if (!action) {
        throw new InputError(
          `action: ${ctx.input.action} is not one of ${ids.join(', ')}`,
        );
      }
      const outputs: Record<string, unknown> = {};
      await action.handler({
        ...ctx,
        input: {
          ...(ctx.input.input as JsonObject),
          dryRun: true,
          wait: false,
        },
        output: (name: string, value: unknown) => {
          outputs[name] = value;
        },
      } as any);
      const yaml = String(outputs.yaml ?? '');
      const object = (parse(yaml) ?? {}) as {
        kind?: string;
        metadata?: { name?: string };
      };
      const relative =
        ctx.input.path ??
        `kubeslice/${(object.kind ?? 'object').toLowerCase()}-${
          object.metadata?.name ?? 'unnamed'
        }.yaml`;
      const target = resolveSafeChildPath(ctx.workspacePath, relative);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(
        target,
        yaml.endsWith('\n') ? yaml : `${yaml}\n`,
        'utf8',
      );
      ctx.logger.info(
        `Wrote ${relative} (${object.kind ?? 'object'} ${
          object.metadata?.name ?? ''
        })`,
      );
      ctx.output('path', relative);
      ctx.output('yaml', yaml);
    },
  });
}
