/**
 * What the benchmark scripts share: `--name value` arguments, child processes each in
 * its own process group (so stopping one stops its children, e.g. the dev servers that
 * `backstage-cli` starts), stopped when the script exits, and waiting for readiness.
 */
import { spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import path from 'path';

export function parseArgs(
  argv: string[] = process.argv.slice(2),
): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2)
    args.set(argv[i].replace(/^--/, ''), argv[i + 1]);
  return args;
}

/** Starts processes that log to files in `logDir` and are all stopped when the script exits. */
export function processGroup(logDir: string) {
  const children: ChildProcess[] = [];
  const stopAll = () => {
    const groups: number[] = [];
    for (const child of children) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
        groups.push(child.pid!);
      } catch {
        // already gone
      }
    }
    // A Backstage backend can hang in its graceful shutdown (seen: a backend still alive 30 min
    // after the benchmark ended). This script exits now, so a detached helper kills what is
    // left of the groups after a grace period.
    if (groups.length > 0) {
      spawn(
        process.execPath,
        [
          '-e',
          `setTimeout(() => { for (const g of ${JSON.stringify(
            groups,
          )}) { try { process.kill(-g, 'SIGKILL'); } catch {} } }, 15000);`,
        ],
        { detached: true, stdio: 'ignore' },
      ).unref();
    }
  };
  process.on('exit', stopAll);
  process.on('SIGINT', () => process.exit(130));
  process.on('SIGTERM', () => process.exit(143));
  return {
    start(
      command: string,
      argv: string[],
      cwd: string,
      env: NodeJS.ProcessEnv,
      log: string,
    ): ChildProcess {
      const out = fs.openSync(path.join(logDir, log), 'w');
      const child = spawn(command, argv, {
        cwd,
        env: { ...process.env, ...env },
        stdio: ['ignore', out, out],
        detached: true,
      });
      children.push(child);
      return child;
    },
    stopAll,
  };
}

/** Polls `probe` until it returns a value (errors count as "not yet"); fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
  intervalMs = 500,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline)
      throw new Error(`${what} not ready after ${timeoutMs / 1000} s`);
    await new Promise(r => setTimeout(r, intervalMs));
  }
}

/**
 * Starts the fleet simulator with `scenario` on `port` (through `start` of a process group)
 * and resolves once it has written its kubeconfig, i.e. once it serves.
 */
export async function startSimulator(options: {
  start: ReturnType<typeof processGroup>['start'];
  root: string;
  scenario: string;
  port: number;
  kubeconfig: string;
}): Promise<void> {
  const { start, root, scenario, port, kubeconfig } = options;
  fs.rmSync(kubeconfig, { force: true });
  const t0 = Date.now();
  start(
    'node',
    [
      path.join(root, 'packages/fleet-sim/bin/fleet-sim'),
      'start',
      '--scenario',
      scenario,
      '--port',
      String(port),
      '--kubeconfig',
      kubeconfig,
    ],
    root,
    {},
    'fleet-sim.log',
  );
  await waitFor('simulator', 60000, async () =>
    fs.existsSync(kubeconfig) ? true : undefined,
  );
  console.log(
    `simulator (${scenario}) up in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}
