import { createCodeMigrator } from '../database/codeMigrations';

/** One row per audited write attempt (dry runs, denials and failures included). */
export const AUDIT_TABLE = 'slice_audit_log';
/** The audit log's own knex bookkeeping (see `database/codeMigrations.ts`). */
export const AUDIT_MIGRATIONS_TABLE = 'slice_audit_knex_migrations';

/**
 * Portable as the other plugin tables: epoch milliseconds in `bigInteger`, names in
 * `string(255)`, free text in `text`, `boolean` (SQLite stores 0/1; readers use `Boolean`),
 * explicitly named indexes.
 */
export const auditMigrator = createCodeMigrator({
  tableName: AUDIT_MIGRATIONS_TABLE,
  migrations: {
    '20261201000000_audit_log': {
      async up(knex) {
        await knex.schema.createTable(AUDIT_TABLE, table => {
          table.bigIncrements('id').primary();
          table.bigInteger('at').notNullable();
          table.string('actor', 255).notNullable();
          table.string('action', 64).notNullable();
          table.string('hub', 255).notNullable();
          table.string('project', 255).notNullable();
          table.string('slice', 255).nullable();
          table.string('cluster', 255).nullable();
          table.boolean('dry_run').notNullable();
          // succeeded | denied | rejected | failed
          table.string('result', 16).notNullable();
          table.text('error').nullable();
          table.string('operation_id', 64).nullable();
          table.text('summary').nullable();
          // The timeline of a project or slice, newest first.
          table.index(['hub', 'project', 'at'], 'slice_audit_project_time_idx');
          table.index(['actor', 'at'], 'slice_audit_actor_time_idx');
          table.index(['at'], 'slice_audit_time_idx');
        });
      },
      async down(knex) {
        await knex.schema.dropTable(AUDIT_TABLE);
      },
    },
  },
});
