/**
 * The operation route: progress of a long write (onboarding until every worker reports
 * the namespace, slice deletion: offboard → wait → delete), readable after a reload and
 * from any replica. `Operation` is described exactly (closed objects) so the contract
 * checks catch an answer that drifts from the backend's `Operation` type.
 */
import {
  arrayOf,
  closed,
  dateTime,
  jsonResponse,
  pathParam,
  readErrors,
  ref,
  string,
} from './helpers';

export const OPERATION_STATES = [
  'running',
  'done',
  'failed',
  'timedOut',
] as const;
export const OPERATION_STEP_STATES = [
  'pending',
  'running',
  'done',
  'failed',
] as const;

export const operationSchemas = {
  OperationTarget: closed(
    { hub: string, project: string, slice: string, cluster: string },
    ['slice', 'cluster'],
  ),
  OperationStep: closed(
    {
      id: string,
      title: string,
      state: { type: 'string', enum: OPERATION_STEP_STATES },
      detail: string,
    },
    ['detail'],
  ),
  Operation: closed(
    {
      id: string,
      kind: {
        ...string,
        description: 'What it does, e.g. namespace.onboard or slice.delete',
      },
      target: ref('OperationTarget'),
      actor: { ...string, description: 'Who started it (entity ref)' },
      createdAt: dateTime,
      updatedAt: dateTime,
      state: {
        type: 'string',
        enum: OPERATION_STATES,
        description:
          "running until done, failed (see reason) or timedOut; an operation whose backend went away ends failed with reason 'backend restarted'",
      },
      reason: { ...string, description: 'Why it failed or timed out' },
      steps: {
        ...arrayOf(ref('OperationStep')),
        description: 'In order; a phase not yet reached is one pending step',
      },
    },
    ['reason'],
  ),
} as const;

export const operationPaths = {
  '/v1/operations/{id}': {
    get: {
      operationId: 'getOperation',
      summary:
        "An operation's progress (signals on slice:operation:<id> when the signals module is installed; poll otherwise)",
      parameters: [
        pathParam(
          'id',
          {
            type: 'string',
            pattern: '^[A-Za-z0-9-]+$',
            maxLength: 64,
          } as const,
          'Operation id, as a write answered it',
        ),
      ],
      responses: {
        '200': jsonResponse('Operation', 'The operation'),
        ...readErrors('Invalid id; the message names the parameter'),
        '404': jsonResponse(
          'Error',
          'No such operation, or one in a project the caller may not read',
        ),
      },
    },
  },
} as const;
