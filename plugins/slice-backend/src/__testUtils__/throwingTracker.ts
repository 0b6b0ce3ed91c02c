/**
 * Run as its own Node process by OperationTracker.process.test.ts: an operation tracker
 * whose every dependency fails — each database write and heartbeat rejects, the fleet's
 * snapshot and hub reads throw, a run() throws synchronously, another rejects, a check
 * throws or returns nothing, notifiers throw and reject, and one operation times out while its writes fail.
 * Node 22 ends a process on an unhandled rejection, so exiting normally with the counts
 * printed proves that no background promise of the tracker is left unhandled.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import { DefaultOperationTracker } from '../operations/OperationTracker';
import type { OperationStore } from '../operations/OperationStore';

let errorsLogged = 0;
let warningsLogged = 0;
const logger: LoggerService = {
  error: () => {
    errorsLogged += 1;
  },
  warn: () => {
    warningsLogged += 1;
  },
  info: () => {},
  debug: () => {},
  child: () => logger,
};

const down = () => Promise.reject(new Error('database down'));
const store = {
  insert: async () => undefined,
  get: down,
  update: down,
  heartbeat: down,
  failOrphan: down,
} as unknown as OperationStore;

let changes: NodeJS.Timeout | undefined;
const fleet = {
  snapshot: () => {
    throw new Error('snapshot broken');
  },
  hubObjects: () => {
    throw new Error('hub cache broken');
  },
  onChange: (listener: () => void) => {
    changes = setInterval(listener, 5);
    return () => clearInterval(changes);
  },
};

const tracker = new DefaultOperationTracker({
  store,
  fleet,
  logger,
  notifiers: [
    {
      notify: () => {
        throw new Error('notifier throws');
      },
    },
    { notify: () => Promise.reject(new Error('notifier rejects')) },
  ],
  timing: { pollIntervalMs: 10, changeDelayMs: 1, heartbeatIntervalMs: 5 },
});

const target = { hub: 'prod', project: 'acme' };
const actor = 'user:default/alice';

async function main() {
  const ops = await Promise.all([
    tracker.start({
      kind: 'sync-throw',
      target,
      actor,
      timeoutMs: 10_000,
      phases: [
        {
          title: 'run throws synchronously',
          run: (() => {
            throw new Error('sync');
          }) as () => Promise<void>,
          check: () => ({ steps: [], done: true }),
        },
      ],
    }),
    tracker.start({
      kind: 'reject',
      target,
      actor,
      timeoutMs: 10_000,
      phases: [
        {
          title: 'run rejects',
          run: () => Promise.reject(new Error('rejected')),
          check: () => ({ steps: [], done: true }),
        },
      ],
    }),
    tracker.start({
      kind: 'check-reads-broken-fleet',
      target,
      actor,
      timeoutMs: 10_000,
      phases: [
        {
          title: 'reads the snapshot',
          check: view => ({ steps: [], done: view.snapshot.slices.length > 0 }),
        },
      ],
    }),
    tracker.start({
      kind: 'check-returns-nothing',
      target,
      actor,
      timeoutMs: 10_000,
      phases: [
        {
          title: 'a buggy check',
          check: (() => undefined) as any,
        },
      ],
    }),
    tracker.start({
      kind: 'times-out',
      target,
      actor,
      timeoutMs: 100,
      phases: [{ title: 'never', check: () => ({ steps: [], done: false }) }],
    }),
    tracker.start({
      kind: 'still-running',
      target,
      actor,
      timeoutMs: 60_000,
      phases: [{ title: 'waits', check: () => ({ steps: [], done: false }) }],
    }),
  ]);
  // A caller-awaited read that fails rejects to the caller (handled here), nothing else.
  await tracker.get(ops[0].id).catch(() => undefined);
  await new Promise(r => setTimeout(r, 500));
  const runningBeforeStop = tracker.runningHere().length;
  await tracker.stop();
  clearInterval(changes);
  process.stdout.write(
    `${JSON.stringify({
      started: ops.length,
      runningBeforeStop,
      runningAfterStop: tracker.runningHere().length,
      errorsLogged,
      warningsLogged,
    })}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`fixture failed: ${error}\n`);
  process.exit(2);
});
