import type { DatabaseService } from '@backstage/backend-plugin-api';

/** The knex client the `database` service hands out (typed without depending on `knex`). */
export type LatencyKnex = Awaited<ReturnType<DatabaseService['getClient']>>;

/** Raw samples: one row per gateway pod per sampling time. */
export const SAMPLES_TABLE = 'slice_latency_samples';
/** 5-minute rollups of the raw samples, per gateway pod. */
export const ROLLUPS_TABLE = 'slice_latency_rollups';
/** Small key/value state (the rollup watermark). */
export const STATE_TABLE = 'slice_latency_state';
/**
 * The latency history keeps its own knex migration bookkeeping so that it never clashes
 * with other migrations of the plugin's database (knex's default `knex_migrations`).
 */
export const MIGRATIONS_TABLE = 'slice_latency_knex_migrations';

interface Migration {
  up(knex: LatencyKnex): Promise<void>;
  down(knex: LatencyKnex): Promise<void>;
}

/**
 * The migrations, in order. They are defined in code rather than as files under
 * `migrations/`: that works the same under Jest, `backstage-cli package start` and a
 * bundled backend, with no file lookup and no `files` entry to publish.
 *
 * Portability (SQLite and PostgreSQL): times are epoch milliseconds in `bigInteger`
 * columns (PostgreSQL returns them as strings, readers convert with `Number`), measured
 * values are `double`, names are `string(255)`, and every index is named explicitly
 * (PostgreSQL limits identifiers to 63 characters). Never edit a released migration;
 * add a new one.
 */
const MIGRATIONS: Record<string, Migration> = {
  '20250601000000_latency_history': {
    async up(knex) {
      await knex.schema.createTable(SAMPLES_TABLE, table => {
        table.bigIncrements('id').primary();
        table.string('hub', 255).notNullable();
        table.string('project', 255).notNullable();
        table.string('slice', 255).notNullable();
        table.string('local_cluster', 255).notNullable();
        table.string('remote_cluster', 255).notNullable();
        table.string('gateway_pod', 255).notNullable();
        table.string('state', 16).notNullable();
        table.double('latency_ms').nullable();
        table.double('packet_loss_percent').nullable();
        table.double('tx_rate_kbps').nullable();
        table.double('rx_rate_kbps').nullable();
        table.bigInteger('sampled_at').notNullable();
        // Series and matrix queries: one slice over a time range.
        table.index(
          ['hub', 'project', 'slice', 'sampled_at'],
          'slice_latency_samples_slice_time_idx',
        );
        // Rollup and retention: all slices over a time range.
        table.index(['sampled_at'], 'slice_latency_samples_time_idx');
      });

      await knex.schema.createTable(ROLLUPS_TABLE, table => {
        table.string('hub', 255).notNullable();
        table.string('project', 255).notNullable();
        table.string('slice', 255).notNullable();
        table.string('local_cluster', 255).notNullable();
        table.string('remote_cluster', 255).notNullable();
        table.string('gateway_pod', 255).notNullable();
        table.bigInteger('bucket_start').notNullable();
        table.integer('samples').notNullable();
        table.integer('down_samples').notNullable();
        table.integer('latency_count').notNullable();
        table.double('latency_avg').nullable();
        table.double('latency_max').nullable();
        table.double('latency_p95').nullable();
        table.integer('loss_count').notNullable();
        table.double('loss_avg').nullable();
        table.double('loss_max').nullable();
        table.double('loss_p95').nullable();
        table.integer('tx_count').notNullable();
        table.double('tx_avg').nullable();
        table.integer('rx_count').notNullable();
        table.double('rx_avg').nullable();
        table.primary(
          [
            'hub',
            'project',
            'slice',
            'local_cluster',
            'remote_cluster',
            'gateway_pod',
            'bucket_start',
          ],
          // The string form: knex 3's SQLite dialect mis-renders `{ constraintName }`.
          'slice_latency_rollups_pk',
        );
        table.index(
          ['hub', 'project', 'slice', 'bucket_start'],
          'slice_latency_rollups_slice_time_idx',
        );
        table.index(['bucket_start'], 'slice_latency_rollups_time_idx');
      });

      await knex.schema.createTable(STATE_TABLE, table => {
        table.string('key', 64).primary();
        table.bigInteger('value').notNullable();
      });
    },
    async down(knex) {
      await knex.schema.dropTable(STATE_TABLE);
      await knex.schema.dropTable(ROLLUPS_TABLE);
      await knex.schema.dropTable(SAMPLES_TABLE);
    },
  },
};

const migrationSource = {
  async getMigrations() {
    return Object.keys(MIGRATIONS).sort();
  },
  getMigrationName(name: string) {
    return name;
  },
  async getMigration(name: string) {
    return MIGRATIONS[name];
  },
};

/** Brings the latency tables up to date (idempotent, safe to call on every start). */
export async function migrateLatencyUp(knex: LatencyKnex): Promise<void> {
  await knex.migrate.latest({
    migrationSource,
    tableName: MIGRATIONS_TABLE,
  });
}

/** Rolls every latency migration back (tests, and uninstalling the feature). */
export async function migrateLatencyDown(knex: LatencyKnex): Promise<void> {
  await knex.migrate.rollback(
    { migrationSource, tableName: MIGRATIONS_TABLE },
    true,
  );
}
