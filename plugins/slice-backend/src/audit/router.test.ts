import { TestDatabases } from '@backstage/backend-test-utils';
import { startBookkeepingBackend } from '../__testUtils__/bookkeepingBackend';
import { schemaErrors } from '../__testUtils__/schemaCheck';
import type { AuditEntry, AuditRecord } from './AuditLog';
import { AuditStore } from './AuditStore';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const T0 = Date.parse('2026-11-30T12:00:00Z');

describe('GET /v1/audit through the plugin', () => {
  let started: Awaited<ReturnType<typeof startBookkeepingBackend>>;

  const rows: (Partial<AuditRecord> & { target: AuditRecord['target'] })[] = [
    { target: { hub: 'prod', project: 'acme', slice: 'payments' } },
    { target: { hub: 'prod', project: 'acme', slice: 'ledger' }, dryRun: true },
    {
      target: { hub: 'prod', project: 'acme', cluster: 'aws' },
      action: 'cluster.register',
    },
    {
      target: { hub: 'prod', project: 'arcade', slice: 'pacman' },
      actor: 'user:default/bob',
    },
    {
      target: { hub: 'prod', project: 'arcade', slice: 'leaderboard' },
      actor: 'user:default/bob',
      result: 'denied',
      error: 'not allowed',
    },
    {
      target: { hub: 'edge', project: 'acme', cluster: 'nyc' },
      action: 'cluster.deregister',
    },
  ];

  beforeAll(async () => {
    started = await startBookkeepingBackend(databases);
    const store = AuditStore.fromKnex(started.knex);
    // Oldest first: row i at T0 + i minutes.
    for (const [i, row] of rows.entries()) {
      await store.insert({
        actor: 'user:default/alice',
        action: 'slice.update',
        dryRun: false,
        result: 'succeeded',
        ...row,
        at: T0 + i * 60_000,
      });
    }
  });

  afterAll(async () => {
    await started?.backend.stop();
  });

  const list = async (query: string, as?: 'tenant') =>
    (await started.get(`/v1/audit${query}`, as).expect(200)).body
      .items as AuditEntry[];
  const names = (items: AuditEntry[]) =>
    items.map(
      e =>
        `${e.target.hub}/${e.target.project}/${
          e.target.slice ?? e.target.cluster
        }`,
    );

  it('lists every row newest first for a caller who reads everything', async () => {
    const items = await list('');
    expect(schemaErrors('AuditList', { items })).toBeNull();
    expect(names(items)).toEqual([
      'edge/acme/nyc',
      'prod/arcade/leaderboard',
      'prod/arcade/pacman',
      'prod/acme/aws',
      'prod/acme/ledger',
      'prod/acme/payments',
    ]);
    expect(items[1]).toEqual({
      id: expect.any(String),
      at: new Date(T0 + 4 * 60_000).toISOString(),
      actor: 'user:default/bob',
      action: 'slice.update',
      target: { hub: 'prod', project: 'arcade', slice: 'leaderboard' },
      dryRun: false,
      result: 'denied',
      error: 'not allowed',
    });
  });

  it('filters by hub, project, slice, cluster, actor and limit', async () => {
    expect(names(await list('?hub=edge'))).toEqual(['edge/acme/nyc']);
    expect(names(await list('?hub=prod&project=acme'))).toEqual([
      'prod/acme/aws',
      'prod/acme/ledger',
      'prod/acme/payments',
    ]);
    expect(names(await list('?slice=ledger'))).toEqual(['prod/acme/ledger']);
    expect(names(await list('?cluster=aws'))).toEqual(['prod/acme/aws']);
    expect(
      names(await list(`?actor=${encodeURIComponent('user:default/bob')}`)),
    ).toEqual(['prod/arcade/leaderboard', 'prod/arcade/pacman']);
    expect(names(await list('?limit=2'))).toEqual([
      'edge/acme/nyc',
      'prod/arcade/leaderboard',
    ]);
  });

  it("shows a tenant only its projects' rows, and the limit counts only those", async () => {
    const tenant = await list('', 'tenant');
    expect(names(tenant)).toEqual([
      'edge/acme/nyc',
      'prod/acme/aws',
      'prod/acme/ledger',
      'prod/acme/payments',
    ]);
    expect(JSON.stringify(tenant)).not.toContain('bob');
    expect(await list('?project=arcade', 'tenant')).toEqual([]);
    expect(
      await list(`?actor=${encodeURIComponent('user:default/bob')}`, 'tenant'),
    ).toEqual([]);
    // The two newest rows the tenant may see, although newer arcade rows exist.
    expect(names(await list('?hub=prod&limit=2', 'tenant'))).toEqual([
      'prod/acme/aws',
      'prod/acme/ledger',
    ]);
  });

  it.each([
    ['?limit=0', "Invalid query parameter 'limit'"],
    ['?limit=5000', "Invalid query parameter 'limit'"],
    ['?project=Acme', "Invalid query parameter 'project'"],
    ['?bogus=1', "Unknown query parameter 'bogus'"],
    ['?actor=a%20b', "Invalid query parameter 'actor'"],
  ])('rejects %s with 400 and a message', async (query, message) => {
    const res = await started.get(`/v1/audit${query}`).expect(400);
    expect(res.body.error.message).toContain(message);
  });

  it('rejects anonymous callers with 401', async () => {
    const res = await started.get('/v1/audit', 'none').expect(401);
    expect(res.body.items).toBeUndefined();
  });
});
