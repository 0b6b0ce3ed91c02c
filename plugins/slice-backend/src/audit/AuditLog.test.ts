import type { AuditorService } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { PluginKnex } from '../database/codeMigrations';
import { pluginTestDatabases } from '../__testUtils__/testDatabases';
import { VirtualClock } from '../__testUtils__/virtualTime';
import { DefaultAuditLog, type AuditRecord } from './AuditLog';
import { AuditStore } from './AuditStore';
import {
  AUDIT_MIGRATIONS_TABLE,
  AUDIT_TABLE,
  auditMigrator,
} from './migrations';

const databases = pluginTestDatabases();

const BEARER =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6InNpbSJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6a3ViZXNsaWNlIn0.AbCdEf0123456789';
const PEM =
  '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----';

/** An auditor that remembers what it was told. */
function recordingAuditor() {
  const events: { options: any; outcome?: any }[] = [];
  const auditor: AuditorService = {
    async createEvent(options) {
      const event: { options: any; outcome?: any } = { options };
      events.push(event);
      return {
        async success(params) {
          event.outcome = { status: 'succeeded', ...params };
        },
        async fail(params) {
          event.outcome = { status: 'failed', ...params };
        },
      };
    },
  };
  return { auditor, events };
}

const base: AuditRecord = {
  actor: 'user:default/alice',
  action: 'namespace.onboard',
  target: { hub: 'prod', project: 'acme', slice: 'payments' },
  dryRun: false,
  result: 'succeeded',
};

describe.each(databases.eachSupportedId())('audit log on %p', databaseId => {
  let knex: PluginKnex;
  let store: AuditStore;
  let clock: VirtualClock;
  let logger: ReturnType<typeof mockServices.logger.mock>;
  let recorded: ReturnType<typeof recordingAuditor>;
  let log: DefaultAuditLog;
  const credentials = mockCredentials.user('user:default/alice');

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    store = AuditStore.fromKnex(knex);
    clock = new VirtualClock();
    logger = mockServices.logger.mock();
    recorded = recordingAuditor();
    log = new DefaultAuditLog({
      store,
      auditor: recorded.auditor,
      logger,
      clock,
    });
  });

  async function record(entry: Partial<AuditRecord> = {}) {
    await log.record({ ...base, ...entry, credentials });
    await clock.advance(1_000);
  }

  it('migrates under its own migrations table, idempotently, and rolls back', async () => {
    await store.ready();
    expect(await knex.schema.hasTable(AUDIT_TABLE)).toBe(true);
    expect(await knex.schema.hasTable(AUDIT_MIGRATIONS_TABLE)).toBe(true);
    expect(await knex.schema.hasTable('knex_migrations')).toBe(false);
    await auditMigrator.up(knex);
    expect(
      Number((await knex(AUDIT_MIGRATIONS_TABLE).count({ n: '*' }).first())?.n),
    ).toBe(1);
    await auditMigrator.down(knex);
    expect(await knex.schema.hasTable(AUDIT_TABLE)).toBe(false);
  });

  it('stores who, when, what, on what, dry run, result, error, operation and summary', async () => {
    await record({
      summary: 'onboard ledger onto payments (aws, gcp)',
      operationId: 'op-1',
    });
    await record({
      action: 'slice.delete',
      dryRun: true,
      result: 'rejected',
      error: 'slice has onboarded namespaces',
      target: { hub: 'prod', project: 'acme', cluster: 'aws' },
    });
    const items = await store.list({ limit: 10 });
    expect(items).toEqual([
      {
        id: expect.any(String),
        at: new Date(clock.now() - 1_000).toISOString(),
        actor: 'user:default/alice',
        action: 'slice.delete',
        target: { hub: 'prod', project: 'acme', cluster: 'aws' },
        dryRun: true,
        result: 'rejected',
        error: 'slice has onboarded namespaces',
      },
      {
        id: expect.any(String),
        at: new Date(clock.now() - 2_000).toISOString(),
        actor: 'user:default/alice',
        action: 'namespace.onboard',
        target: { hub: 'prod', project: 'acme', slice: 'payments' },
        dryRun: false,
        result: 'succeeded',
        operationId: 'op-1',
        summary: 'onboard ledger onto payments (aws, gcp)',
      },
    ]);
  });

  it('stores a summary or error that contains a bearer token or a PEM block redacted, and tells the auditor the same', async () => {
    await record({
      result: 'failed',
      summary: `patched with Authorization: Bearer ${BEARER}`,
      error: `kubeconfig rejected: ${PEM}; caData: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t token=${BEARER}`,
    });
    const raw = await knex(AUDIT_TABLE).select();
    const stored = JSON.stringify(raw);
    expect(stored).not.toContain(BEARER);
    expect(stored).not.toContain(
      'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7',
    );
    expect(stored).not.toContain('BEGIN PRIVATE KEY');
    expect(stored).not.toContain('LS0tLS1CRUdJTi');
    expect(raw[0].summary).toBe(
      'patched with Authorization: Bearer [REDACTED]',
    );
    expect(raw[0].error).toContain('kubeconfig rejected: [REDACTED]');

    const told = JSON.stringify(
      recorded.events.map(e => ({
        ...e,
        outcome: { ...e.outcome, error: e.outcome?.error?.message },
      })),
    );
    expect(told).toContain('[REDACTED]');
    expect(told).not.toContain(BEARER);
    expect(told).not.toContain('BEGIN PRIVATE KEY');
  });

  it('sends each record to the auditor with a kebab-case event id, severity, request and meta', async () => {
    const request = { ip: '10.0.0.1' } as any;
    await log.record({
      ...base,
      operationId: 'op-7',
      summary: 'onboard ledger',
      credentials,
      request,
    });
    await log.record({
      ...base,
      action: 'slice.delete',
      result: 'denied',
      error: 'not allowed (kubeslice.slice.delete)',
      credentials,
    });
    await log.record({
      ...base,
      action: 'slice.create',
      dryRun: true,
      credentials,
    });
    expect(recorded.events.map(e => e.options.eventId)).toEqual([
      'namespace-onboard',
      'slice-delete',
      'slice-create',
    ]);
    expect(recorded.events.map(e => e.options.severityLevel)).toEqual([
      'medium',
      'high',
      'low',
    ]);
    expect(recorded.events[0].options.request).toBe(request);
    expect(recorded.events[0].options.meta).toEqual({
      action: 'namespace.onboard',
      actor: 'user:default/alice',
      target: { hub: 'prod', project: 'acme', slice: 'payments' },
      dryRun: false,
      result: 'succeeded',
      operationId: 'op-7',
      summary: 'onboard ledger',
    });
    expect(recorded.events[0].outcome).toEqual({ status: 'succeeded' });
    expect(recorded.events[1].outcome.status).toBe('failed');
    expect(recorded.events[1].outcome.error.message).toBe(
      'not allowed (kubeslice.slice.delete)',
    );
  });

  it('names the caller when the record has no actor', async () => {
    await log.record({
      ...base,
      actor: '',
      credentials: mockCredentials.service('plugin:scaffolder'),
    });
    expect((await store.list({ limit: 1 }))[0].actor).toBe('plugin:scaffolder');
  });

  it('filters by hub, project, slice, cluster and actor, newest first, up to the limit', async () => {
    await record({
      target: { hub: 'prod', project: 'acme', slice: 'payments' },
    });
    await record({ target: { hub: 'prod', project: 'acme', slice: 'ledger' } });
    await record({
      target: { hub: 'prod', project: 'arcade', slice: 'pacman' },
      actor: 'user:default/bob',
    });
    await record({ target: { hub: 'edge', project: 'acme', cluster: 'nyc' } });
    const slices = async (q: Parameters<AuditStore['list']>[0]) =>
      (await store.list(q)).map(
        e =>
          `${e.target.hub}/${e.target.project}/${
            e.target.slice ?? e.target.cluster
          }`,
      );
    expect(await slices({ limit: 10 })).toEqual([
      'edge/acme/nyc',
      'prod/arcade/pacman',
      'prod/acme/ledger',
      'prod/acme/payments',
    ]);
    expect(await slices({ limit: 2 })).toEqual([
      'edge/acme/nyc',
      'prod/arcade/pacman',
    ]);
    expect(await slices({ hub: 'prod', project: 'acme', limit: 10 })).toEqual([
      'prod/acme/ledger',
      'prod/acme/payments',
    ]);
    expect(await slices({ slice: 'payments', limit: 10 })).toEqual([
      'prod/acme/payments',
    ]);
    expect(await slices({ cluster: 'nyc', limit: 10 })).toEqual([
      'edge/acme/nyc',
    ]);
    expect(await slices({ actor: 'user:default/bob', limit: 10 })).toEqual([
      'prod/arcade/pacman',
    ]);
    // Restricted to the caller's projects.
    expect(
      await slices({
        limit: 10,
        projects: [
          { hub: 'prod', project: 'acme' },
          { hub: 'edge', project: 'nope' },
        ],
      }),
    ).toEqual(['prod/acme/ledger', 'prod/acme/payments']);
    expect(await slices({ limit: 10, projects: [] })).toEqual([]);
    expect(
      (await store.projects({ hub: 'prod' })).sort((a, b) =>
        a.project.localeCompare(b.project),
      ),
    ).toEqual([
      { hub: 'prod', project: 'acme' },
      { hub: 'prod', project: 'arcade' },
    ]);
  });

  it('never rejects: a failing table or auditor is logged at error level, and the other still gets the record', async () => {
    const failingAuditor: AuditorService = {
      createEvent: async () => {
        throw new Error('auditor down');
      },
    };
    const withFailingAuditor = new DefaultAuditLog({
      store,
      auditor: failingAuditor,
      logger,
      clock,
    });
    await expect(
      withFailingAuditor.record({ ...base, credentials }),
    ).resolves.toBeUndefined();
    expect(await store.list({ limit: 10 })).toHaveLength(1);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('auditor down'),
    );

    jest
      .spyOn(store, 'insert')
      .mockRejectedValueOnce(
        new Error('SQLITE_FULL: database or disk is full'),
      );
    await expect(
      log.record({ ...base, summary: `token: ${BEARER}`, credentials }),
    ).resolves.toBeUndefined();
    expect(recorded.events).toHaveLength(1);
    const message = logger.error.mock.calls.map(c => String(c[0])).join('\n');
    expect(message).toContain('Audit record not stored: SQLITE_FULL');
    // The log line carries the record, scrubbed.
    expect(message).not.toContain(BEARER);
  });
});
