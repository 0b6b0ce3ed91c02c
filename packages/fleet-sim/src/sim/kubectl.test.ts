import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startFleetSim, type FleetSim } from './startFleetSim';

/**
 * kubectl against the simulator over verified TLS, with the kubeconfig it
 * writes. The test command installs Debian's `kubernetes-client` when kubectl
 * is missing, so this runs everywhere. Validation is on (the simulator
 * serves OpenAPI documents, see kubectlOpenapi.test.ts).
 */

const run = promisify(execFile);
let sim: FleetSim;
let dir: string;
let kubeconfig: string;

const kubectl = async (...args: string[]) =>
  (await run('kubectl', ['--kubeconfig', kubeconfig, ...args])).stdout;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-sim-kubectl-'));
  kubeconfig = path.join(dir, 'kubeconfig');
  sim = await startFleetSim({
    kubeconfigPath: kubeconfig,
    statusIntervalMs: 0,
  });
});
afterAll(() => sim.close());

const qos = (priority: number) => `apiVersion: controller.kubeslice.io/v1alpha1
kind: SliceQoSConfig
metadata:
  name: silver
  namespace: kubeslice-arcade
spec:
  queueType: HTB
  priority: ${priority}
  tcType: BANDWIDTH_CONTROL
  bandwidthCeilingKbps: 20000
  bandwidthGuaranteedKbps: 5000
  dscpClass: AF21
`;

describe('kubectl', () => {
  it('gets KubeSlice kinds with their printer columns and short names', async () => {
    const slices = await kubectl('get', 'sliceconfigs', '-A');
    expect(slices.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+AGE/);
    expect(slices).toMatch(/kubeslice-arcade\s+pacman\s+\d+d/);
    const gws = await kubectl(
      '--context',
      'aws-east',
      'get',
      'gw',
      '-n',
      'kubeslice-system',
    );
    expect(gws).toContain('pacman-aws-east-gcp-west');
    const json = JSON.parse(
      await kubectl(
        'get',
        'workersliceconfigs',
        '-n',
        'kubeslice-arcade',
        '-l',
        'worker-cluster=aws-east',
        '-o',
        'json',
      ),
    );
    expect(json.items.map((i: any) => i.metadata.name).sort()).toEqual([
      'leaderboard-aws-east',
      'pacman-aws-east',
    ]);
  });

  it('applies, re-applies, patches and deletes a custom resource', async () => {
    const file = path.join(dir, 'qos.yaml');
    fs.writeFileSync(file, qos(2));
    expect(await kubectl('apply', '-f', file)).toContain('silver created');
    fs.writeFileSync(file, qos(1));
    expect(await kubectl('apply', '-f', file)).toContain('silver configured');
    expect(
      await kubectl(
        'patch',
        'sliceqosconfig',
        'silver',
        '-n',
        'kubeslice-arcade',
        '--type',
        'merge',
        '-p',
        '{"spec":{"priority":3}}',
      ),
    ).toContain('patched');
    expect(
      await kubectl(
        'get',
        'sliceqosconfig',
        'silver',
        '-n',
        'kubeslice-arcade',
        '-o',
        'jsonpath={.spec.priority}',
      ),
    ).toBe('3');
    expect(
      await kubectl(
        'delete',
        'sliceqosconfig',
        'silver',
        '-n',
        'kubeslice-arcade',
      ),
    ).toContain('deleted');
    await expect(
      kubectl('get', 'sliceqosconfig', 'silver', '-n', 'kubeslice-arcade'),
    ).rejects.toThrow(/NotFound/);
  });

  it('reports admission and schema errors like a real server', async () => {
    await expect(
      kubectl(
        'patch',
        'sliceconfig',
        'pacman',
        '-n',
        'kubeslice-arcade',
        '--type',
        'merge',
        '-p',
        '{"spec":{"maxClusters":40}}',
      ),
    ).rejects.toThrow(
      /spec.maxClusters in body should be less than or equal to 32/,
    );
    await expect(
      kubectl(
        'patch',
        'sliceconfig',
        'pacman',
        '-n',
        'kubeslice-arcade',
        '--type',
        'merge',
        '-p',
        '{"spec":{"sliceSubnet":"10.9.0.0/16"}}',
      ),
    ).rejects.toThrow(
      /The SliceConfig "pacman" is invalid: spec.sliceSubnet: .*field is immutable/,
    );
  });

  it('streams changes with get -w', async () => {
    const child = spawn('kubectl', [
      '--kubeconfig',
      kubeconfig,
      'get',
      'sliceconfigs',
      '-n',
      'kubeslice-arcade',
      '-w',
      '--output-watch-events',
    ]);
    let out = '';
    const seen = (re: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const check = () => (re.test(out) ? resolve() : undefined);
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          check();
        });
        child.on('exit', () => reject(new Error(`kubectl exited: ${out}`)));
        check();
      });
    try {
      await seen(/ADDED\s+pacman/);
      await kubectl(
        'label',
        'sliceconfig',
        'leaderboard',
        '-n',
        'kubeslice-arcade',
        'tier=gold',
      );
      await seen(/MODIFIED\s+leaderboard/);
      expect(out.indexOf('MODIFIED')).toBeGreaterThan(out.indexOf('ADDED'));
    } finally {
      child.kill();
    }
  });
});
