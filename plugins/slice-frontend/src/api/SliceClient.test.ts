import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { sliceApiSpec } from '@slice-portal/plugin-slice-common';
import { SliceClient } from './SliceClient';
import { SliceWriteError } from './SliceWriteError';

/** The document's GET paths a browser client calls (`/health` is for probes). */
const documentedGets = Object.entries(sliceApiSpec.paths)
  .filter(([path, item]) => 'get' in item && path !== '/health')
  .map(([path]) => path);
/** Every write route of the document, as `METHOD path`. */
const documentedWrites = Object.entries(sliceApiSpec.paths).flatMap(
  ([path, item]) =>
    Object.keys(item)
      .filter(method => method !== 'get')
      .map(method => `${method.toUpperCase()} ${path}`),
);
const matches = (template: string, url: string) =>
  new RegExp(`^${template.replace(/\{\w+\}/g, '[^/?]+')}(\\?|$)`).test(url);

describe('SliceClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const seen: string[] = [];
  const client = new SliceClient({
    discoveryApi: { getBaseUrl: async () => 'http://backend/api/slice' },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  beforeEach(() => {
    seen.length = 0;
    server.use(
      http.get('http://backend/api/slice/*', ({ request }) => {
        const url = new URL(request.url);
        seen.push(url.pathname.replace('/api/slice', '') + url.search);
        return HttpResponse.json({ items: [], errors: [] });
      }),
    );
  });

  it('builds every route with its query, leaving out what is not set', async () => {
    await client.getFleet();
    await client.listSlices({ hub: 'demo', cluster: 'aws-east', text: '' });
    await client.listClusters();
    await client.getCluster({ hub: 'demo', name: 'edge nyc' });
    await client.getSlice({ hub: 'demo', project: 'arcade', name: 'pacman' });
    await client.getTopology({
      hub: 'demo',
      project: 'arcade',
      name: 'pacman',
    });
    await client.listTunnels({ project: 'arcade' });
    await client.listEvents({ slice: 'pacman', type: 'Warning', limit: 50 });
    await client.getLatency({
      hub: 'demo',
      project: 'arcade',
      slice: 'pacman',
      step: '1m',
      byPod: true,
    });
    await client.getLatencyMatrix({
      hub: 'demo',
      project: 'arcade',
      slice: 'pacman',
      window: '24h',
    });
    await client.getOperation({ id: 'op-1' });
    await client.listAudit({ project: 'arcade', actor: 'user:default/ana' });
    expect(seen).toEqual([
      '/v1/fleet',
      '/v1/slices?hub=demo&cluster=aws-east',
      '/v1/clusters',
      '/v1/clusters/demo/edge%20nyc',
      '/v1/slices/demo/arcade/pacman',
      '/v1/slices/demo/arcade/pacman/topology',
      '/v1/tunnels?project=arcade',
      '/v1/events?slice=pacman&type=Warning&limit=50',
      '/v1/latency?hub=demo&project=arcade&slice=pacman&step=1m&byPod=true',
      '/v1/latency/matrix?hub=demo&project=arcade&slice=pacman&window=24h',
      '/v1/operations/op-1',
      '/v1/audit?project=arcade&actor=user%3Adefault%2Fana',
    ]);
    // A route added to the document without a client method fails here.
    expect(
      documentedGets.filter(path => !seen.some(url => matches(path, url))),
    ).toEqual([]);
  });

  it('throws a ResponseError carrying the status', async () => {
    server.use(
      http.get('http://backend/api/slice/v1/slices/demo/acme/payments', () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError', message: 'no' } },
          { status: 403 },
        ),
      ),
    );
    await expect(
      client.getSlice({ hub: 'demo', project: 'acme', name: 'payments' }),
    ).rejects.toMatchObject({ name: 'ResponseError', statusCode: 403 });
  });

  describe('writes', () => {
    const writes: { method: string; url: string; body: unknown }[] = [];
    const result = {
      dryRun: true,
      object: {},
      yaml: 'kind: SliceConfig\n',
      diff: { changes: [], text: '' },
      preflight: [],
    };
    beforeEach(() => {
      writes.length = 0;
      server.use(
        http.all('http://backend/api/slice/*', async ({ request }) => {
          const url = new URL(request.url);
          const text = await request.text();
          writes.push({
            method: request.method,
            url: url.pathname.replace('/api/slice', '') + url.search,
            body: text ? JSON.parse(text) : undefined,
          });
          return HttpResponse.json(result);
        }),
      );
    });
    const slice = { hub: 'demo', project: 'arcade', name: 'pacman' };
    const qos = {
      priority: 1,
      bandwidthCeilingKbps: 20000,
      bandwidthGuaranteedKbps: 5000,
      dscpClass: 'AF11' as const,
    };

    it('calls every write route of the document, with dryRun only when asked', async () => {
      const dry = { dryRun: true };
      await client.createSlice(
        { hub: 'demo', project: 'arcade' },
        { name: 'tetris', spec: { clusters: ['aws-east', 'gcp-west'] } },
        dry,
      );
      await client.updateSlice(slice, { addClusters: ['edge-nyc'] });
      await client.deleteSlice(slice, dry);
      await client.onboardNamespace(slice, {
        namespace: 'web',
        clusters: ['*'],
      });
      await client.offboardNamespace({ ...slice, namespace: 'web' }, [
        'aws-east',
        'gcp-west',
      ]);
      await client.offboardNamespace({ ...slice, namespace: 'db' }, [], dry);
      await client.exportService(
        slice,
        {
          cluster: 'aws-east',
          namespace: 'web',
          name: 'api',
          spec: {
            selector: { matchLabels: { app: 'api' } },
            ports: [{ containerPort: 8080 }],
          },
        },
        dry,
      );
      await client.registerCluster(
        { hub: 'demo', project: 'arcade' },
        { name: 'azure-north' },
      );
      await client.deregisterCluster({ ...slice, name: 'azure-north' }, dry);
      await client.getRegistrationValues({ ...slice, name: 'azure-north' });
      await client.upsertQosProfile(
        { ...slice, name: 'gold' },
        { spec: qos },
        dry,
      );
      expect(writes.map(w => `${w.method} ${w.url}`)).toEqual([
        'POST /v1/slices/demo/arcade?dryRun=true',
        'PATCH /v1/slices/demo/arcade/pacman',
        'DELETE /v1/slices/demo/arcade/pacman?dryRun=true',
        'POST /v1/slices/demo/arcade/pacman/namespaces',
        'DELETE /v1/slices/demo/arcade/pacman/namespaces/web?clusters=aws-east%2Cgcp-west',
        'DELETE /v1/slices/demo/arcade/pacman/namespaces/db?dryRun=true',
        'POST /v1/slices/demo/arcade/pacman/exports?dryRun=true',
        'POST /v1/projects/demo/arcade/clusters',
        'DELETE /v1/projects/demo/arcade/clusters/azure-north?dryRun=true',
        'POST /v1/projects/demo/arcade/clusters/azure-north/registration-values',
        'PUT /v1/projects/demo/arcade/qos-profiles/gold?dryRun=true',
      ]);
      expect(writes[0].body).toEqual({
        name: 'tetris',
        spec: { clusters: ['aws-east', 'gcp-west'] },
      });
      expect(writes[2].body).toBeUndefined();
      expect(writes[9].body).toEqual({});
      // A write route added to the document without a client method fails here.
      expect(
        documentedWrites.filter(
          route =>
            !writes.some(w => {
              const [method, path] = route.split(' ');
              return w.method === method && matches(path, w.url);
            }),
        ),
      ).toEqual([]);
    });

    const refuse = (status: number, error: object) =>
      server.use(
        http.post('http://backend/api/slice/v1/slices/demo/arcade', () =>
          HttpResponse.json({ error }, { status }),
        ),
      );
    const create = () =>
      client.createSlice(
        { hub: 'demo', project: 'arcade' },
        { name: 'tetris', spec: { clusters: ['aws-east'] } },
      );

    it('rejects a 400 with the fields it names', async () => {
      const fields = [
        {
          path: 'spec.sliceSubnet',
          message: 'overlaps slice pacman (10.1.0.0/16)',
          source: 'preflight',
          code: 'subnet.overlapsSlice',
        },
      ];
      refuse(400, { name: 'InputError', message: 'Preflight refused', fields });
      const error = await create().catch(e => e);
      expect(error).toBeInstanceOf(SliceWriteError);
      expect(error).toMatchObject({
        kind: 'invalid',
        status: 400,
        message: 'Preflight refused',
        fields,
      });
    });

    it('rejects a 403 with the refused permission', async () => {
      refuse(403, {
        name: 'NotAllowedError',
        message: "You may not create slices in project 'arcade'",
        permission: 'kubeslice.slice.create',
      });
      await expect(create()).rejects.toMatchObject({
        kind: 'forbidden',
        status: 403,
        permission: 'kubeslice.slice.create',
        fields: [],
      });
    });

    it('rejects a 409 as a conflict, with the cluster that answered', async () => {
      refuse(409, {
        name: 'ConflictError',
        message: 'the object has been modified',
        cluster: { target: 'hub demo', httpStatus: 409, reason: 'Conflict' },
      });
      await expect(create()).rejects.toMatchObject({
        kind: 'conflict',
        cluster: { target: 'hub demo' },
      });
    });

    it('rejects an answer that is not JSON, and no answer at all, distinctly', async () => {
      server.use(
        http.post(
          'http://backend/api/slice/v1/slices/demo/arcade',
          () => new HttpResponse('Bad gateway', { status: 502 }),
        ),
      );
      await expect(create()).rejects.toMatchObject({
        kind: 'unknown',
        status: 502,
        message: 'Bad gateway',
      });
      server.use(
        http.post('http://backend/api/slice/v1/slices/demo/arcade', () =>
          HttpResponse.error(),
        ),
      );
      await expect(create()).rejects.toMatchObject({
        kind: 'network',
        status: 0,
      });
    });
  });
});
