import type { DatabaseService } from '@backstage/backend-plugin-api';

/** The knex client the `database` service hands out (typed without depending on `knex`). */
export type PluginKnex = Awaited<ReturnType<DatabaseService['getClient']>>;

export interface CodeMigration {
  up(knex: PluginKnex): Promise<void>;
  down(knex: PluginKnex): Promise<void>;
}

export interface CodeMigrator {
  /** Brings the tables up to date (idempotent, safe on every start and from several replicas: knex locks). */
  up(knex: PluginKnex): Promise<void>;
  /** Rolls every migration of this set back (tests, and uninstalling the feature). */
  down(knex: PluginKnex): Promise<void>;
}

/**
 * Knex migrations defined in code, with their own bookkeeping table, as the latency history
 * does (`latency/migrations.ts`): each feature of the plugin migrates independently of the
 * others and of knex's default `knex_migrations`, and nothing is looked up on disk, so it
 * works the same under Jest, `backstage-cli package start` and a bundled backend.
 * Never edit a released migration; add a new one with a later name.
 */
export function createCodeMigrator(options: {
  /** The bookkeeping table, e.g. `slice_operations_knex_migrations`. */
  tableName: string;
  /** Migrations by name; applied in name order. */
  migrations: Record<string, CodeMigration>;
}): CodeMigrator {
  const { tableName, migrations } = options;
  const migrationSource = {
    async getMigrations() {
      return Object.keys(migrations).sort();
    },
    getMigrationName(name: string) {
      return name;
    },
    async getMigration(name: string) {
      return migrations[name];
    },
  };
  return {
    async up(knex) {
      await knex.migrate.latest({ migrationSource, tableName });
    },
    async down(knex) {
      await knex.migrate.rollback({ migrationSource, tableName }, true);
    },
  };
}

/**
 * Connects (and migrates, unless the database service says to skip migrations) once, on
 * first use; a failed attempt is retried on the next call instead of being cached.
 */
export function lazyKnex(
  connect: () => Promise<PluginKnex>,
): () => Promise<PluginKnex> {
  let pending: Promise<PluginKnex> | undefined;
  return () => {
    if (!pending) {
      pending = connect().catch(error => {
        pending = undefined;
        throw error;
      });
    }
    return pending;
  };
}

/** A knex getter on the plugin database that runs `migrator` first. */
export function migratedKnex(
  database: DatabaseService,
  migrator: CodeMigrator,
): () => Promise<PluginKnex> {
  return lazyKnex(async () => {
    const knex = await database.getClient();
    if (!database.migrations?.skip) await migrator.up(knex);
    return knex;
  });
}

/** PostgreSQL returns `bigInteger` columns as strings; SQLite as numbers. */
export const toMillis = (value: unknown): number => Number(value);
