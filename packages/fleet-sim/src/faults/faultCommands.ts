import type { Command } from 'commander';
import { integer, number } from '../cliArgs';
import {
  callControlApi,
  targetFromKubeconfig,
  type ControlTarget,
} from './client';

/** `fleet-sim fault ...`: drives the control API of a running simulator. */

/** The faults that take just a cluster: `fleet-sim fault <word> <cluster>` → `POST faults/clusters/<c>/<word>`. */
const CLUSTER_FAULTS: Array<[word: string, description: string]> = [
  [
    'down',
    'take a cluster down: its API answers 503, its tunnels go DOWN, its endpoints leave imports',
  ],
  ['up', 'bring a down cluster back'],
  [
    'watch-drop',
    'end every open watch on a cluster now, as an API server restart does (history kept: resuming works); one-shot',
  ],
  [
    'compact',
    "compact a cluster's watch history now and end its watches: resuming from an older resourceVersion gets 410 Expired; one-shot",
  ],
  [
    'operator-down',
    "stop a worker's operator: its API stays up, but no status is derived or refreshed and nothing reaches the hub",
  ],
  [
    'operator-up',
    "restart a worker's operator: it reconciles what was written meanwhile",
  ],
  [
    'partition',
    'cut a worker off from the hub (both APIs stay up): its hub status stops refreshing, nothing syncs',
  ],
  ['heal', 'reconnect a partitioned worker to the hub: it catches up'],
];

export function addFaultCommands(program: Command): void {
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
  for (const [word, description] of CLUSTER_FAULTS) {
    fault
      .command(`${word} <cluster>`)
      .description(description)
      .action(run('POST', (c: string) => `faults/clusters/${enc(c)}/${word}`));
  }
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
  const apiPath = (c: string, o: { resource?: string }) =>
    `faults/apis/${enc(c)}${o.resource ? `/${enc(o.resource)}` : ''}`;
  fault
    .command('api <cluster>')
    .description(
      "make a cluster's API (e.g. the hub's), or one resource of it, slow and/or erroring",
    )
    .option(
      '--resource <plural>',
      'only requests for this resource (e.g. workerslicegateways); other faults stay',
    )
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
        apiPath,
        (
          _c: string,
          o: {
            resource?: string;
            delayMs: number;
            errorRate: number;
            errorCode: number;
          },
        ) => ({
          delayMs: o.delayMs,
          errorRate: o.errorRate,
          errorCode: o.errorCode,
        }),
      ),
    );
  fault
    .command('api-clear <cluster>')
    .description(
      "restore a cluster's API (every API fault of it), or with --resource one resource's",
    )
    .option('--resource <plural>', 'only this resource')
    .action(run('DELETE', apiPath));
  fault
    .command('reset')
    .description('clear every fault')
    .action(run('POST', () => 'faults/reset'));
}
