import {
  NS,
  SLICES,
  TOKEN,
  openWatch,
  sliceConfig,
  startTestServer,
} from './testHarness';

describe('ApiServer REST verbs', () => {
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  beforeEach(async () => {
    ctx = await startTestServer();
  });
  afterEach(() => ctx.server.close());

  it('serves discovery with scope, kind, verbs and short names', async () => {
    const groups = await ctx.request('GET', '/apis');
    expect(groups.body.groups.map((g: any) => g.name)).toEqual(
      expect.arrayContaining([
        'controller.kubeslice.io',
        'worker.kubeslice.io',
      ]),
    );
    const list = await ctx.request(
      'GET',
      '/apis/controller.kubeslice.io/v1alpha1',
    );
    const sc = list.body.resources.find((r: any) => r.name === 'sliceconfigs');
    expect(sc).toMatchObject({
      kind: 'SliceConfig',
      namespaced: true,
      singularName: 'sliceconfig',
    });
    expect(sc.verbs).toEqual(
      expect.arrayContaining(['get', 'list', 'watch', 'create', 'patch']),
    );
    expect(list.body.resources.map((r: any) => r.name)).toContain(
      'sliceconfigs/status',
    );
    const core = await ctx.request('GET', '/api/v1');
    expect(
      core.body.resources.find((r: any) => r.name === 'namespaces'),
    ).toMatchObject({ namespaced: false, shortNames: ['ns'] });
    expect((await ctx.request('GET', '/version')).body.major).toBe('1');
  });

  it('lists with kind/apiVersion on items, selectors and pagination', async () => {
    const all = await ctx.request(
      'GET',
      '/apis/controller.kubeslice.io/v1alpha1/sliceconfigs',
    );
    expect(all.body.kind).toBe('SliceConfigList');
    expect(all.body.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(
      all.body.items.map((i: any) => [i.kind, i.apiVersion, i.metadata.name]),
    ).toEqual([
      ['SliceConfig', 'controller.kubeslice.io/v1alpha1', 'leaderboard'],
      ['SliceConfig', 'controller.kubeslice.io/v1alpha1', 'pacman'],
    ]);
    const gold = await ctx.request(
      'GET',
      `${SLICES}?labelSelector=${encodeURIComponent('tier in (gold)')}`,
    );
    expect(gold.body.items.map((i: any) => i.metadata.name)).toEqual([
      'pacman',
    ]);
    const byName = await ctx.request(
      'GET',
      `${SLICES}?fieldSelector=metadata.name%3Dleaderboard`,
    );
    expect(byName.body.items).toHaveLength(1);
    const page1 = await ctx.request('GET', `${SLICES}?limit=1`);
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.metadata.remainingItemCount).toBe(1);
    const page2 = await ctx.request(
      'GET',
      `${SLICES}?limit=1&continue=${page1.body.metadata.continue}`,
    );
    expect(page2.body.items[0].metadata.name).toBe('pacman');
    expect(page2.body.metadata.continue).toBeUndefined();
  });

  it('creates, updates with optimistic concurrency, patches and deletes', async () => {
    const created = await ctx.request('POST', SLICES, sliceConfig('payments'));
    expect(created.status).toBe(201);
    expect(created.body.metadata).toMatchObject({
      name: 'payments',
      namespace: NS,
      generation: 1,
    });
    const dup = await ctx.request('POST', SLICES, sliceConfig('payments'));
    expect(dup.body).toMatchObject({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'AlreadyExists',
      code: 409,
    });

    const updated = await ctx.request('PUT', `${SLICES}/payments`, {
      ...created.body,
      spec: { ...created.body.spec, maxClusters: 8 },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.metadata.generation).toBe(2);
    const stale = await ctx.request('PUT', `${SLICES}/payments`, created.body);
    expect(stale.body).toMatchObject({ reason: 'Conflict', code: 409 });

    const merge = await ctx.request(
      'PATCH',
      `${SLICES}/payments`,
      { metadata: { labels: { env: 'prod' } } },
      { 'content-type': 'application/merge-patch+json' },
    );
    expect(merge.body.metadata.labels).toEqual({ env: 'prod' });
    expect(merge.body.metadata.generation).toBe(2);
    const json = await ctx.request(
      'PATCH',
      `${SLICES}/payments`,
      [{ op: 'replace', path: '/spec/maxClusters', value: 16 }],
      { 'content-type': 'application/json-patch+json' },
    );
    expect(json.body.spec.maxClusters).toBe(16);
    const strategic = await ctx.request(
      'PATCH',
      `${SLICES}/payments`,
      {},
      { 'content-type': 'application/strategic-merge-patch+json' },
    );
    expect(strategic.status).toBe(415);

    const deleted = await ctx.request('DELETE', `${SLICES}/payments`);
    expect(deleted.status).toBe(200);
    const gone = await ctx.request('GET', `${SLICES}/payments`);
    expect(gone.body).toMatchObject({
      reason: 'NotFound',
      code: 404,
      message: 'sliceconfigs.controller.kubeslice.io "payments" not found',
    });
  });

  it('keeps status for the /status subresource only', async () => {
    const created = await ctx.request('POST', SLICES, {
      ...sliceConfig('s1'),
      status: { ignored: true },
    });
    expect(created.body.status).toBeUndefined();
    const withStatus = await ctx.request(
      'PATCH',
      `${SLICES}/s1/status`,
      { status: { kubesliceEvents: [] } },
      { 'content-type': 'application/merge-patch+json' },
    );
    expect(withStatus.body.status).toEqual({ kubesliceEvents: [] });
    const mainPatch = await ctx.request(
      'PATCH',
      `${SLICES}/s1`,
      { status: null, spec: { maxClusters: 3 } },
      { 'content-type': 'application/merge-patch+json' },
    );
    expect(mainPatch.body.status).toEqual({ kubesliceEvents: [] });
    expect(mainPatch.body.spec.maxClusters).toBe(3);
  });

  it('answers bad input with 400/404/422 Status objects', async () => {
    expect(
      (
        await ctx.request('POST', SLICES, {
          ...sliceConfig('x'),
          kind: 'Cluster',
        })
      ).body,
    ).toMatchObject({ code: 400, reason: 'BadRequest' });
    expect(
      (
        await ctx.request(
          'POST',
          `/apis/controller.kubeslice.io/v1alpha1/namespaces/nope/sliceconfigs`,
          { ...sliceConfig('x'), metadata: { name: 'x' } },
        )
      ).body,
    ).toMatchObject({
      code: 404,
      message: 'namespaces "nope" not found',
    });
    expect(
      (
        await ctx.request(
          'POST',
          `/apis/controller.kubeslice.io/v1alpha1/namespaces/other/sliceconfigs`,
          sliceConfig('x'),
        )
      ).body,
    ).toMatchObject({ code: 400 });
    expect(
      (await ctx.request('PUT', `${SLICES}/pacman`, sliceConfig('pacman')))
        .body,
    ).toMatchObject({ code: 422, reason: 'Invalid' });
    expect(
      (await ctx.request('GET', `${SLICES}?labelSelector=a%3D%3D%3D`)).body,
    ).toMatchObject({ code: 400 });
    expect(
      (
        await ctx.request(
          'GET',
          '/apis/controller.kubeslice.io/v1alpha1/namespaces/x/nosuchthings',
        )
      ).status,
    ).toBe(404);
    const res = await fetch(`${ctx.base}${SLICES}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
      },
      body: '{not json',
    });
    expect(res.status).toBe(400);
  });

  it('requires a known bearer token (401 Status) except for /version', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }] as Array<
      Record<string, string>
    >) {
      const res = await fetch(`${ctx.base}${SLICES}`, { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({
        kind: 'Status',
        code: 401,
        reason: 'Unauthorized',
      });
    }
    expect((await fetch(`${ctx.base}/version`)).status).toBe(200);
    expect(
      (
        await fetch(`${ctx.server.url}/clusters/nope/api`, {
          headers: { authorization: `Bearer ${TOKEN}` },
        })
      ).status,
    ).toBe(404);
  });

  it('returns a meta.k8s.io Table when kubectl asks for one', async () => {
    const res = await ctx.request(
      'GET',
      '/apis/controller.kubeslice.io/v1alpha1/sliceconfigs',
      undefined,
      {
        accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
      },
    );
    expect(res.body.kind).toBe('Table');
    expect(res.body.columnDefinitions.map((c: any) => c.name)).toEqual([
      'Name',
      'Age',
    ]);
    expect(res.body.rows[0].cells[0]).toBe('leaderboard');
    expect(res.body.rows[0].object.metadata.namespace).toBe(NS);
  });
});

describe('ApiServer watch', () => {
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  afterEach(() => ctx.server.close());

  it('streams initial state, then changes after a write', async () => {
    ctx = await startTestServer();
    const watch = await openWatch(`${ctx.base}${SLICES}?watch=true`);
    await watch.waitFor(2);
    expect(watch.events.map(e => [e.type, e.object.metadata.name])).toEqual([
      ['ADDED', 'leaderboard'],
      ['ADDED', 'pacman'],
    ]);
    await ctx.request(
      'PATCH',
      `${SLICES}/pacman`,
      { spec: { maxClusters: 9 } },
      { 'content-type': 'application/merge-patch+json' },
    );
    const events = await watch.waitFor(3);
    expect(events[2]).toMatchObject({
      type: 'MODIFIED',
      object: {
        kind: 'SliceConfig',
        apiVersion: 'controller.kubeslice.io/v1alpha1',
        spec: { maxClusters: 9 },
      },
    });
    watch.close();
  });

  it('resumes from a resourceVersion and applies selector transitions', async () => {
    ctx = await startTestServer();
    const list = await ctx.request('GET', SLICES);
    const rv = list.body.metadata.resourceVersion;
    await ctx.request('POST', SLICES, sliceConfig('new-one', { tier: 'gold' }));
    const watch = await openWatch(
      `${ctx.base}${SLICES}?watch=1&resourceVersion=${rv}&labelSelector=tier%3Dgold`,
    );
    await watch.waitFor(1);
    expect(watch.events[0]).toMatchObject({
      type: 'ADDED',
      object: { metadata: { name: 'new-one' } },
    });
    // pacman stops matching the selector: the watcher sees it as deleted.
    await ctx.request(
      'PATCH',
      `${SLICES}/pacman`,
      { metadata: { labels: { tier: 'silver' } } },
      { 'content-type': 'application/merge-patch+json' },
    );
    await watch.waitFor(2);
    expect(watch.events[1]).toMatchObject({
      type: 'DELETED',
      object: { metadata: { name: 'pacman' } },
    });
    watch.close();
  });

  it('sends 410 Expired as an ERROR event for compacted versions', async () => {
    ctx = await startTestServer({ historyLimit: 2 });
    for (const n of ['a', 'b', 'c', 'd'])
      await ctx.request('POST', SLICES, sliceConfig(n));
    const watch = await openWatch(
      `${ctx.base}${SLICES}?watch=true&resourceVersion=1`,
    );
    await watch.ended;
    expect(watch.events).toEqual([
      {
        type: 'ERROR',
        object: expect.objectContaining({
          kind: 'Status',
          code: 410,
          reason: 'Expired',
        }),
      },
    ]);
  });

  it('sends BOOKMARK events when allowed, and ends at timeoutSeconds', async () => {
    ctx = await startTestServer({ bookmarkIntervalMs: 50 });
    const rv = (await ctx.request('GET', SLICES)).body.metadata.resourceVersion;
    const watch = await openWatch(
      `${ctx.base}${SLICES}?watch=true&resourceVersion=${rv}&allowWatchBookmarks=true&timeoutSeconds=1`,
    );
    await watch.waitFor(1);
    expect(watch.events[0]).toEqual({
      type: 'BOOKMARK',
      object: {
        kind: 'SliceConfig',
        apiVersion: 'controller.kubeslice.io/v1alpha1',
        metadata: { resourceVersion: rv },
      },
    });
    await watch.ended;
    expect(watch.events.every(e => e.type === 'BOOKMARK')).toBe(true);
  });

  it('ends open watches on close()', async () => {
    ctx = await startTestServer();
    const watch = await openWatch(`${ctx.base}${SLICES}?watch=true`);
    await watch.waitFor(2);
    await ctx.server.close();
    await watch.ended;
    expect(watch.events.map(e => e.type)).toEqual(['ADDED', 'ADDED']);
  });
});
