import { Command, InvalidArgumentError } from 'commander';
import { startFleetSim, type FleetSim } from './sim/startFleetSim';
import {
  callControlApi,
  targetFromKubeconfig,
  type ControlTarget,
} from './faults/client';

/** `fleet-sim` command line. Errors are printed as one line and exit non-zero. */

function number(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max)
      throw new InvalidArgumentError(
        `${name} must be a number between ${min} and ${max}.`,
      );
    return n;
  };
}

function integer(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max)
      throw new InvalidArgumentError(
        `${name} must be an integer between ${min} and ${max}.`,
      );
    return n;
  };
}

export function createProgram(): Command {
  const program = new Command('fleet-sim')
    .description('Simulated KubeSlice fleet behind a Kubernetes-compatible API')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('start')
    .description('start the simulator and serve until SIGINT/SIGTERM')
    .option(
      '--scenario <name|file>',
      'bundled scenario name or scenario file',
      'demo',
    )
    .option(
      '--port <port>',
      'port to listen on (0 = any free port)',
      integer('--port', 0, 65535),
      6443,
    )
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--kubeconfig <file>',
      'write a kubeconfig for the virtual clusters to this file',
    )
    .option(
      '--seed <n>',
      'seed for generated data (latency jitter, ports, names)',
      integer('--seed', 0, 2 ** 31 - 1),
      1,
    )
    .option(
      '--no-tls',
      'serve plain HTTP (client-node then needs skipTLSVerify)',
    )
    .action(
      async (opts: {
        scenario: string;
        port: number;
        host: string;
        kubeconfig?: string;
        seed: number;
        tls: boolean;
      }) => {
        const sim = await startFleetSim({
          scenario: opts.scenario,
          port: opts.port,
          host: opts.host,
          kubeconfigPath: opts.kubeconfig,
          seed: opts.seed,
          tls: opts.tls,
        });
        // Handlers first: whoever reads the line below may signal us right away.
        waitForSignal(sim);
        const workers = sim.clusterNames().length - 1;
        const written = opts.kubeconfig
          ? `; kubeconfig written to ${opts.kubeconfig}`
          : '';
        process.stdout.write(
          `fleet-sim: serving scenario ${sim.scenario.name} (1 hub, ${workers} workers) on ${sim.url}${written}\n`,
        );
      },
    );
  addFaultCommands(program);
  return program;
}

/** `fleet-sim fault ...`: drives the control API of a running simulator. */
function addFaultCommands(program: Command): void {
  const fault = program
    .command('fault')
    .description(
      'inject or clear faults in a running simulator (uses its kubeconfig for URL, CA and admin token)',
    )
    .option(
      '--kubeconfig <file>',
      'kubeconfig written by fleet-sim start',
      process.env.FLEET_SIM_KUBECONFIG ?? 'fleet-sim.kubeconfig',
    );
  const target = (): ControlTarget =>
    targetFromKubeconfig(fault.opts().kubeconfig);
  const run =
    (
      method: string,
      path: (...args: any[]) => string,
      body?: (...args: any[]) => unknown,
    ) =>
    async (...args: any[]) => {
      const res = await callControlApi(
        target(),
        method,
        path(...args),
        body?.(...args),
      );
      if (res.status >= 300) {
        throw new Error(
          `control API answered ${res.status}: ${
            res.body?.message ?? JSON.stringify(res.body)
          }`,
        );
      }
      process.stdout.write(`${JSON.stringify(res.body, null, 2)}\n`);
    };
  const enc = encodeURIComponent;
  fault
    .command('list')
    .description('print the current faults')
    .action(run('GET', () => 'faults'));
  fault
    .command('down <cluster>')
    .description(
      'take a cluster down: its API answers 503, its tunnels go DOWN, its endpoints leave imports',
    )
    .action(run('POST', (c: string) => `faults/clusters/${enc(c)}/down`));
  fault
    .command('up <cluster>')
    .description('bring a down cluster back')
    .action(run('POST', (c: string) => `faults/clusters/${enc(c)}/up`));
  fault
    .command('degrade <a> <b>')
    .description(
      'add latency and/or packet loss to the tunnels between two clusters',
    )
    .option(
      '--latency-ms <ms>',
      'extra round-trip latency',
      number('--latency-ms', 0, 60000),
      0,
    )
    .option(
      '--loss <percent>',
      'extra packet loss',
      number('--loss', 0, 100),
      0,
    )
    .action(
      run(
        'POST',
        (a: string, b: string) => `faults/links/${enc(a)}/${enc(b)}/degrade`,
        (_a: string, _b: string, o: { latencyMs: number; loss: number }) => ({
          latencyMs: o.latencyMs,
          packetLossPercent: o.loss,
        }),
      ),
    );
  fault
    .command('cut <a> <b>')
    .description('cut the tunnels between two clusters')
    .action(
      run(
        'POST',
        (a: string, b: string) => `faults/links/${enc(a)}/${enc(b)}/cut`,
      ),
    );
  fault
    .command('restore <a> <b>')
    .description('undo degrade/cut of a link')
    .action(
      run(
        'POST',
        (a: string, b: string) => `faults/links/${enc(a)}/${enc(b)}/restore`,
      ),
    );
  fault
    .command('api <cluster>')
    .description("make a cluster's API (e.g. the hub's) slow and/or erroring")
    .option(
      '--delay-ms <ms>',
      'delay of every request',
      number('--delay-ms', 0, 600000),
      0,
    )
    .option(
      '--error-rate <r>',
      'fraction of requests that fail (0-1)',
      number('--error-rate', 0, 1),
      0,
    )
    .option(
      '--error-code <code>',
      'HTTP status of failures',
      integer('--error-code', 400, 599),
      500,
    )
    .action(
      run(
        'PUT',
        (c: string) => `faults/apis/${enc(c)}`,
        (
          _c: string,
          o: { delayMs: number; errorRate: number; errorCode: number },
        ) => o,
      ),
    );
  fault
    .command('api-clear <cluster>')
    .description("restore a cluster's API")
    .action(run('DELETE', (c: string) => `faults/apis/${enc(c)}`));
  fault
    .command('reset')
    .description('clear every fault')
    .action(run('POST', () => 'faults/reset'));
}

function waitForSignal(sim: FleetSim): void {
  const stop = (signal: string) => {
    process.stdout.write(`fleet-sim: ${signal} received, shutting down\n`);
    sim.close().then(
      () => process.exit(0),
      e => {
        process.stderr.write(
          `fleet-sim: error during shutdown: ${(e as Error).message}\n`,
        );
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

export async function main(argv: string[]): Promise<void> {
  const program = createProgram();
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      process.exitCode = 2;
      return;
    }
    await program.parseAsync(argv);
  } catch (e: any) {
    // commander already printed its own usage errors; exitOverride turns them into throws.
    if (
      e?.code === 'commander.helpDisplayed' ||
      e?.code === 'commander.version' ||
      e?.code === 'commander.help'
    ) {
      process.exitCode = 0;
      return;
    }
    if (typeof e?.code === 'string' && e.code.startsWith('commander.')) {
      process.exitCode = e.exitCode || 2;
      return;
    }
    process.stderr.write(`fleet-sim: ${(e as Error)?.message ?? e}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main(process.argv);
}
