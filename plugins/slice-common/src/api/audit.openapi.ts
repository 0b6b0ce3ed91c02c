/**
 * The audit route: who changed what, when, dry run or not, and how it ended — a slice's
 * or project's timeline. Tenant-scoped like every read. Rows are scrubbed of anything
 * that looks like a credential before they are stored.
 */
import {
  arrayOf,
  boolean,
  closed,
  dateTime,
  jsonResponse,
  queryParam,
  readErrors,
  ref,
  string,
} from './helpers';
import { dnsLabel, dnsSubdomain } from './names';

export const AUDIT_ACTIONS = [
  'slice.create',
  'slice.update',
  'slice.delete',
  'namespace.onboard',
  'namespace.offboard',
  'cluster.register',
  'cluster.deregister',
  'service.export',
  'qos.upsert',
] as const;
export const AUDIT_RESULTS = [
  'succeeded',
  'denied',
  'rejected',
  'failed',
] as const;

export const auditSchemas = {
  AuditAction: { type: 'string', enum: AUDIT_ACTIONS },
  AuditResult: {
    type: 'string',
    enum: AUDIT_RESULTS,
    description:
      'denied: by the permission policy; rejected: by preflight or the API server; failed: the write or its operation failed',
  },
  AuditEntry: closed(
    {
      id: string,
      at: dateTime,
      actor: { ...string, description: 'Who (entity ref or service)' },
      action: ref('AuditAction'),
      target: ref('OperationTarget'),
      dryRun: boolean,
      result: ref('AuditResult'),
      error: string,
      operationId: { ...string, description: 'The operation it started' },
      summary: string,
    },
    ['error', 'operationId', 'summary'],
  ),
  AuditList: closed({
    items: { ...arrayOf(ref('AuditEntry')), description: 'Newest first' },
  }),
} as const;

export const auditPaths = {
  '/v1/audit': {
    get: {
      operationId: 'listAudit',
      summary:
        'Audit records of the projects the caller may read, newest first',
      parameters: [
        queryParam('hub', dnsLabel, 'Only this hub'),
        queryParam('project', dnsLabel, 'Only this project'),
        queryParam('slice', dnsLabel, 'Only this slice'),
        queryParam('cluster', dnsSubdomain, 'Only this cluster'),
        queryParam(
          'actor',
          {
            type: 'string',
            minLength: 1,
            maxLength: 255,
            pattern: '^\\S+$',
          } as const,
          'Only records by this actor, e.g. user:default/alice',
        ),
        queryParam(
          'limit',
          { type: 'integer', minimum: 1, maximum: 1000 } as const,
          'At most this many (default 100)',
        ),
      ],
      responses: {
        '200': jsonResponse('AuditList', 'Audit records'),
        ...readErrors('Invalid parameters; the message names the parameter'),
      },
    },
  },
} as const;
