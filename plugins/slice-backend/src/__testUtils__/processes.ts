import { spawn } from 'child_process';
import path from 'path';

/**
 * Runs a fixture of this folder in its own Node process, where Node's default applies: an
 * unhandled rejection ends the process. For tests that prove no background promise is left
 * unhandled.
 */
export function runFixture(
  file: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, file)],
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

export {
  eventually,
  READY_TIMEOUT_MS,
  START_TIMEOUT_MS,
} from '../testUtils/eventually';
