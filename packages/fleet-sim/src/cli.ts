import { Command } from 'commander';
import { integer } from './cliArgs';
import { addFaultCommands } from './faults/faultCommands';
import { startFleetSim, type FleetSim } from './sim/startFleetSim';

/** `fleet-sim` command line. Errors are printed as one line and exit non-zero. */

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
