import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { followOperation, type SliceActionDeps } from './common';

export const WAIT_EXAMPLES = [
  {
    description: 'Wait until the slice a previous step created is ready',
    example: `steps:
  - id: wait
    name: Wait for the slice
    action: kubeslice:slice:wait
    input:
      operationId: \${{ steps.create.output.operationId }}
      timeout: 600`,
  },
];

/** `kubeslice:slice:wait`: follows an operation (onboarding, tunnels, deletion) until it ends, step by step in the task log. */
export function waitForOperationAction(deps: SliceActionDeps) {
  return createTemplateAction({
    id: 'kubeslice:slice:wait',
    description:
      'Waits until an operation a slice write started is done, logging each step (per cluster) as it changes; fails when the operation fails or times out.',
    examples: WAIT_EXAMPLES,
    supportsDryRun: true,
    schema: {
      input: {
        operationId: z =>
          z
            .string()
            .optional()
            .describe(
              'The operationId output of a kubeslice step; nothing to wait for when empty',
            ),
        timeout: z =>
          z
            .number()
            .int()
            .min(1)
            .max(3600)
            .optional()
            .describe('Seconds; default 600'),
      },
      output: {
        state: z =>
          z.string().describe('The operation state: done, or skipped'),
      },
    },
    async handler(ctx) {
      const { operationId, timeout } = ctx.input;
      if (ctx.isDryRun || !operationId) {
        ctx.logger.info(
          ctx.isDryRun
            ? 'Dry run: nothing was written, so there is nothing to wait for'
            : 'No operation to wait for',
        );
        ctx.output('state', 'skipped');
        return;
      }
      const operation = await followOperation(ctx, deps, {
        operationId,
        timeoutMs: (timeout ?? 600) * 1000,
      });
      ctx.output('state', operation.state);
    },
  });
}
