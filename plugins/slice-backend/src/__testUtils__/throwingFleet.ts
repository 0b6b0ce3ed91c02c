/**
 * Run as its own Node process by FleetService.process.test.ts: a fleet service whose every
 * moving part throws — change listeners, credential reads (synchronously), lists, watches.
 * Node 22 ends a process on an unhandled rejection, so exiting normally with reconciles
 * counted proves that no background promise is left unhandled.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import { FakeFleet, testHubConfig } from './fakeHubTransport';
import type { HubTransport } from '../hubs/hubTransport';
import { CachedFleetService } from '../service/FleetService';

let errorsLogged = 0;
const logger: LoggerService = {
  error: () => {
    errorsLogged += 1;
  },
  warn: () => {},
  info: () => {},
  debug: () => {},
  child: () => logger,
};

const fleet = new FakeFleet(Date.now);
fleet.addCluster('aws');
fleet.addCluster('gcp');
let reconcileCalls = 0;
const base = fleet.transport();
const transport: HubTransport = {
  hubClient: kind =>
    kind.plural === 'clusters'
      ? base.hubClient(kind)
      : {
          list: () => Promise.reject(new Error(`list of ${kind.plural} fails`)),
          watch: () => {
            throw new Error('watch throws synchronously');
          },
        },
  workerClient: () => ({
    list: async () => {
      throw new TypeError('worker list bug');
    },
    watch: async () => {
      throw new TypeError('worker watch bug');
    },
  }),
  resolveWorker: options => {
    reconcileCalls += 1;
    if (reconcileCalls % 2) throw new TypeError('credential read bug');
    return base.resolveWorker(options);
  },
};

const service = new CachedFleetService({
  hubs: [testHubConfig({ name: 'one' })],
  logger,
  timing: {
    reconcileIntervalMs: 20,
    requestTimeoutMs: 50,
    backoff: { initialMs: 5, maxMs: 20 },
  },
  transportFor: () => transport,
});
// The service's own change listener runs inside every watch and reconcile; make it throw.
(service as unknown as { generation: number }).generation = 0;
Object.defineProperty(service, 'generation', {
  get: () => 0,
  set: () => {
    throw new Error('change listener bug');
  },
});

void service.start();
setTimeout(async () => {
  service.snapshot();
  await service.stop();
  process.stdout.write(
    `${JSON.stringify({ reconcileCalls, errorsLogged })}\n`,
  );
}, 1500);
