import { startFleetSim, type FleetSim } from '../sim/startFleetSim';
import { simRequest } from '../sim/testClient';

/**
 * Server-side apply over verified HTTPS: create-or-merge, managed fields per
 * manager, conflicts (409) and `force`, removal of fields no longer applied,
 * and the option checks.
 */

const C = '/apis/controller.kubeslice.io/v1alpha1/namespaces/kubeslice-arcade';
const APPLY = 'application/apply-patch+yaml';
let sim: FleetSim;
beforeAll(async () => {
  sim = await startFleetSim({ statusIntervalMs: 0 });
});
afterAll(() => sim.close());

const qos = (
  name: string,
  spec: Record<string, unknown>,
  labels?: Record<string, string>,
) => ({
  apiVersion: 'controller.kubeslice.io/v1alpha1',
  kind: 'SliceQoSConfig',
  metadata: { name, ...(labels ? { labels } : {}) },
  spec,
});

const FULL = {
  queueType: 'HTB',
  priority: 1,
  tcType: 'BANDWIDTH_CONTROL',
  bandwidthCeilingKbps: 20000,
  bandwidthGuaranteedKbps: 5000,
  dscpClass: 'AF21',
};

function apply(
  name: string,
  body: unknown,
  query = 'fieldManager=alice',
  rawBody?: string,
) {
  return simRequest(sim, {
    method: 'PATCH',
    path: `${C}/sliceqosconfigs/${name}?${query}`,
    contentType: APPLY,
    body,
    rawBody,
  });
}

const owners = (obj: any) =>
  Object.fromEntries(
    (obj.metadata.managedFields ?? []).map((e: any) => [
      `${e.manager}/${e.operation}`,
      e.fieldsV1,
    ]),
  );

describe('server-side apply', () => {
  it('creates the object from YAML and records the applier as its manager', async () => {
    const yaml = `apiVersion: controller.kubeslice.io/v1alpha1
kind: SliceQoSConfig
metadata:
  name: ssa-one
  labels: {team: a}
spec:
  queueType: HTB
  priority: 1
  tcType: BANDWIDTH_CONTROL
  bandwidthCeilingKbps: 20000
  bandwidthGuaranteedKbps: 5000
  dscpClass: AF21
`;
    const res = await apply('ssa-one', undefined, 'fieldManager=alice', yaml);
    expect(res.status).toBe(201);
    expect(res.body.metadata.managedFields).toEqual([
      {
        manager: 'alice',
        operation: 'Apply',
        apiVersion: 'controller.kubeslice.io/v1alpha1',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { 'f:team': {} } },
          'f:spec': {
            'f:queueType': {},
            'f:priority': {},
            'f:tcType': {},
            'f:bandwidthCeilingKbps': {},
            'f:bandwidthGuaranteedKbps': {},
            'f:dscpClass': {},
          },
        },
      },
    ]);
    const got = await simRequest(sim, { path: `${C}/sliceqosconfigs/ssa-one` });
    expect(owners(got.body)['alice/Apply']).toBeDefined();
    // Lists stay as they were: no managedFields in items.
    const list = await simRequest(sim, { path: `${C}/sliceqosconfigs` });
    const item = list.body.items.find(
      (i: any) => i.metadata.name === 'ssa-one',
    );
    expect(item.metadata.managedFields).toBeUndefined();
  });

  it('shares fields applied with the same value, and answers 409 for a different one', async () => {
    const same = await apply(
      'ssa-one',
      qos('ssa-one', { priority: 1 }),
      'fieldManager=bob',
    );
    expect(same.status).toBe(200);
    const conflict = await apply(
      'ssa-one',
      qos('ssa-one', { priority: 2, dscpClass: 'AF11' }),
      'fieldManager=carol',
    );
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({
      kind: 'Status',
      reason: 'Conflict',
      code: 409,
      message:
        'Apply failed with 3 conflicts: conflicts with "alice":\n- .spec.priority\n- .spec.dscpClass\nconflicts with "bob":\n- .spec.priority',
    });
    expect(conflict.body.details.causes).toEqual(
      expect.arrayContaining([
        {
          reason: 'FieldManagerConflict',
          message: 'conflict with "alice"',
          field: '.spec.priority',
        },
        {
          reason: 'FieldManagerConflict',
          message: 'conflict with "bob"',
          field: '.spec.priority',
        },
      ]),
    );
    const one = await apply(
      'ssa-one',
      qos('ssa-one', { dscpClass: 'AF11' }),
      'fieldManager=carol',
    );
    expect(one.body.message).toBe(
      'Apply failed with 1 conflict: conflict with "alice": .spec.dscpClass',
    );
  });

  it('force=true takes the fields over', async () => {
    const res = await apply(
      'ssa-one',
      qos('ssa-one', { priority: 2 }),
      'fieldManager=carol&force=true',
    );
    expect(res.status).toBe(200);
    expect(res.body.spec.priority).toBe(2);
    const fields = owners(res.body);
    expect(fields['carol/Apply']).toEqual({ 'f:spec': { 'f:priority': {} } });
    expect(Object.keys(fields['alice/Apply']['f:spec'])).not.toContain(
      'f:priority',
    );
    expect(fields['bob/Apply']).toBeUndefined();
    // alice applying her old value now conflicts with carol.
    const back = await apply('ssa-one', qos('ssa-one', FULL, { team: 'a' }));
    expect(back.body.message).toBe(
      'Apply failed with 1 conflict: conflict with "carol": .spec.priority',
    );
  });

  it('removes fields the manager stops applying, unless another manager owns them', async () => {
    await apply('ssa-two', qos('ssa-two', FULL, { a: '1', b: '2' }));
    const shared = await apply(
      'ssa-two',
      qos('ssa-two', {}, { b: '2' }),
      'fieldManager=dave',
    );
    expect(shared.status).toBe(200);
    const fewer = await apply('ssa-two', qos('ssa-two', FULL, {}));
    expect(fewer.status).toBe(200);
    // `a` was alice's only: gone; `b` is dave's too: kept.
    expect(fewer.body.metadata.labels).toEqual({ b: '2' });
  });

  it('conflicts with a manager that updated the field, naming its version and time', async () => {
    await apply('ssa-three', qos('ssa-three', FULL));
    const edit = await simRequest(sim, {
      method: 'PATCH',
      path: `${C}/sliceqosconfigs/ssa-three?fieldManager=editor`,
      contentType: 'application/merge-patch+json',
      body: { spec: { priority: 5 } },
    });
    expect(owners(edit.body)['editor/Update']).toEqual({
      'f:spec': { 'f:priority': {} },
    });
    const res = await apply('ssa-three', qos('ssa-three', FULL));
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(
      /^Apply failed with 1 conflict: conflict with "editor" using controller\.kubeslice\.io\/v1alpha1 at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ: \.spec\.priority$/,
    );
    // A PUT with an empty managedFields list resets them: no conflict any more.
    const current = (
      await simRequest(sim, { path: `${C}/sliceqosconfigs/ssa-three` })
    ).body;
    const reset = await simRequest(sim, {
      method: 'PUT',
      path: `${C}/sliceqosconfigs/ssa-three`,
      body: {
        ...current,
        metadata: { ...current.metadata, managedFields: [] },
      },
      headers: { 'user-agent': '' },
    });
    expect(reset.body.metadata.managedFields).toBeUndefined();
    expect((await apply('ssa-three', qos('ssa-three', FULL))).status).toBe(200);
  });

  it('checks the options and the applied configuration like the API server', async () => {
    const noManager = await apply('ssa-x', qos('ssa-x', FULL), '');
    expect(noManager.status).toBe(422);
    expect(noManager.body.message).toBe(
      'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
    );
    const forced = await simRequest(sim, {
      method: 'PATCH',
      path: `${C}/sliceqosconfigs/ssa-one?force=true`,
      contentType: 'application/merge-patch+json',
      body: { spec: { priority: 1 } },
    });
    expect(forced.status).toBe(422);
    expect(forced.body.message).toBe(
      'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch',
    );
    const unknown = await apply('ssa-x', qos('ssa-x', { ...FULL, foo: 1 }));
    expect(unknown.status).toBe(500);
    expect(unknown.body.message).toBe(
      'failed to create typed patch object (kubeslice-arcade/ssa-x; controller.kubeslice.io/v1alpha1, Kind=SliceQoSConfig): .spec.foo: field not declared in schema',
    );
    const managed = await apply('ssa-x', {
      ...qos('ssa-x', FULL),
      metadata: { name: 'ssa-x', managedFields: [] },
    });
    expect(managed.status).toBe(400);
    expect(managed.body.message).toBe('metadata.managedFields must be nil');
    const badYaml = await apply(
      'ssa-x',
      undefined,
      'fieldManager=alice',
      'spec: [a',
    );
    expect(badYaml.status).toBe(400);
    expect(badYaml.body.message).toMatch(/^error decoding YAML: /);
    expect(
      (await simRequest(sim, { path: `${C}/sliceqosconfigs/ssa-x` })).status,
    ).toBe(404);
  });

  it('applies to the main resource without touching spec fields it omits or status', async () => {
    const hub = sim.cluster('hub')!;
    const rt = hub.resourceType('sliceconfigs', 'controller.kubeslice.io');
    const before = hub.store.get(rt, 'kubeslice-arcade', 'pacman')!;
    const main = await simRequest(sim, {
      method: 'PATCH',
      path: `${C}/sliceconfigs/pacman?fieldManager=ops`,
      contentType: APPLY,
      body: {
        apiVersion: 'controller.kubeslice.io/v1alpha1',
        kind: 'SliceConfig',
        metadata: { name: 'pacman', labels: { owner: 'ops' } },
        status: { kubesliceEvents: [] },
      },
    });
    expect(main.status).toBe(200);
    expect(main.body.metadata.labels.owner).toBe('ops');
    expect(main.body.status).toEqual(before.status);
    expect(main.body.spec).toEqual(before.spec);
    expect(owners(main.body)['ops/Apply']).toEqual({
      'f:metadata': { 'f:labels': { 'f:owner': {} } },
    });
  });
});
