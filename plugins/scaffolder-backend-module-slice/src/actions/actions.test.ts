import fs from 'fs';
import path from 'path';
import {
  ACME,
  actionContext,
  exampleInputs,
  eventually,
  startSliceBackend,
  START_TIMEOUT_MS,
  type SliceBackend,
} from '../__testUtils__/sliceBackend';
import { createSliceActions } from '.';

/**
 * The kubeslice actions against the fleet simulator through a real slice backend: real
 * writes over HTTP as the user who runs the template, each action's documented examples
 * executed as written.
 */
describe('kubeslice scaffolder actions', () => {
  let fleet: SliceBackend;
  let actions: ReturnType<typeof createSliceActions>;
  const action = (id: string) => actions.find(a => a.id === id)!;
  const run = async (
    id: string,
    input: Record<string, any>,
    options: { user?: string; isDryRun?: boolean } = {},
  ) => {
    const { ctx, outputs } = actionContext({ input, ...options });
    await action(id).handler(ctx);
    return { outputs, ctx };
  };

  beforeAll(async () => {
    fleet = await startSliceBackend();
    actions = createSliceActions(fleet.deps);
  }, START_TIMEOUT_MS);
  afterAll(() => fleet?.stop(), 30_000);

  it('offers every action with examples and dry-run support', () => {
    expect(actions.map(a => a.id).sort()).toEqual([
      'kubeslice:cluster:register',
      'kubeslice:manifests:render',
      'kubeslice:namespace:offboard',
      'kubeslice:namespace:onboard',
      'kubeslice:service:export',
      'kubeslice:slice:create',
      'kubeslice:slice:wait',
    ]);
    for (const a of actions) {
      expect(a.supportsDryRun).toBe(true);
      expect(a.examples?.length).toBeGreaterThan(0);
    }
  });

  it('create example: writes the slice, waits for its operation and outputs its catalog ref and page', async () => {
    const [input] = exampleInputs(action('kubeslice:slice:create'));
    const { outputs, ctx } = await run('kubeslice:slice:create', input);
    expect(outputs).toMatchObject({
      dryRun: false,
      sliceRef: 'resource:default/demo.acme.checkout',
      pageUrl: 'http://portal.test/slices/demo/acme/checkout',
      operationId: expect.any(String),
    });
    // A free subnet was chosen, the operation was followed step by step in the log.
    expect(outputs.yaml).toMatch(/sliceSubnet: 10\.\d+\.0\.0\/16/);
    expect(ctx.logger.info).toHaveBeenCalledWith(
      expect.stringMatching(/sliceSubnet not given; using 10\./),
    );
    const slice = await fleet.get('/v1/slices/demo/acme/checkout');
    expect(slice.status).toBe(200);
    expect(slice.body.members.map((m: any) => m.cluster).sort()).toEqual([
      'aws-eu',
      'azure-us',
    ]);
    expect(slice.body.namespaces).toEqual(['checkout']);
  });

  it('a scaffolder dry run checks and renders the slice but writes nothing', async () => {
    const [example] = exampleInputs(action('kubeslice:slice:create'));
    const { outputs } = await run(
      'kubeslice:slice:create',
      {
        ...example,
        name: 'rehearsal',
        namespaces: [{ namespace: 'rehearsal' }],
      },
      { isDryRun: true },
    );
    expect(outputs.dryRun).toBe(true);
    expect(outputs.operationId).toBeUndefined();
    expect(outputs.yaml).toContain('name: rehearsal');
    expect((await fleet.get('/v1/slices/demo/acme/rehearsal')).status).toBe(
      404,
    );
  });

  it("refuses a tenant's template run outside its project, naming the permission", async () => {
    const [example] = exampleInputs(action('kubeslice:slice:create'));
    await expect(
      run(
        'kubeslice:slice:create',
        {
          ...example,
          project: 'arcade',
          name: 'intruder',
          clusters: ['aws-east', 'gcp-west'],
        },
        { user: ACME },
      ),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringMatching(/kubeslice\.slice\.create/),
    });
    expect((await fleet.get('/v1/slices/demo/arcade/intruder')).status).toBe(
      404,
    );
  });

  it('rejects bad input naming the input to fix', async () => {
    const [example] = exampleInputs(action('kubeslice:slice:create'));
    await expect(
      run('kubeslice:slice:create', {
        ...example,
        name: 'badnet',
        sliceSubnet: '10.1.0.0/8',
      }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/- sliceSubnet: /),
    });
    await expect(
      run('kubeslice:namespace:onboard', {
        hub: 'demo',
        project: 'arcade',
        slice: 'pacman',
        namespace: 'Not_A_Namespace',
      }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/- namespace: /),
    });
  });

  it('onboard and offboard examples: the namespace joins every member, then leaves one', async () => {
    const [onboard] = exampleInputs(action('kubeslice:namespace:onboard'));
    const on = await run('kubeslice:namespace:onboard', onboard);
    expect(on.outputs.operationId).toEqual(expect.any(String));
    const [offboard] = exampleInputs(action('kubeslice:namespace:offboard'));
    const off = await run('kubeslice:namespace:offboard', offboard);
    expect(off.outputs.yaml).toContain('arcade-stats');
    const slice = await fleet.get('/v1/slices/demo/arcade/pacman');
    const entry =
      slice.body.sliceConfig.spec.namespaceIsolationProfile.applicationNamespaces.find(
        (n: any) => n.namespace === 'arcade-stats',
      );
    expect([...entry.clusters].sort()).toEqual(['aws-east', 'gcp-west']);
  });

  it('wait example: follows an operation to done; a failed lookup says which', async () => {
    const [onboard] = exampleInputs(action('kubeslice:namespace:onboard'));
    const { outputs } = await run('kubeslice:namespace:onboard', {
      ...onboard,
      namespace: 'arcade-wait',
    });
    const [wait] = exampleInputs(action('kubeslice:slice:wait'));
    const waited = await run('kubeslice:slice:wait', {
      ...wait,
      operationId: outputs.operationId,
    });
    expect(waited.outputs.state).toBe('done');
    expect(waited.ctx.logger.info).toHaveBeenCalled();
    await expect(
      run('kubeslice:slice:wait', { operationId: 'no-such-operation' }),
    ).rejects.toThrow(/no-such-operation|not found/i);
    const skipped = await run(
      'kubeslice:slice:wait',
      { operationId: outputs.operationId },
      { isDryRun: true },
    );
    expect(skipped.outputs.state).toBe('skipped');
  });

  it('export example: without write credentials for the worker, hands out the manifest to apply', async () => {
    // The backend here has no `workers.write` credentials, so the ServiceExport is not
    // written for the user: the step says so and outputs the manifest.
    const [input] = exampleInputs(action('kubeslice:service:export'));
    const { outputs, ctx } = await run('kubeslice:service:export', input);
    expect(outputs).toMatchObject({
      dryRun: false,
      applied: false,
      sliceRef: 'resource:default/demo.arcade.pacman',
    });
    expect(outputs.yaml).toMatch(
      /kind: ServiceExport[\s\S]*name: pacman[\s\S]*containerPort: 8080/,
    );
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/aws-east/),
    );
    // Preflight's warnings reach the task log, named by the step's input.
    const stray = await run('kubeslice:service:export', {
      ...input,
      namespace: 'not-on-the-slice',
    });
    expect(stray.ctx.logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/^namespace: /),
    );
    await expect(
      run('kubeslice:service:export', {
        ...input,
        ports: [{ containerPort: 70000 }],
      }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/- ports\[0\]\.containerPort: /),
    });
  });

  it('register example: the Cluster is on the hub; a tenant may not register one', async () => {
    const [input] = exampleInputs(action('kubeslice:cluster:register'));
    const { outputs } = await run('kubeslice:cluster:register', input);
    expect(outputs.clusterRef).toBe('resource:default/demo.edge-lisbon');
    await eventually(
      () => fleet.get('/v1/clusters'),
      c => JSON.stringify(c.body).includes('edge-lisbon'),
    );
    await expect(
      run(
        'kubeslice:cluster:register',
        { ...input, name: 'edge-porto' },
        { user: ACME },
      ),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
  });

  it('render example: writes the manifest into the workspace and nothing to the hub', async () => {
    const [input] = exampleInputs(action('kubeslice:manifests:render'));
    const { outputs, ctx } = await run('kubeslice:manifests:render', input);
    expect(outputs.path).toBe('slices/ledger.yaml');
    const written = fs.readFileSync(
      path.join(ctx.workspacePath, 'slices/ledger.yaml'),
      'utf8',
    );
    expect(written).toMatch(/kind: SliceConfig[\s\S]*name: ledger/);
    expect(written).toContain('10.77.0.0/16');
    expect((await fleet.get('/v1/slices/demo/acme/ledger')).status).toBe(404);
    // The default file name comes from the object; a path out of the workspace is refused.
    const onboard = await run('kubeslice:manifests:render', {
      action: 'kubeslice:namespace:onboard',
      input: {
        hub: 'demo',
        project: 'arcade',
        slice: 'pacman',
        namespace: 'gitops-ns',
      },
    });
    expect(onboard.outputs.path).toBe('kubeslice/sliceconfig-pacman.yaml');
    await expect(
      run('kubeslice:manifests:render', { ...input, path: '../outside.yaml' }),
    ).rejects.toThrow(/outside/i);
  });
});
