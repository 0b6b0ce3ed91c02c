import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { startFleetSim, type FleetSim } from '@slice-portal/fleet-sim';
import { readHubConfigs } from '../config/hubConfig';
import { onboardingPhase } from '../__testUtils__/onboardingPhase';
import { CachedFleetService } from '../service/FleetService';
import { DefaultOperationTracker, type Operation } from './OperationTracker';
import { OperationStore } from './OperationStore';
import { START_TIMEOUT_MS } from '../__testUtils__/processes';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/**
 * A real onboarding on the fleet simulator (hub and workers over HTTPS), tracked end to
 * end: the SliceConfig is patched with the simulator's admin kubeconfig, the emulated
 * workers label the namespace after a delay and report it in their WorkerSliceConfigs'
 * `status.onboardedAppNamespaces`, the watch caches see it, and the tracker (driven by
 * the fleet's change events: its poll is set far beyond the test) marks each cluster's
 * step done and the operation done.
 */
describe('an onboarding tracked against the fleet simulator', () => {
  let sim: FleetSim;
  let fleet: CachedFleetService;
  let tracker: DefaultOperationTracker;
  let store: OperationStore;

  beforeAll(async () => {
    sim = await startFleetSim({
      scenario: 'demo',
      port: 0,
      seed: 7,
      statusIntervalMs: 0,
      // Long enough to see the operation running with some clusters pending.
      onboardDelayMs: 1500,
    });
    const hubs = readHubConfigs(
      new ConfigReader({
        slice: {
          hubs: [
            {
              name: 'demo',
              url: sim.clusterUrl('hub'),
              auth: { type: 'serviceAccount', token: sim.adminToken },
              caData: Buffer.from(sim.caPem).toString('base64'),
              workers: { credentials: 'none' },
            },
          ],
        },
      }),
    );
    fleet = new CachedFleetService({
      hubs,
      logger: mockServices.logger.mock(),
    });
    await fleet.start();
    await fleet.waitForInitialSync(30_000);
    store = OperationStore.fromKnex(await databases.init('SQLITE_3'));
    const logger = mockServices.logger.mock();
    logger.child.mockReturnValue(logger);
    tracker = new DefaultOperationTracker({
      store,
      fleet,
      logger,
      // Only the fleet's change events can move the operation within this test.
      timing: { pollIntervalMs: 10 * 60_000, changeDelayMs: 50 },
    });
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await tracker?.stop();
    await fleet?.stop();
    await sim?.close();
  }, 30_000);

  it('follows the WorkerSliceConfigs until the namespace is onboarded on every member cluster', async () => {
    const members = ['aws-east', 'azure-eu', 'gcp-west'];
    const hub = fleet.hubObjects('demo')!;
    expect(
      hub.workerSliceConfigs
        .filter(w => w.metadata?.labels?.['original-slice-name'] === 'pacman')
        .map(w => w.metadata?.labels?.['worker-cluster'])
        .sort(),
    ).toEqual(members);

    const kc = new KubeConfig();
    kc.loadFromString(sim.kubeconfig);
    kc.setCurrentContext('hub');
    await kc.makeApiClient(CustomObjectsApi).patchNamespacedCustomObject({
      group: 'controller.kubeslice.io',
      version: 'v1alpha1',
      namespace: 'kubeslice-arcade',
      plural: 'sliceconfigs',
      name: 'pacman',
      body: [
        {
          op: 'add',
          path: '/spec/namespaceIsolationProfile/applicationNamespaces/-',
          value: { namespace: 'lobby', clusters: ['*'] },
        },
      ],
    });

    const started = await tracker.start({
      kind: 'namespace.onboard',
      target: { hub: 'demo', project: 'arcade', slice: 'pacman' },
      actor: 'user:default/alice',
      timeoutMs: 60_000,
      phases: [
        onboardingPhase({
          hub: 'demo',
          slice: 'pacman',
          namespace: 'lobby',
          clusters: members,
        }),
      ],
    });
    // Checked at once: nothing is onboarded within the workers' delay.
    expect(started.steps.map(s => [s.id, s.state])).toEqual(
      members.map(c => [`onboard:${c}`, 'running']),
    );

    // Read from the database, as a reload or another replica would, until done.
    const seen: Operation[] = [];
    const deadline = Date.now() + 45_000;
    for (;;) {
      const op = (await tracker.get(started.id))!;
      seen.push(op);
      if (op.state !== 'running' || Date.now() > deadline) break;
      await new Promise(r => setTimeout(r, 100));
    }
    const done = seen[seen.length - 1];
    expect(done.state).toBe('done');
    expect(done.steps).toEqual(
      members.map(c => ({
        id: `onboard:${c}`,
        title: `lobby on ${c}`,
        state: 'done',
      })),
    );
    // It was tracked while it happened, not only found done.
    expect(seen.some(op => op.state === 'running')).toBe(true);

    // What the tracker saw is what the hub says.
    const statuses = fleet
      .hubObjects('demo')!
      .workerSliceConfigs.filter(
        w => w.metadata?.labels?.['original-slice-name'] === 'pacman',
      )
      .map(w => (w.status?.onboardedAppNamespaces ?? []).map(n => n.name));
    expect(statuses.every(names => names.includes('lobby'))).toBe(true);
    expect(tracker.runningHere()).toEqual([]);
  }, 60_000);
});
