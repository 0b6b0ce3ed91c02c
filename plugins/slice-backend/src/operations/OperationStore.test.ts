import type { PluginKnex } from '../database/codeMigrations';
import { pluginTestDatabases } from '../__testUtils__/testDatabases';
import {
  OPERATIONS_MIGRATIONS_TABLE,
  OPERATIONS_TABLE,
  operationsMigrator,
} from './migrations';
import { OperationStore } from './OperationStore';
import type { Operation } from './types';

const databases = pluginTestDatabases();

const T0 = Date.parse('2026-12-01T00:00:00Z');

const operation = (id: string): Operation => ({
  id,
  kind: 'namespace.onboard',
  target: { hub: 'prod', project: 'acme', slice: 'payments' },
  actor: 'user:default/alice',
  createdAt: new Date(T0).toISOString(),
  updatedAt: new Date(T0).toISOString(),
  state: 'running',
  steps: [{ id: 'aws', title: 'ledger on aws', state: 'running' }],
});

describe.each(databases.eachSupportedId())(
  'OperationStore on %p',
  databaseId => {
    let knex: PluginKnex;
    let store: OperationStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = OperationStore.fromKnex(knex);
      await store.ready();
    });

    it('migrates under its own migrations table, idempotently, and rolls back', async () => {
      expect(await knex.schema.hasTable(OPERATIONS_TABLE)).toBe(true);
      expect(await knex.schema.hasTable(OPERATIONS_MIGRATIONS_TABLE)).toBe(
        true,
      );
      expect(await knex.schema.hasTable('knex_migrations')).toBe(false);
      await operationsMigrator.up(knex);
      const row = await knex(OPERATIONS_MIGRATIONS_TABLE)
        .count({ n: '*' })
        .first();
      expect(Number(row?.n)).toBe(1);
      await operationsMigrator.down(knex);
      expect(await knex.schema.hasTable(OPERATIONS_TABLE)).toBe(false);
    });

    it('round-trips an operation with its times as numbers and optional fields left out', async () => {
      await store.insert(operation('a'), {
        deadlineAt: T0 + 600_000,
        heartbeatAt: T0,
        owner: 'replica-1',
      });
      expect(await store.get('a')).toEqual({
        operation: operation('a'),
        deadlineAt: T0 + 600_000,
        heartbeatAt: T0,
        owner: 'replica-1',
      });
      expect(await store.get('b')).toBeUndefined();
    });

    it('lets only the owner update a running operation, and nobody change an ended one', async () => {
      await store.insert(operation('a'), {
        deadlineAt: T0 + 600_000,
        heartbeatAt: T0,
        owner: 'replica-1',
      });
      const update = {
        state: 'running' as const,
        steps: [{ id: 'aws', title: 'ledger on aws', state: 'done' as const }],
        updatedAt: T0 + 1_000,
      };
      expect(await store.update('a', 'replica-2', update)).toBe(false);
      expect(await store.update('a', 'replica-1', update)).toBe(true);
      expect((await store.get('a'))?.heartbeatAt).toBe(T0 + 1_000);
      expect(await store.heartbeat('a', 'replica-1', T0 + 5_000)).toBe(true);
      expect(
        await store.update('a', 'replica-1', {
          ...update,
          state: 'failed',
          reason: 'HTTP 403',
          updatedAt: T0 + 6_000,
        }),
      ).toBe(true);
      const ended = await store.get('a');
      expect(ended?.operation).toMatchObject({
        state: 'failed',
        reason: 'HTTP 403',
        updatedAt: new Date(T0 + 6_000).toISOString(),
      });
      expect(await store.update('a', 'replica-1', update)).toBe(false);
      expect(await store.heartbeat('a', 'replica-1', T0 + 7_000)).toBe(false);
    });

    it('ends an orphan only if its heartbeat is still the one seen, once', async () => {
      await store.insert(operation('a'), {
        deadlineAt: T0 + 600_000,
        heartbeatAt: T0,
        owner: 'replica-1',
      });
      const seen = (await store.get('a'))!;
      const failure = {
        state: 'failed' as const,
        reason: 'backend restarted',
        steps: seen.operation.steps,
        updatedAt: T0 + 120_000,
      };
      // The owner renewed its heartbeat meanwhile: it is alive, the row stays running.
      await store.heartbeat('a', 'replica-1', T0 + 10_000);
      expect(await store.failOrphan(seen, failure)).toBe(false);
      expect((await store.get('a'))?.operation.state).toBe('running');
      const again = (await store.get('a'))!;
      expect(await store.failOrphan(again, failure)).toBe(true);
      // A second replica that read the same row loses.
      expect(await store.failOrphan(again, failure)).toBe(false);
      expect((await store.get('a'))?.operation).toMatchObject({
        state: 'failed',
        reason: 'backend restarted',
      });
    });
  },
);
