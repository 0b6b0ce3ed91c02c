import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type {
  ActionContext,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  ACME,
  PLATFORM,
  eventually,
  startSliceTestBackend,
  START_TIMEOUT_MS,
  type SliceTestBackend,
} from '@slice-portal/plugin-slice-backend/testUtils';
import { parse } from 'yaml';
import { SliceApiClient } from '@slice-portal/plugin-slice-node';
import type { SliceActionDeps } from '../actions';

export { ACME, PLATFORM, eventually, START_TIMEOUT_MS };

export interface SliceBackend extends SliceTestBackend {
  deps: SliceActionDeps;
}

/** The demo fleet and a slice backend, with the actions' dependencies pointed at it. */
export async function startSliceBackend(): Promise<SliceBackend> {
  const backend = await startSliceTestBackend();
  return {
    ...backend,
    deps: {
      client: new SliceApiClient({
        discovery: { getBaseUrl: async () => backend.baseUrl },
        auth: mockServices.auth({ pluginId: 'scaffolder' }),
      }),
      appBaseUrl: 'http://portal.test',
    },
  };
}

/** A context for the action as `user` runs the template, with its outputs collected. */
export function actionContext<I extends Record<string, any>>(options: {
  input: I;
  user?: string;
  isDryRun?: boolean;
}) {
  const outputs: Record<string, any> = {};
  // createMockActionContext keeps only some options (not the initiator, outputs or dry run):
  // those are set over its defaults.
  const ctx = {
    ...createMockActionContext({ input: options.input }),
    isDryRun: options.isDryRun,
    logger: mockServices.logger.mock(),
    getInitiatorCredentials: async () =>
      mockCredentials.user(options.user ?? PLATFORM),
    output: (name: string, value: any) => {
      outputs[name] = value;
    },
  } as ActionContext<any, any>;
  return { ctx, outputs };
}

/** The input of the first step of each documented example of an action. */
export function exampleInputs(
  action: TemplateAction<any, any, any>,
): Record<string, any>[] {
  return (action.examples ?? []).map(e => parse(e.example).steps[0].input);
}
