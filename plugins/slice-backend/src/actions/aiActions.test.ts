import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  ACME,
  PLATFORM,
  eventually,
  startSliceTestBackend,
  START_TIMEOUT_MS,
  type SliceTestBackend,
} from '../testUtils';
import { SAMPLER_TASK_ID } from '../latency';

/**
 * The AI actions as an AI client reaches them: over the MCP endpoint of Backstage's MCP
 * actions backend (streamable HTTP), as a platform engineer or a tenant, against the
 * simulator's demo fleet through a real slice backend.
 */
let backend: SliceTestBackend;
// Latency samples are taken when the test triggers the sampler, so the history is known.
const scheduler = mockServices.scheduler();

beforeAll(async () => {
  backend = await startSliceTestBackend({
    features: [
      mcpActionsPlugin,
      createServiceFactory({
        service: coreServices.scheduler,
        deps: {},
        factory: () => scheduler,
      }),
    ],
    config: {
      app: { baseUrl: 'http://portal.test' },
      backend: { actions: { pluginSources: ['slice'] } },
      mcpActions: { namespacedToolNames: true },
    },
  });
}, START_TIMEOUT_MS);

afterAll(() => backend?.stop());

/** An MCP client session as `user`. */
async function mcpAs(user: string) {
  const client = new Client({ name: 'slice-portal-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`${backend.backendUrl}/api/mcp-actions/v1`),
      {
        requestInit: {
          headers: { Authorization: mockCredentials.user.header(user) },
        },
      },
    ),
  );
  return client;
}

interface ToolAnswer {
  isError: boolean;
  text: string;
  output: any;
}

/** Calls a tool as `user`; the answer's text, structured output and whether it is an error. */
async function call(
  user: string,
  tool: string,
  args: Record<string, unknown>,
): Promise<ToolAnswer> {
  const client = await mcpAs(user);
  try {
    const result = await client.callTool({
      name: `slice.${tool}`,
      arguments: args,
    });
    const content = result.content as { type: string; text: string }[];
    return {
      isError: Boolean(result.isError),
      text: content.map(c => c.text).join('\n'),
      output: result.structuredContent,
    };
  } finally {
    await client.close();
  }
}

async function spec(project: string, name: string) {
  const { body } = await backend.get(`/v1/slices/demo/${project}/${name}`);
  return body;
}

describe('AI actions over MCP', () => {
  it('lists the seven slice tools, the reads marked read-only and the writes not', async () => {
    const client = await mcpAs(PLATFORM);
    try {
      const { tools } = await client.listTools();
      const ours = tools.filter(t => t.name.startsWith('slice.'));
      expect(ours.map(t => t.name).sort()).toEqual([
        'slice.create-slice',
        'slice.explain-service-export',
        'slice.get-cluster-latency',
        'slice.get-slice-health',
        'slice.list-slices',
        'slice.onboard-namespace',
        'slice.what-if-cluster-down',
      ]);
      const readOnly = Object.fromEntries(
        ours.map(t => [t.name, t.annotations?.readOnlyHint]),
      );
      expect(readOnly).toMatchObject({
        'slice.list-slices': true,
        'slice.what-if-cluster-down': true,
        'slice.onboard-namespace': false,
        'slice.create-slice': false,
      });
      const onboard = ours.find(t => t.name === 'slice.onboard-namespace');
      expect(onboard?.inputSchema.required).toEqual(
        expect.arrayContaining(['hub', 'project', 'slice', 'namespace']),
      );
    } finally {
      await client.close();
    }
  });

  it('lists every slice to a platform engineer and only its own projects to a tenant', async () => {
    const platform = await call(PLATFORM, 'list-slices', {});
    expect(platform.isError).toBe(false);
    expect(platform.output.slices.map((s: any) => s.ref).sort()).toEqual([
      'demo/acme/analytics',
      'demo/acme/payments',
      'demo/arcade/leaderboard',
      'demo/arcade/pacman',
    ]);
    const tenant = await call(ACME, 'list-slices', {});
    expect(tenant.output.slices.map((s: any) => s.ref).sort()).toEqual([
      'demo/acme/analytics',
      'demo/acme/payments',
    ]);
    const pacman = platform.output.slices.find(
      (s: any) => s.ref === 'demo/arcade/pacman',
    );
    expect(pacman).toMatchObject({
      members: ['aws-east', 'gcp-west', 'azure-eu'],
      pageUrl: 'http://portal.test/slices/demo/arcade/pacman',
    });
  });

  it("tells a slice's health with its members and tunnels, and refuses a tenant another project's slice", async () => {
    const health = await eventually(
      () =>
        call(PLATFORM, 'get-slice-health', {
          hub: 'demo',
          project: 'arcade',
          slice: 'pacman',
        }),
      a => a.output?.tunnels?.every((t: any) => t.state === 'UP'),
    );
    expect(health.output.members.map((m: any) => m.cluster).sort()).toEqual([
      'aws-east',
      'azure-eu',
      'gcp-west',
    ]);
    expect(health.output.tunnels).toHaveLength(3);
    expect(health.output.tunnels[0].latencyMs).toEqual(expect.any(Number));

    const refused = await call(ACME, 'get-slice-health', {
      hub: 'demo',
      project: 'arcade',
      slice: 'pacman',
    });
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(
      /^NotAllowedError: You may not read slices of project 'arcade'/,
    );
  });

  it('walks the export checklist: a working export passes every step, an unknown one names what is exported', async () => {
    const mongo = await eventually(
      () =>
        call(PLATFORM, 'explain-service-export', {
          hub: 'demo',
          project: 'arcade',
          slice: 'pacman',
          service: 'mongodb',
        }),
      a => a.output?.working === true,
    );
    expect(mongo.output.steps.map((s: any) => [s.step, s.ok])).toEqual([
      ['namespace', true],
      ['export', true],
      ['imports', true],
      ['endpoints', true],
      ['tunnels', true],
    ]);
    expect(mongo.output.steps[0].check).toBe(
      'Namespace mongodb onboarded where the service runs',
    );

    const unknown = await call(PLATFORM, 'explain-service-export', {
      hub: 'demo',
      project: 'arcade',
      slice: 'pacman',
      service: 'redis',
    });
    expect(unknown.isError).toBe(true);
    expect(unknown.text).toMatch(
      /NotFoundError: No service 'redis' is exported on slice demo\/arcade\/pacman; exported there: mongodb\.mongodb/,
    );
  });

  it('gives the latency between two clusters on the slices that join them', async () => {
    await scheduler.triggerTask(SAMPLER_TASK_ID);
    await scheduler.triggerTask(SAMPLER_TASK_ID);
    const answer = await call(PLATFORM, 'get-cluster-latency', {
      hub: 'demo',
      clusterA: 'gcp-west',
      clusterB: 'aws-east',
      window: '15m',
    });
    expect(answer.output.clusters).toBe('aws-east ↔ gcp-west');
    expect(answer.output.slices).toEqual([
      expect.objectContaining({
        slice: 'demo/arcade/pacman',
        state: 'UP',
        latencyMs: expect.any(Number),
        // Two sampling runs × 4 gateway pods of the pair.
        history: expect.objectContaining({
          p50Ms: expect.any(Number),
          samples: 8,
        }),
      }),
    ]);

    const none = await call(PLATFORM, 'get-cluster-latency', {
      hub: 'demo',
      clusterA: 'aws-east',
      clusterB: 'aws-eu',
    });
    expect(none.isError).toBe(true);
    expect(none.text).toMatch(/No slice you may see on hub 'demo' joins/);
  });

  it('says what remains when a cluster goes down, reading only', async () => {
    const answer = await call(PLATFORM, 'what-if-cluster-down', {
      hub: 'demo',
      cluster: 'edge-nyc',
    });
    expect(answer.isError).toBe(false);
    expect(answer.output.slices).toEqual([
      expect.objectContaining({
        slice: 'demo/arcade/leaderboard',
        membersLeft: ['aws-east'],
        tunnelsLost: ['aws-east ↔ edge-nyc'],
      }),
    ]);
    expect(answer.output.summary).toMatch(/^Losing edge-nyc affects 1 slice/);

    const pacman = await call(PLATFORM, 'what-if-cluster-down', {
      hub: 'demo',
      cluster: 'aws-east',
    });
    const mongo = pacman.output.slices
      .find((s: any) => s.slice === 'demo/arcade/pacman')
      .services.find((s: any) => s.service === 'mongodb.mongodb');
    expect(mongo.reachable).toBe(true);
    expect(mongo.servedFrom).not.toContain('aws-east');

    // A tenant cannot probe another project's clusters.
    const hidden = await call(ACME, 'what-if-cluster-down', {
      hub: 'demo',
      cluster: 'edge-nyc',
    });
    expect(hidden.isError).toBe(true);
    expect(hidden.text).toMatch(/NotFoundError: No cluster 'edge-nyc'/);
  });

  it('onboards a namespace as a dry run by default, writes only when told, and refuses another project', async () => {
    const dry = await call(ACME, 'onboard-namespace', {
      hub: 'demo',
      project: 'acme',
      slice: 'analytics',
      namespace: 'reports',
    });
    expect(dry.isError).toBe(false);
    expect(dry.output).toMatchObject({ dryRun: true, written: false });
    expect(dry.output.diff).toMatch(/\+.*reports/);
    expect(dry.output.message).toMatch(/Call again with dryRun false/);
    expect(
      JSON.stringify((await spec('acme', 'analytics')).namespaces),
    ).not.toContain('reports');

    const applied = await call(ACME, 'onboard-namespace', {
      hub: 'demo',
      project: 'acme',
      slice: 'analytics',
      namespace: 'reports',
      dryRun: false,
    });
    expect(applied.output).toMatchObject({
      dryRun: false,
      written: true,
      operationId: expect.any(String),
      pageUrl: 'http://portal.test/slices/demo/acme/analytics/namespaces',
    });
    await eventually(
      () => spec('acme', 'analytics'),
      s => s.namespaces?.includes('reports'),
    );

    const refused = await call(ACME, 'onboard-namespace', {
      hub: 'demo',
      project: 'arcade',
      slice: 'pacman',
      namespace: 'reports',
      dryRun: false,
    });
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(
      /^NotAllowedError: .*kubeslice\.slice\.update/s,
    );
    expect((await spec('arcade', 'pacman')).namespaces).not.toContain(
      'reports',
    );
  });

  it('creates a slice as a dry run with a free subnet, and names the input at fault', async () => {
    const dry = await call(ACME, 'create-slice', {
      hub: 'demo',
      project: 'acme',
      name: 'checkout',
      clusters: ['aws-eu', 'azure-us'],
      namespaces: ['checkout'],
    });
    expect(dry.isError).toBe(false);
    expect(dry.output).toMatchObject({
      dryRun: true,
      written: false,
      sliceSubnet: expect.stringMatching(/^\d+\.\d+\.0\.0\/16$/),
    });
    expect(dry.output.yaml).toMatch(/name: checkout/);
    expect((await backend.get('/v1/slices/demo/acme/checkout')).status).toBe(
      404,
    );

    const bad = await call(ACME, 'create-slice', {
      hub: 'demo',
      project: 'acme',
      name: 'checkout',
      clusters: ['aws-eu', 'no-such-cluster'],
    });
    expect(bad.isError).toBe(true);
    expect(bad.text).toMatch(/^InputError: /);
    expect(bad.text).toMatch(/no-such-cluster/);

    const malformed = await call(ACME, 'create-slice', {
      hub: 'demo',
      project: 'acme',
      name: 'checkout',
      clusters: [],
    });
    expect(malformed.isError).toBe(true);
    expect(malformed.text).toMatch(/clusters/);
  });
});
