import { createCodeMigrator } from '../database/codeMigrations';

/** One row per tracked operation (onboarding, slice deletion...). */
export const OPERATIONS_TABLE = 'slice_operations';
/** The operations' own knex bookkeeping (see `database/codeMigrations.ts`). */
export const OPERATIONS_MIGRATIONS_TABLE = 'slice_operations_knex_migrations';

/**
 * Portability (SQLite and PostgreSQL), as in the latency tables: times are epoch
 * milliseconds in `bigInteger` columns (PostgreSQL returns strings; readers use `Number`),
 * names are `string(255)`, JSON is `text` (no `json` type: SQLite has none and the steps are
 * only ever read whole), and indexes are named explicitly (PostgreSQL's 63-character limit).
 */
export const operationsMigrator = createCodeMigrator({
  tableName: OPERATIONS_MIGRATIONS_TABLE,
  migrations: {
    '20261201000000_operations': {
      async up(knex) {
        await knex.schema.createTable(OPERATIONS_TABLE, table => {
          table.string('id', 64).primary();
          table.string('kind', 64).notNullable();
          table.string('hub', 255).notNullable();
          table.string('project', 255).notNullable();
          table.string('slice', 255).nullable();
          table.string('cluster', 255).nullable();
          table.string('actor', 255).notNullable();
          // running | done | failed | timedOut
          table.string('state', 16).notNullable();
          table.text('reason').nullable();
          // OperationStep[] as JSON
          table.text('steps').notNullable();
          table.bigInteger('created_at').notNullable();
          table.bigInteger('updated_at').notNullable();
          table.bigInteger('deadline_at').notNullable();
          // Written by the tracker that runs the operation while it runs; a running row whose
          // heartbeat is old has lost its tracker (see OperationStore.failOrphan).
          table.bigInteger('heartbeat_at').notNullable();
          // The tracker instance running it (one per backend process).
          table.string('owner', 64).notNullable();
          table.index(
            ['hub', 'project', 'created_at'],
            'slice_operations_project_time_idx',
          );
          table.index(
            ['state', 'heartbeat_at'],
            'slice_operations_state_heartbeat_idx',
          );
        });
      },
      async down(knex) {
        await knex.schema.dropTable(OPERATIONS_TABLE);
      },
    },
  },
});
