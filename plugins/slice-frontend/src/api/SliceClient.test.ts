import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { sliceApiSpec } from '@slice-portal/plugin-slice-common';
import { SliceClient } from './SliceClient';

/** The document's GET paths a browser client calls (`/health` is for probes). */
const documentedGets = Object.entries(sliceApiSpec.paths)
  .filter(([path, item]) => 'get' in item && path !== '/health')
  .map(([path]) => path);
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
});
