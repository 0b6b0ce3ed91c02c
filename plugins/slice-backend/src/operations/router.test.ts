import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { startBookkeepingBackend } from '../__testUtils__/bookkeepingBackend';
import { schemaErrors } from '../__testUtils__/schemaCheck';
import { FakeTrackedFleet } from '../__testUtils__/trackedFleet';
import { DefaultOperationTracker, type Operation } from './OperationTracker';
import { OperationStore } from './OperationStore';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('GET /v1/operations/{id} through the plugin', () => {
  let started: Awaited<ReturnType<typeof startBookkeepingBackend>>;
  let tracker: DefaultOperationTracker;
  let acme: Operation;
  let arcade: Operation;

  beforeAll(async () => {
    started = await startBookkeepingBackend(databases);
    // Another replica's tracker on the same database: the plugin must answer from the rows.
    tracker = new DefaultOperationTracker({
      store: OperationStore.fromKnex(started.knex),
      fleet: new FakeTrackedFleet(),
      logger: mockServices.logger.mock(),
    });
    const waiting = {
      title: 'Onboard ledger',
      check: () => ({
        steps: [
          { id: 'aws', title: 'ledger on aws', state: 'done' as const },
          { id: 'gcp', title: 'ledger on gcp', state: 'running' as const },
        ],
        done: false,
      }),
    };
    acme = await tracker.start({
      kind: 'namespace.onboard',
      target: { hub: 'prod', project: 'acme', slice: 'payments' },
      actor: 'user:default/alice',
      timeoutMs: 600_000,
      phases: [waiting],
    });
    arcade = await tracker.start({
      kind: 'slice.delete',
      target: { hub: 'prod', project: 'arcade', slice: 'pacman' },
      actor: 'user:default/bob',
      timeoutMs: 600_000,
      phases: [waiting],
    });
    await tracker.idle();
  });

  afterAll(async () => {
    await tracker?.stop();
    await started?.backend.stop();
  });

  it('answers an operation with its steps, uncached', async () => {
    const res = await started.get(`/v1/operations/${acme.id}`).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      id: acme.id,
      kind: 'namespace.onboard',
      target: { hub: 'prod', project: 'acme', slice: 'payments' },
      actor: 'user:default/alice',
      createdAt: acme.createdAt,
      updatedAt: expect.any(String),
      state: 'running',
      steps: [
        { id: 'aws', title: 'ledger on aws', state: 'done' },
        { id: 'gcp', title: 'ledger on gcp', state: 'running' },
      ],
    });
    expect(schemaErrors('Operation', res.body)).toBeNull();
    await started.get(`/v1/operations/${arcade.id}`).expect(200);
  });

  it("shows a tenant only its projects' operations; another project's is the same 404 as an unknown id", async () => {
    await started.get(`/v1/operations/${acme.id}`, 'tenant').expect(200);
    const foreign = await started
      .get(`/v1/operations/${arcade.id}`, 'tenant')
      .expect(404);
    expect(foreign.body.error.message).toBe(
      `No operation '${arcade.id}' that you may read`,
    );
    expect(JSON.stringify(foreign.body)).not.toContain('pacman');
    const unknown = await started
      .get('/v1/operations/00000000-0000-0000-0000-000000000000')
      .expect(404);
    expect(unknown.body.error.message).toBe(
      "No operation '00000000-0000-0000-0000-000000000000' that you may read",
    );
  });

  it('rejects malformed ids and unknown parameters with 400, and anonymous callers with 401', async () => {
    const bad = await started.get('/v1/operations/not_an;id').expect(400);
    expect(bad.body.error.message).toContain("'id'");
    await started.get(`/v1/operations/${'a'.repeat(65)}`).expect(400);
    const extra = await started
      .get(`/v1/operations/${acme.id}?verbose=1`)
      .expect(400);
    expect(extra.body.error.message).toContain('verbose');
    await started.get(`/v1/operations/${acme.id}`, 'none').expect(401);
  });
});
