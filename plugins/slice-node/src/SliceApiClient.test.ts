import { createServer, type IncomingMessage, type Server } from 'http';
import type { AddressInfo } from 'net';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { SliceApiClient, SliceApiError } from './SliceApiClient';

/** A stand-in slice backend on a loopback port that records what it was asked. */
function startServer(
  answer: (req: IncomingMessage, body: string) => [number, string],
) {
  const seen: { method?: string; url?: string; auth?: string; body: string }[] =
    [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', chunk => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({
        method: req.method,
        url: req.url,
        auth: req.headers.authorization,
        body,
      });
      const [status, text] = answer(req, body);
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(text);
    });
  });
  return new Promise<{ url: string; seen: typeof seen; close(): void }>(
    resolve =>
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        resolve({
          url: `http://127.0.0.1:${port}/api/slice`,
          seen,
          close: () => server.close(),
        });
      }),
  );
}

const clientFor = (baseUrl: string) =>
  new SliceApiClient({
    discovery: { getBaseUrl: async () => baseUrl },
    auth: mockServices.auth({ pluginId: 'scaffolder' }),
  });

describe('SliceApiClient', () => {
  it('calls the route with its parameters, query and body, with a token on behalf of the caller', async () => {
    const server = await startServer(() => [200, '{"ok":true}']);
    try {
      const result = await clientFor(server.url).write({
        method: 'POST',
        path: '/v1/slices/{hub}/{project}/{name}/namespaces',
        params: { hub: 'demo', project: 'acme', name: 'shop' },
        body: { namespace: 'web' },
        dryRun: true,
        credentials: mockCredentials.user('user:default/acme-dev'),
      });
      expect(result).toEqual({ ok: true });
      expect(server.seen).toEqual([
        {
          method: 'POST',
          url: '/api/slice/v1/slices/demo/acme/shop/namespaces?dryRun=true',
          auth: expect.stringMatching(/^Bearer .+/),
          body: '{"namespace":"web"}',
        },
      ]);
      // The token names the user it acts for, not the calling plugin alone.
      expect(server.seen[0].auth).toContain('acme-dev');
    } finally {
      server.close();
    }
  });

  it('turns a refusal into a SliceApiError with the fields and permission it names', async () => {
    const server = await startServer(() => [
      400,
      JSON.stringify({
        error: {
          name: 'InputError',
          message: 'sliceSubnet overlaps',
          fields: [{ path: 'sliceSubnet', message: 'overlaps 10.1.0.0/16' }],
          permission: 'kubeslice.slice.create',
        },
      }),
    ]);
    try {
      const error = await clientFor(server.url)
        .call({
          method: 'GET',
          path: '/v1/slices',
          credentials: mockCredentials.user(),
        })
        .catch(e => e);
      expect(error).toBeInstanceOf(SliceApiError);
      expect(error).toMatchObject({
        status: 400,
        message: 'sliceSubnet overlaps',
        fields: [{ path: 'sliceSubnet', message: 'overlaps 10.1.0.0/16' }],
        permission: 'kubeslice.slice.create',
      });
    } finally {
      server.close();
    }
  });

  it('says what answered when the body is not the API error shape', async () => {
    const server = await startServer(() => [502, 'Bad gateway']);
    try {
      await expect(
        clientFor(server.url).call({
          method: 'GET',
          path: '/v1/fleet',
          credentials: mockCredentials.user(),
        }),
      ).rejects.toThrow('The slice backend answered HTTP 502: Bad gateway');
    } finally {
      server.close();
    }
  });

  it('says the backend could not be reached when nothing listens', async () => {
    const server = await startServer(() => [200, '{}']);
    server.close();
    await new Promise(resolve => setTimeout(resolve, 50));
    const error = await clientFor(server.url)
      .getOperation('op-1', { credentials: mockCredentials.user() })
      .catch(e => e);
    expect(error).toBeInstanceOf(SliceApiError);
    expect(error.status).toBe(0);
    expect(error.message).toMatch(
      /could not be reached \(GET \/v1\/operations\/\{id\}\)/,
    );
  });
});
