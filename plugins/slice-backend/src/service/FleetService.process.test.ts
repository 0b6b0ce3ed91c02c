import { spawn } from 'child_process';
import path from 'path';

/** Runs a fixture in its own Node process (Node's default: an unhandled rejection ends it). */
function runFixture(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, '..', '__testUtils__', file)],
      { cwd: path.join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', d => (stdout += d));
    child.stderr.on('data', d => (stderr += d));
    child.on('error', reject);
    child.on('close', code => resolve({ code, stdout, stderr }));
  });
}

describe('the fleet service in its own process', () => {
  it('survives throws in every background part: no unhandled rejection, and reconciles go on', async () => {
    const { code, stdout, stderr } = await runFixture('throwingFleet.ts');
    expect(stderr).not.toMatch(/Unhandled|uncaught/i);
    expect(code).toBe(0);
    const result = JSON.parse(stdout.trim());
    // ~1.5 s at a 20 ms interval: many reconciles ran after the first one threw.
    expect(result.reconcileCalls).toBeGreaterThan(10);
    expect(result.errorsLogged).toBeGreaterThan(0);
  });
});
