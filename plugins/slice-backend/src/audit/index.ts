import type {
  AuditorService,
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { DefaultAuditLog } from './AuditLog';
import { AuditStore } from './AuditStore';

export * from './AuditLog';
export { AuditStore, type AuditQuery, type ProjectRef } from './AuditStore';
export { registerAuditRoutes, type AuditRoutesOptions } from './router';
export { redactText, redactValue, REDACTED } from './redact';

/** The audit log on the plugin database and the auditor service; `store` answers reads. */
export function createAuditLog(options: {
  database: DatabaseService;
  auditor: AuditorService;
  logger: LoggerService;
}): { log: DefaultAuditLog; store: AuditStore } {
  const store = AuditStore.fromDatabase(options.database);
  return {
    store,
    log: new DefaultAuditLog({
      store,
      auditor: options.auditor,
      logger: options.logger.child({ component: 'audit' }),
    }),
  };
}
