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

/**
 * Bound for a hook that starts a simulator and/or a test backend and waits for its first full
 * sync. A cold first run on a loaded 2-core machine took over 60 s for that; the bound is there
 * to end a hang, not to judge speed (performance lives in bench/).
 */
export const START_TIMEOUT_MS = 180_000;
/** Readiness waits inside such a hook: below START_TIMEOUT_MS, so they fail with their last value. */
export const READY_TIMEOUT_MS = 150_000;

/** Polls `fn` until `check` holds, failing with the last value after `timeoutMs`. */
export async function eventually<T>(
  fn: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (check(value)) return value;
    if (Date.now() > deadline)
      throw new Error(
        `condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(
          value,
        ).slice(0, 3000)}`,
      );
    await new Promise(r => setTimeout(r, 150));
  }
}
