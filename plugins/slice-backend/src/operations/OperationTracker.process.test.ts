import { spawn } from 'child_process';
import path from 'path';

/** Runs a fixture in its own Node process (Node's default: an unhandled rejection ends it). */
function runFixture(
  file: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, '..', '__testUtils__', file)],
      {
        cwd: path.join(__dirname, '..', '..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', d => (stdout += d));
    child.stderr.on('data', d => (stderr += d));
    child.on('error', reject);
    child.on('close', code => resolve({ code, stdout, stderr }));
  });
}

describe('the operation tracker in its own process', () => {
  it('survives failures of every dependency: no unhandled rejection, failures logged', async () => {
    const { code, stdout, stderr } = await runFixture('throwingTracker.ts');
    expect(stderr).not.toMatch(/Unhandled|uncaught|fixture failed/i);
    expect(code).toBe(0);
    const result = JSON.parse(stdout.trim());
    expect(result.started).toBe(6);
    // The one waiting operation was still running until stop() ended it.
    expect(result.runningBeforeStop).toBe(1);
    expect(result.runningAfterStop).toBe(0);
    // Every failed write was logged at error level; notifier and heartbeat failures as warnings.
    expect(result.errorsLogged).toBeGreaterThan(5);
    expect(result.warningsLogged).toBeGreaterThan(5);
  });
});
