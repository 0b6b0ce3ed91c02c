import { expect, test, type APIRequestContext } from '@playwright/test';

/**
 * The demo's MCP endpoint as an AI client uses it: the example backend serves the slice
 * plugin's actions through @backstage/plugin-mcp-actions-backend, acting as the signed-in
 * user (the demo's guest, a platform engineer).
 */
const backendUrl = process.env.SLICE_E2E_BACKEND_URL ?? 'http://localhost:7007';

async function guestToken(request: APIRequestContext): Promise<string> {
  const response = await request.post(`${backendUrl}/api/auth/guest/refresh`);
  expect(response.ok()).toBe(true);
  return (await response.json()).backstageIdentity.token;
}

/** One JSON-RPC call to the stateless streamable-HTTP endpoint; the answer may come as an SSE event. */
async function rpc(
  request: APIRequestContext,
  token: string,
  method: string,
  params: object,
) {
  const response = await request.post(`${backendUrl}/api/mcp-actions/v1`, {
    headers: {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json, text/event-stream',
    },
    data: { jsonrpc: '2.0', id: 1, method, params },
  });
  expect(response.status()).toBe(200);
  const text = await response.text();
  const json = text.startsWith('{')
    ? text
    : text
        .split('\n')
        .filter(line => line.startsWith('data:'))
        .map(line => line.slice(5))
        .join('');
  return JSON.parse(json).result;
}

test('an AI client lists the slice tools and asks what remains if a cluster goes down', async ({
  request,
}) => {
  const token = await guestToken(request);
  const { tools } = await rpc(request, token, 'tools/list', {});
  const names = tools.map((t: { name: string }) => t.name);
  expect(names).toEqual(
    expect.arrayContaining([
      'slice.list-slices',
      'slice.what-if-cluster-down',
      'slice.create-slice',
    ]),
  );

  const whatIf = await rpc(request, token, 'tools/call', {
    name: 'slice.what-if-cluster-down',
    arguments: { hub: 'demo', cluster: 'aws-east' },
  });
  expect(whatIf.isError).toBeFalsy();
  expect(whatIf.structuredContent.summary).toMatch(/^Losing aws-east affects/);
  const slices = whatIf.structuredContent.slices.map(
    (s: { slice: string }) => s.slice,
  );
  expect(slices).toEqual(
    expect.arrayContaining(['demo/arcade/pacman', 'demo/arcade/leaderboard']),
  );

  // A write is a dry run unless asked otherwise: it shows the change and writes nothing.
  const create = await rpc(request, token, 'tools/call', {
    name: 'slice.create-slice',
    arguments: {
      hub: 'demo',
      project: 'acme',
      name: 'mcp-dry',
      clusters: ['aws-eu', 'azure-us'],
    },
  });
  expect(create.isError).toBeFalsy();
  expect(create.structuredContent).toMatchObject({
    dryRun: true,
    written: false,
  });
  const list = await rpc(request, token, 'tools/call', {
    name: 'slice.list-slices',
    arguments: { project: 'acme' },
  });
  expect(
    list.structuredContent.slices.map((s: { ref: string }) => s.ref),
  ).not.toContain('demo/acme/mcp-dry');
});
