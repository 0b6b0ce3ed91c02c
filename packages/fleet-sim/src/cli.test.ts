import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from './paths';

const BIN = path.join(PACKAGE_ROOT, 'bin', 'fleet-sim');

function run(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('fleet-sim CLI', () => {
  jest.setTimeout(60_000);

  it('starts, writes the kubeconfig, serves, and stops cleanly on SIGTERM', async () => {
    const kubeconfig = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-sim-cli-')),
      'a',
      'b',
      'kubeconfig',
    );
    const child = spawn(
      process.execPath,
      [
        BIN,
        'start',
        '--scenario',
        'demo',
        '--port',
        '0',
        '--kubeconfig',
        kubeconfig,
        '--seed',
        '5',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', d => {
      stderr += d;
    });
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', d => {
        stdout += d;
        if (stdout.includes('\n')) resolve(stdout.split('\n')[0]);
      });
      child.on('exit', code =>
        reject(new Error(`exited early with ${code}: ${stderr}`)),
      );
    });
    expect(line).toMatch(
      /^fleet-sim: serving scenario demo \(1 hub, 7 workers\) on https:\/\/127\.0\.0\.1:\d+; kubeconfig written to .*kubeconfig$/,
    );
    const url = /on (https:\/\/\S+);/.exec(line)![1];
    expect(fs.readFileSync(kubeconfig, 'utf8')).toContain(
      `server: ${url}/clusters/hub`,
    );

    const exited = new Promise<number | null>(resolve =>
      child.on('exit', code => resolve(code)),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });

  it('rejects bad arguments with a message and a non-zero exit', () => {
    const badPort = run(['start', '--port', 'http']);
    expect(badPort.status).not.toBe(0);
    expect(badPort.stderr).toMatch(
      /--port must be an integer between 0 and 65535/,
    );

    const badCommand = run(['launch']);
    expect(badCommand.status).not.toBe(0);
    expect(badCommand.stderr).toMatch(/unknown command 'launch'/);

    const badScenario = run(['start', '--port', '0', '--scenario', 'nope']);
    expect(badScenario.status).toBe(1);
    expect(badScenario.stderr).toMatch(/fleet-sim: Unknown scenario "nope"/);
  });
});
