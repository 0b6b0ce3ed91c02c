import type { DatabaseService } from '@backstage/backend-plugin-api';
import {
  lazyKnex,
  migratedKnex,
  toMillis,
  type PluginKnex,
} from '../database/codeMigrations';
import { OPERATIONS_TABLE, operationsMigrator } from './migrations';
import type { Operation, OperationState, OperationStep } from './types';

/** An operation as stored: the API shape plus the bookkeeping of the tracker that runs it. */
export interface StoredOperation {
  operation: Operation;
  deadlineAt: number;
  heartbeatAt: number;
  owner: string;
}

interface Row {
  id: string;
  kind: string;
  hub: string;
  project: string;
  slice: string | null;
  cluster: string | null;
  actor: string;
  state: string;
  reason: string | null;
  steps: string;
  created_at: number | string;
  updated_at: number | string;
  deadline_at: number | string;
  heartbeat_at: number | string;
  owner: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

function parseSteps(text: string): OperationStep[] {
  try {
    const steps = JSON.parse(text);
    return Array.isArray(steps) ? steps : [];
  } catch {
    // A row written by a broken or future version: show it without steps rather than fail.
    return [];
  }
}

function fromRow(row: Row): StoredOperation {
  const operation: Operation = {
    id: row.id,
    kind: row.kind,
    target: {
      hub: row.hub,
      project: row.project,
      ...(row.slice ? { slice: row.slice } : {}),
      ...(row.cluster ? { cluster: row.cluster } : {}),
    },
    actor: row.actor,
    createdAt: iso(toMillis(row.created_at)),
    updatedAt: iso(toMillis(row.updated_at)),
    state: row.state as OperationState,
    ...(row.reason ? { reason: row.reason } : {}),
    steps: parseSteps(row.steps),
  };
  return {
    operation,
    deadlineAt: toMillis(row.deadline_at),
    heartbeatAt: toMillis(row.heartbeat_at),
    owner: row.owner,
  };
}

/** What changes while an operation runs. */
export interface OperationUpdate {
  state: OperationState;
  reason?: string;
  steps: OperationStep[];
  updatedAt: number;
}

/**
 * Operations in the plugin database. Every update is conditional on the row still being
 * `running`: once an operation has ended (here, or on another replica that declared it
 * orphaned) nothing overwrites that end.
 */
export class OperationStore {
  private constructor(private readonly knex: () => Promise<PluginKnex>) {}

  static fromDatabase(database: DatabaseService): OperationStore {
    return new OperationStore(migratedKnex(database, operationsMigrator));
  }

  /** On a given knex client (tests); runs the migrations on first use. */
  static fromKnex(knex: PluginKnex): OperationStore {
    return new OperationStore(
      lazyKnex(async () => {
        await operationsMigrator.up(knex);
        return knex;
      }),
    );
  }

  /** Connects and migrates (also done on first use). */
  async ready(): Promise<void> {
    await this.knex();
  }

  async insert(
    operation: Operation,
    meta: { deadlineAt: number; heartbeatAt: number; owner: string },
  ): Promise<void> {
    const knex = await this.knex();
    await knex(OPERATIONS_TABLE).insert({
      id: operation.id,
      kind: operation.kind,
      hub: operation.target.hub,
      project: operation.target.project,
      slice: operation.target.slice ?? null,
      cluster: operation.target.cluster ?? null,
      actor: operation.actor,
      state: operation.state,
      reason: operation.reason ?? null,
      steps: JSON.stringify(operation.steps),
      created_at: Date.parse(operation.createdAt),
      updated_at: Date.parse(operation.updatedAt),
      deadline_at: meta.deadlineAt,
      heartbeat_at: meta.heartbeatAt,
      owner: meta.owner,
    });
  }

  async get(id: string): Promise<StoredOperation | undefined> {
    const knex = await this.knex();
    const row = await knex<Row>(OPERATIONS_TABLE).where({ id }).first();
    return row ? fromRow(row) : undefined;
  }

  /**
   * Writes a change by the tracker that owns the operation, renewing its heartbeat.
   * Returns false when the row is no longer running (or no longer this owner's).
   */
  async update(
    id: string,
    owner: string,
    update: OperationUpdate,
  ): Promise<boolean> {
    const knex = await this.knex();
    const count = await knex(OPERATIONS_TABLE)
      .where({ id, owner, state: 'running' })
      .update({
        state: update.state,
        reason: update.reason ?? null,
        steps: JSON.stringify(update.steps),
        updated_at: update.updatedAt,
        heartbeat_at: update.updatedAt,
      });
    return count > 0;
  }

  /** "Still alive": see {@link OperationStore.failOrphan}. False when the row has ended. */
  async heartbeat(id: string, owner: string, at: number): Promise<boolean> {
    const knex = await this.knex();
    const count = await knex(OPERATIONS_TABLE)
      .where({ id, owner, state: 'running' })
      .update({ heartbeat_at: at });
    return count > 0;
  }

  /**
   * Ends a running operation whose tracker is gone: only if its heartbeat is still the one
   * the caller saw (so a live tracker that just renewed it, or another replica that got
   * there first, wins). Returns whether this call ended it.
   */
  async failOrphan(
    seen: StoredOperation,
    update: OperationUpdate,
  ): Promise<boolean> {
    const knex = await this.knex();
    const count = await knex(OPERATIONS_TABLE)
      .where({
        id: seen.operation.id,
        state: 'running',
        heartbeat_at: seen.heartbeatAt,
      })
      .update({
        state: update.state,
        reason: update.reason ?? null,
        steps: JSON.stringify(update.steps),
        updated_at: update.updatedAt,
      });
    return count > 0;
  }
}
