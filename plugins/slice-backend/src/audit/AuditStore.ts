import type { DatabaseService } from '@backstage/backend-plugin-api';
import {
  lazyKnex,
  migratedKnex,
  toMillis,
  type PluginKnex,
} from '../database/codeMigrations';
import { AUDIT_TABLE, auditMigrator } from './migrations';
import type {
  AuditAction,
  AuditEntry,
  AuditRecord,
  AuditResult,
} from './types';

interface Row {
  id: number | string;
  at: number | string;
  actor: string;
  action: string;
  hub: string;
  project: string;
  slice: string | null;
  cluster: string | null;
  dry_run: number | boolean;
  result: string;
  error: string | null;
  operation_id: string | null;
  summary: string | null;
}

export interface ProjectRef {
  hub: string;
  project: string;
}

export interface AuditQuery {
  hub?: string;
  project?: string;
  slice?: string;
  cluster?: string;
  actor?: string;
  /** At most this many rows, newest first. */
  limit: number;
  /** Only rows of these projects (the caller's visible ones); all projects when absent. */
  projects?: ProjectRef[];
}

function fromRow(row: Row): AuditEntry {
  return {
    id: String(row.id),
    at: new Date(toMillis(row.at)).toISOString(),
    actor: row.actor,
    action: row.action as AuditAction,
    target: {
      hub: row.hub,
      project: row.project,
      ...(row.slice ? { slice: row.slice } : {}),
      ...(row.cluster ? { cluster: row.cluster } : {}),
    },
    dryRun: Boolean(row.dry_run),
    result: row.result as AuditResult,
    ...(row.error ? { error: row.error } : {}),
    ...(row.operation_id ? { operationId: row.operation_id } : {}),
    ...(row.summary ? { summary: row.summary } : {}),
  };
}

/** The audit table. Stores what it is given: scrubbing is the AuditLog's job, before this. */
export class AuditStore {
  private constructor(private readonly knex: () => Promise<PluginKnex>) {}

  static fromDatabase(database: DatabaseService): AuditStore {
    return new AuditStore(migratedKnex(database, auditMigrator));
  }

  /** On a given knex client (tests); runs the migrations on first use. */
  static fromKnex(knex: PluginKnex): AuditStore {
    return new AuditStore(
      lazyKnex(async () => {
        await auditMigrator.up(knex);
        return knex;
      }),
    );
  }

  async ready(): Promise<void> {
    await this.knex();
  }

  async insert(record: AuditRecord & { at: number }): Promise<void> {
    const knex = await this.knex();
    await knex(AUDIT_TABLE).insert({
      at: record.at,
      actor: record.actor,
      action: record.action,
      hub: record.target.hub,
      project: record.target.project,
      slice: record.target.slice ?? null,
      cluster: record.target.cluster ?? null,
      dry_run: record.dryRun,
      result: record.result,
      error: record.error ?? null,
      operation_id: record.operationId ?? null,
      summary: record.summary ?? null,
    });
  }

  /** The projects that have audit rows (optionally of one hub or project): few, however many rows. */
  async projects(
    filter: { hub?: string; project?: string } = {},
  ): Promise<ProjectRef[]> {
    const knex = await this.knex();
    const query = knex(AUDIT_TABLE).distinct('hub', 'project');
    if (filter.hub) query.where('hub', filter.hub);
    if (filter.project) query.where('project', filter.project);
    const rows: ProjectRef[] = await query;
    return rows.map(r => ({ hub: r.hub, project: r.project }));
  }

  async list(q: AuditQuery): Promise<AuditEntry[]> {
    if (q.projects && q.projects.length === 0) return [];
    const knex = await this.knex();
    const query = knex<Row>(AUDIT_TABLE);
    for (const column of [
      'hub',
      'project',
      'slice',
      'cluster',
      'actor',
    ] as const) {
      const value = q[column];
      if (value !== undefined) query.where(column, value);
    }
    if (q.projects) {
      const projects = q.projects;
      query.where(inner => {
        for (const p of projects) {
          inner.orWhere(pair => pair.where({ hub: p.hub, project: p.project }));
        }
      });
    }
    // `id` breaks ties between rows written in the same millisecond.
    const rows: Row[] = await query
      .orderBy([
        { column: 'at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(q.limit);
    return rows.map(fromRow);
  }
}
