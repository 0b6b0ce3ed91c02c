import type {
  AuditorService,
  AuditorServiceEventSeverityLevel,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import { systemClock, type Clock } from '../hubs/clock';
import { describeError } from '../hubs/describeError';
import type { AuditStore } from './AuditStore';
import { redactAndLimit, redactText } from './redact';
import type { AuditAction, AuditLog, AuditRecord } from './types';

export type * from './types';
export { AUDIT_ACTIONS, AUDIT_RESULTS } from './types';

/** Longest summary or error kept in a row (after scrubbing). */
export const MAX_AUDIT_TEXT = 4000;

export interface DefaultAuditLogOptions {
  store: AuditStore;
  auditor: AuditorService;
  logger: LoggerService;
  clock?: Clock;
}

/** The principal as an audit actor, for callers that did not name one. */
function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal?.type === 'user' && principal.userEntityRef)
    return principal.userEntityRef;
  if (principal?.type === 'service' && principal.subject)
    return principal.subject;
  return 'unknown';
}

/** `slice.create` → `slice-create`: audit event ids are kebab-case (backend-plugin-api docs). */
export const auditEventId = (action: AuditAction) => action.replace(/\./g, '-');

function severityOf(record: AuditRecord): AuditorServiceEventSeverityLevel {
  if (record.dryRun) return 'low';
  if (
    record.action === 'slice.delete' ||
    record.action === 'cluster.deregister'
  )
    return 'high';
  return 'medium';
}

/**
 * Every write attempt goes to Backstage's auditor (so it lands wherever the operator ships
 * audit events) and to the plugin's own table (so the portal can show a slice's timeline).
 * Everything is scrubbed first. `record` never rejects: it is called after the write
 * happened, and a failing audit store must not turn a successful write into an error
 * response; each failure is logged at error level with the (scrubbed) record instead.
 */
export class DefaultAuditLog implements AuditLog {
  private readonly store: AuditStore;
  private readonly auditor: AuditorService;
  private readonly logger: LoggerService;
  private readonly clock: Clock;

  constructor(options: DefaultAuditLogOptions) {
    this.store = options.store;
    this.auditor = options.auditor;
    this.logger = options.logger;
    this.clock = options.clock ?? systemClock;
  }

  async record(entry: Parameters<AuditLog['record']>[0]): Promise<void> {
    const record = scrubRecord({
      ...entry,
      actor: entry.actor || actorOf(entry.credentials),
    });
    await Promise.all([
      this.toAuditor(record, entry.request).catch(error =>
        this.logger.error(
          `Audit event not recorded by the auditor service: ${describeError(
            error,
          )}; record: ${JSON.stringify(record)}`,
        ),
      ),
      this.store
        .insert({ ...record, at: this.clock.now() })
        .catch(error =>
          this.logger.error(
            `Audit record not stored: ${describeError(
              error,
            )}; record: ${JSON.stringify(record)}`,
          ),
        ),
    ]);
  }

  private async toAuditor(
    record: AuditRecord,
    request: Parameters<AuditLog['record']>[0]['request'],
  ): Promise<void> {
    const meta: JsonObject = {
      action: record.action,
      actor: record.actor,
      target: { ...record.target },
      dryRun: record.dryRun,
      result: record.result,
      ...(record.operationId ? { operationId: record.operationId } : {}),
      ...(record.summary ? { summary: record.summary } : {}),
    };
    const event = await this.auditor.createEvent({
      eventId: auditEventId(record.action),
      severityLevel: severityOf(record),
      ...(request ? { request } : {}),
      meta,
    });
    if (record.result === 'succeeded') {
      await event.success();
    } else {
      await event.fail({
        error: new Error(record.error ?? `Write ${record.result}`),
      });
    }
  }
}

/** Only the record's own fields, every string scrubbed and bounded. */
export function scrubRecord(entry: AuditRecord): AuditRecord {
  const name = (value: string | undefined) =>
    value === undefined ? undefined : redactAndLimit(value, 255);
  const target = {
    hub: name(entry.target.hub) ?? '',
    project: name(entry.target.project) ?? '',
    ...(entry.target.slice ? { slice: name(entry.target.slice) } : {}),
    ...(entry.target.cluster ? { cluster: name(entry.target.cluster) } : {}),
  };
  const error = redactAndLimit(entry.error, MAX_AUDIT_TEXT);
  const summary = redactAndLimit(entry.summary, MAX_AUDIT_TEXT);
  return {
    actor: redactText(String(entry.actor)).slice(0, 255),
    action: entry.action,
    target,
    dryRun: Boolean(entry.dryRun),
    result: entry.result,
    ...(error ? { error } : {}),
    ...(entry.operationId
      ? { operationId: redactText(String(entry.operationId)).slice(0, 64) }
      : {}),
    ...(summary ? { summary } : {}),
  };
}
