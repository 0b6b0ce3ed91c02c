import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { main } from '../cli';
import { startFleetSim, type FleetSim } from '../sim/startFleetSim';

/** The new `fleet-sim fault` subcommands, end to end: CLI → control API → simulator. */
describe('fleet-sim fault subcommands', () => {
  let sim: FleetSim;
  let kubeconfigPath: string;
  let printed: string[];
  let errors: string[];

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-sim-fault-cli-'));
    kubeconfigPath = path.join(dir, 'kubeconfig');
    sim = await startFleetSim({
      tls: false,
      statusIntervalMs: 0,
      kubeconfigPath,
    });
  });
  afterAll(() => sim.close());

  beforeEach(() => {
    printed = [];
    errors = [];
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      printed.push(String(chunk));
      return true;
    });
    jest.spyOn(process.stderr, 'write').mockImplementation(chunk => {
      errors.push(String(chunk));
      return true;
    });
    process.exitCode = 0;
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.exitCode = 0;
    sim.faults.reset();
  });

  const cli = async (...args: string[]) => {
    await main([
      'node',
      'fleet-sim',
      'fault',
      '--kubeconfig',
      kubeconfigPath,
      ...args,
    ]);
    return process.exitCode ?? 0;
  };

  /** The snapshot the last command printed. */
  const lastPrinted = () => JSON.parse(printed[printed.length - 1]);

  const list = (p: string) =>
    fetch(`${sim.clusterUrl('aws-east')}${p}`, {
      headers: { authorization: `Bearer ${sim.adminToken}` },
    });

  it('watch-drop and compact end the watches of a cluster; compact makes older versions 410', async () => {
    // Resolves once the watch is open (headers arrived), with a promise of its end.
    // (Wrapped: resolving with a bare promise would wait for it.)
    const watch = await new Promise<{ closed: Promise<void> }>(
      (resolve, reject) => {
        http
          .get(
            `${sim.clusterUrl('aws-east')}/api/v1/namespaces?watch=1`,
            { headers: { authorization: `Bearer ${sim.adminToken}` } },
            res => {
              res.resume();
              resolve({ closed: new Promise(r => res.on('close', () => r())) });
            },
          )
          .on('error', reject);
      },
    );
    const rv = (await (await list('/api/v1/namespaces')).json()).metadata
      .resourceVersion;
    expect(await cli('watch-drop', 'aws-east')).toBe(0);
    expect(lastPrinted()).toHaveProperty('downClusters', []);
    await watch.closed;

    const before = await list(
      `/api/v1/namespaces?resourceVersion=${rv}&resourceVersionMatch=Exact`,
    );
    expect(before.status).toBe(200);
    // Something happens after `rv`, then the history is compacted.
    await fetch(`${sim.clusterUrl('aws-east')}/api/v1/namespaces`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sim.adminToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ metadata: { name: 'cli-compact' } }),
    });
    expect(await cli('compact', 'aws-east')).toBe(0);
    const after = await list(
      `/api/v1/namespaces?resourceVersion=${rv}&resourceVersionMatch=Exact`,
    );
    expect(after.status).toBe(410);
    expect(await after.json()).toMatchObject({ reason: 'Expired' });
  });

  it('api --resource, operator-down, partition show in list; api-clear, operator-up, heal and reset clear them', async () => {
    expect(
      await cli(
        'api',
        'hub',
        '--resource',
        'workerslicegateways',
        '--error-rate',
        '1',
        '--error-code',
        '503',
      ),
    ).toBe(0);
    expect(await cli('api', 'hub', '--delay-ms', '1')).toBe(0);
    expect(await cli('operator-down', 'aws-east')).toBe(0);
    expect(await cli('partition', 'gcp-west')).toBe(0);
    expect(await cli('list')).toBe(0);
    expect(lastPrinted()).toMatchObject({
      downClusters: [],
      operatorDownClusters: ['aws-east'],
      partitionedClusters: ['gcp-west'],
      apis: [
        { cluster: 'hub', delayMs: 1 },
        {
          cluster: 'hub',
          resource: 'workerslicegateways',
          errorRate: 1,
          errorCode: 503,
        },
      ],
    });
    expect(sim.faults.snapshot()).toEqual(lastPrinted());

    expect(
      await cli('api-clear', 'hub', '--resource', 'workerslicegateways'),
    ).toBe(0);
    expect(lastPrinted().apis).toEqual([
      { cluster: 'hub', delayMs: 1, errorRate: 0, errorCode: 500 },
    ]);
    expect(await cli('operator-up', 'aws-east')).toBe(0);
    expect(await cli('heal', 'gcp-west')).toBe(0);
    expect(lastPrinted()).toMatchObject({
      operatorDownClusters: [],
      partitionedClusters: [],
    });

    await cli('operator-down', 'edge-nyc');
    await cli('partition', 'azure-eu');
    await cli('api', 'hub', '--resource', 'sliceconfigs', '--delay-ms', '5');
    expect(await cli('reset')).toBe(0);
    expect(lastPrinted()).toMatchObject({
      operatorDownClusters: [],
      partitionedClusters: [],
      apis: [],
    });
  });

  it('reports bad arguments with the control API message', async () => {
    expect(await cli('operator-down', 'hub')).toBe(1);
    expect(errors.join('')).toMatch(/400.*unknown worker cluster "hub"/);
    expect(
      await cli('api', 'hub', '--resource', 'nothings', '--error-rate', '1'),
    ).toBe(1);
    expect(errors.join('')).toMatch(/serves no resource "nothings"/);
    expect(await cli('partition', 'nowhere')).toBe(1);
    expect(await cli('compact', 'nowhere')).toBe(1);
    expect(errors.join('')).toMatch(/unknown cluster "nowhere"/);
  });

  it('answers 404 for actions that are not faults', async () => {
    const res = await fetch(
      `${sim.url}/sim/v1/faults/clusters/aws-east/toString`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${sim.adminToken}` },
      },
    );
    expect(res.status).toBe(404);
  });
});
