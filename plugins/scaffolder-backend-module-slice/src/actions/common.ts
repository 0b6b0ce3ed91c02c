import { InputError, NotAllowedError } from '@backstage/errors';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import type { z } from 'zod/v3';
import {
  slicePagePath,
  sliceEntityRef,
  type SliceEntityKey,
} from '@slice-portal/plugin-slice-common';
import {
  SliceApiError,
  type Operation,
  type SliceApiClient,
  type WriteResult,
} from '@slice-portal/plugin-slice-node';

/** What every action needs: the backend's API and where the app's pages are. */
export interface SliceActionDeps {
  client: SliceApiClient;
  /** `app.baseUrl`, for the page links the actions output. */
  appBaseUrl: string;
}

/**
 * Any action's context: the helpers read the initiator, log and set the outputs every write
 * action declares (`writeOutput`, `sliceOutput`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Ctx = ActionContext<any, any>;

/** The zod the scaffolder injects into schema callbacks (its v3 API). */
type Z = typeof z;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The input fields that name a slice, shared by the actions that change one. */
export const sliceInput = {
  hub: (z: Z) =>
    z
      .string()
      .regex(DNS_LABEL)
      .describe('The hub (slice.hubs[].name of the portal config)'),
  project: (z: Z) =>
    z.string().regex(DNS_LABEL).describe('The KubeSlice project'),
  slice: (z: Z) => z.string().regex(DNS_LABEL).describe('The slice'),
};

export const dryRunInput = {
  dryRun: (z: Z) =>
    z
      .boolean()
      .optional()
      .describe(
        'Only check and render the change (preflight and the API server judge it); nothing is written. Always true in a scaffolder dry run',
      ),
};

export const waitInput = {
  wait: (z: Z) =>
    z
      .boolean()
      .optional()
      .describe(
        'Wait until the operation the write started is done (progress in the task log); default false, see kubeslice:slice:wait',
      ),
  timeout: (z: Z) =>
    z
      .number()
      .int()
      .min(1)
      .max(3600)
      .optional()
      .describe('With wait: the longest to wait, in seconds (default 600)'),
};

export const writeOutput = {
  dryRun: (z: Z) => z.boolean().describe('Whether nothing was written'),
  yaml: (z: Z) =>
    z.string().describe('The object as written (or, dry run, as it would be)'),
  operationId: (z: Z) =>
    z
      .string()
      .optional()
      .describe('The operation that follows the change; absent in a dry run'),
};

export const sliceOutput = {
  sliceRef: (z: Z) =>
    z.string().describe('The catalog entity of the slice (resource:default/…)'),
  pageUrl: (z: Z) => z.string().describe("The slice's page in the portal"),
};

/**
 * A write as the user who runs the template: a dry run when the scaffolder dry-runs the
 * template or the step asks for one. Preflight warnings go to the task log; a refusal becomes
 * an error that names the step's input to fix.
 */
export async function performWrite(
  ctx: Ctx,
  options: {
    dryRun?: boolean;
    /** The step's input name for a field path of the API (`spec.sliceSubnet` → `sliceSubnet`). */
    inputFor?: (path: string) => string;
    write: (request: {
      dryRun: boolean;
      credentials: Awaited<ReturnType<Ctx['getInitiatorCredentials']>>;
    }) => Promise<WriteResult>;
  },
): Promise<WriteResult> {
  const dryRun = Boolean(ctx.isDryRun || options.dryRun);
  const credentials = await ctx.getInitiatorCredentials();
  let result: WriteResult;
  try {
    result = await options.write({ dryRun, credentials });
  } catch (error) {
    throw explain(error, options.inputFor ?? defaultInputFor);
  }
  for (const finding of result.preflight) {
    ctx.logger.warn(
      `${(options.inputFor ?? defaultInputFor)(finding.path)}: ${
        finding.message
      }`,
    );
  }
  if (result.diff.text) ctx.logger.info(`Change:\n${result.diff.text}`);
  ctx.logger.info(writeOutcome(result));
  ctx.output('dryRun', dryRun);
  ctx.output('yaml', result.yaml);
  if (result.operation && !dryRun)
    ctx.output('operationId', result.operation.id);
  return result;
}

/** What became of a write, for the task log. */
function writeOutcome(result: WriteResult): string {
  if (result.dryRun)
    return 'Dry run: checked by preflight and the API server; nothing was written';
  // A service export the portal may not write to the worker: handed out instead.
  if (result.applied === false)
    return 'Checked; not written: the manifest is in the yaml output';
  return `Written${
    result.operation ? `; operation ${result.operation.id}` : ''
  }`;
}

/** `params.name` → `name`, `spec.clusters[1]` → `clusters[1]`, `query.dryRun` → `dryRun`. */
export function defaultInputFor(path: string): string {
  return path.replace(/^(params|query|spec)\./, '') || '(input)';
}

function explain(error: unknown, inputFor: (path: string) => string): Error {
  if (!(error instanceof SliceApiError)) return error as Error;
  const fields = error.fields.map(f => `${inputFor(f.path)}: ${f.message}`);
  const message = fields.length
    ? `${error.message}\n${fields.map(f => `- ${f}`).join('\n')}`
    : error.message;
  if (error.status === 400) return new InputError(message);
  if (error.status === 403) {
    return new NotAllowedError(
      error.permission
        ? `${message} (permission ${error.permission}, as the user who runs the template)`
        : message,
    );
  }
  return error;
}

export function outputSlice(
  ctx: Ctx,
  deps: SliceActionDeps,
  slice: SliceEntityKey,
) {
  ctx.output('sliceRef', sliceEntityRef(slice));
  ctx.output('pageUrl', `${deps.appBaseUrl}${slicePagePath(slice)}`);
}

const DONE: Operation['state'][] = ['done', 'failed', 'timedOut'];

/**
 * Follows an operation until it ends, logging each step as it changes; rejects when it failed,
 * timed out on the backend, or did not end within `timeoutMs`.
 */
export async function followOperation(
  ctx: Ctx,
  deps: SliceActionDeps,
  options: { operationId: string; timeoutMs: number; pollMs?: number },
): Promise<Operation> {
  const credentials = await ctx.getInitiatorCredentials();
  const deadline = Date.now() + options.timeoutMs;
  const seen = new Map<string, string>();
  for (;;) {
    const operation = await deps.client
      .getOperation(options.operationId, { credentials, signal: ctx.signal })
      .catch(error => {
        throw explain(error, defaultInputFor);
      });
    for (const step of operation.steps) {
      const line = `${step.state}${step.detail ? ` (${step.detail})` : ''}`;
      if (seen.get(step.id) !== line) {
        seen.set(step.id, line);
        ctx.logger.info(`${step.title}: ${line}`);
      }
    }
    if (DONE.includes(operation.state)) {
      if (operation.state === 'done') return operation;
      throw new Error(
        `Operation ${operation.id} (${operation.kind}) ${
          operation.state === 'failed' ? 'failed' : 'timed out'
        }${operation.reason ? `: ${operation.reason}` : ''}`,
      );
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Operation ${operation.id} (${
          operation.kind
        }) still running after ${Math.round(
          options.timeoutMs / 1000,
        )} s; follow it on the slice's Changes tab`,
      );
    }
    if (ctx.signal?.aborted) throw new Error('Cancelled');
    await new Promise(resolve => setTimeout(resolve, options.pollMs ?? 1000));
  }
}

/** Waits for the write's operation when the step asked to (never in a dry run). */
export async function waitIfAsked(
  ctx: Ctx,
  deps: SliceActionDeps,
  options: { result: WriteResult; wait?: boolean; timeout?: number },
) {
  if (!options.wait || options.result.dryRun || !options.result.operation)
    return;
  await followOperation(ctx, deps, {
    operationId: options.result.operation.id,
    timeoutMs: (options.timeout ?? 600) * 1000,
  });
}
