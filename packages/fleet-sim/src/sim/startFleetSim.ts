import { RevisionClock } from '../store/RevisionClock';
import { ADMIN_RULES } from '../server/auth';
import { ApiServer } from '../server/ApiServer';
import { generateTlsMaterial } from '../server/tls';
import { VirtualCluster } from '../server/VirtualCluster';
import { buildFleet, randomToken } from '../scenario/build';
import { loadScenario, validateScenario } from '../scenario/load';
import { planFleet } from '../scenario/plan';
import { isScaleScenario } from '../scenario/scale';
import { applyScenario } from './applyScenario';
import { Timeline } from './Timeline';
import { sliceInjectionWebhook } from '../emulation/podWebhook';
import type { ScenarioSpec } from '../scenario/types';
import { hubResourceTypes, workerResourceTypes } from './clusterKinds';
import { renderKubeconfig, writeKubeconfig } from './kubeconfig';
import { StatusTicker } from './StatusTicker';
import { FleetRuntime } from '../emulation/FleetRuntime';
import type { FaultController } from '../faults/FaultController';
import { FaultState } from '../faults/FaultState';
import { installFaults } from '../faults/installFaults';
import { renderMetrics } from '../metrics/prometheus';
import { controllerAdmission } from '../controller/admission';
import { WorkQueue } from '../emulation/WorkQueue';
import { HubController } from '../emulation/HubController';
import { WorkerEmulator } from '../emulation/WorkerEmulator';

export interface FleetSimOptions {
  /** Bundled scenario name (`demo`), path to a scenario file, or a spec object. Default `demo`. */
  scenario?: string | ScenarioSpec;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Listen address; default 127.0.0.1. */
  host?: string;
  /** Also write the kubeconfig to this file (parent folders are created). */
  kubeconfigPath?: string;
  /** Seed for all pseudo-random data; default 1. */
  seed?: number;
  /** Serve HTTPS with a generated CA (default true). client-node refuses plain HTTP unless TLS verification is off. */
  tls?: boolean;
  /** How often cluster/slice health timestamps and tunnel metrics are refreshed; default 30 s, 0 disables. */
  statusIntervalMs?: number;
  /** Interval of BOOKMARK events on watches that allow them; default 15 s. */
  bookmarkIntervalMs?: number;
  /** Events kept per cluster for watch resumption (older versions get 410 Gone); default 5000. */
  historyLimit?: number;
  /** Use this admin token instead of a random one. */
  adminToken?: string;
  /** How long an emulated worker takes to onboard or offboard namespaces; default 2000 ms. */
  onboardDelayMs?: number;
  /**
   * Apply the scenario through the API create/update path with the
   * emulation generating the rest (default), or seed the built objects into
   * the stores (default for `scale:` fleets, which must start in seconds).
   */
  applyThroughApi?: boolean;
}

export interface FleetSim {
  /** Base URL, e.g. `https://127.0.0.1:6443`. */
  url: string;
  port: number;
  /** PEM of the CA that signed the server certificate (empty without TLS). */
  caPem: string;
  /** Bearer token accepted by every virtual cluster, with full rights. */
  adminToken: string;
  /** kubeconfig YAML: one context per virtual cluster, current context = the hub. */
  kubeconfig: string;
  clusterUrl(name: string): string;
  /** Hub first, then the workers in scenario order. */
  clusterNames(): string[];
  scenario: ScenarioSpec;
  /** Direct access to a virtual cluster's store and tokens (tests, tooling). */
  cluster(name: string): VirtualCluster | undefined;
  /** Runs one status refresh round now (health timestamps, tunnel samples). */
  refreshStatus(): void;
  /**
   * Runs every pending controller and worker reconcile now, including
   * delayed ones (namespace onboarding), until the fleet is quiet. Without
   * it, they run on their own shortly after each write.
   */
  settle(): Promise<void>;
  /**
   * Fault injection (also at `/sim/v1/faults` and `fleet-sim fault`): e.g.
   * `sim.faults.clusterDown('aws-east')`. Effects are applied before the call returns.
   */
  faults: FaultController;
  /** The Prometheus exposition text `GET /metrics` serves right now. */
  metrics(): string;
  /** Ends open watches, stops timers and the listener. */
  close(): Promise<void>;
}

function resolveScenario(input: FleetSimOptions['scenario']): ScenarioSpec {
  if (input === undefined) return loadScenario('demo');
  if (typeof input === 'string') return loadScenario(input);
  return validateScenario(input, input.name ? `"${input.name}"` : 'object');
}

/** Starts a simulated KubeSlice fleet behind a Kubernetes-compatible API. */
export async function startFleetSim(
  options: FleetSimOptions = {},
): Promise<FleetSim> {
  const scenario = resolveScenario(options.scenario);
  const host = options.host ?? '127.0.0.1';
  const tlsEnabled = options.tls ?? true;
  const extraHosts = ['0.0.0.0', '::'].includes(host) ? [] : [host];
  const tls = tlsEnabled ? generateTlsMaterial(extraHosts) : undefined;
  const server = new ApiServer({
    tls,
    host,
    port: options.port ?? 0,
    bookmarkIntervalMs: options.bookmarkIntervalMs,
  });
  await server.listen();

  const adminToken = options.adminToken ?? randomToken();
  server.tokens.add(adminToken, {
    username: 'fleet-sim-admin',
    groups: ['system:masters', 'system:authenticated'],
    rules: ADMIN_RULES,
  });

  const seed = options.seed ?? 1;
  // Generated scale fleets are seeded straight into the stores (then adopted
  // by the controller): applying thousands of gateways through the API path
  // would not start in seconds. Named and file scenarios go through the API.
  const viaApi = options.applyThroughApi ?? !isScaleScenario(scenario.name);
  const timeline = new Timeline();
  const now = () => timeline.now();
  const fleet = viaApi
    ? undefined
    : buildFleet(scenario, {
        seed,
        caPem: tls?.caPem ?? '',
        clusterUrl: name => server.clusterUrl(name),
      });
  const plan = fleet?.plan ?? planFleet(scenario, { seed, now: new Date() });
  const clock = new RevisionClock();
  const workers = new Map<string, VirtualCluster>();
  let hubCluster: VirtualCluster | undefined;
  try {
    const clusters = [
      { name: scenario.hub.name, role: 'hub' },
      ...plan.clusters.map(c => ({ name: c.spec.name, role: 'worker' })),
    ];
    for (const { name, role } of clusters) {
      const cluster = new VirtualCluster({
        name,
        resourceTypes:
          role === 'hub' ? hubResourceTypes() : workerResourceTypes(),
        clock,
        historyLimit: options.historyLimit,
        now,
      });
      const built =
        role === 'hub' ? fleet?.hub : fleet?.workers.find(w => w.name === name);
      if (built) {
        cluster.seed(built.objects);
        built.credentials.forEach(c => cluster.tokens.add(c.token, c.identity));
      }
      server.addCluster(cluster);
      if (role === 'hub') hubCluster = cluster;
      else workers.set(name, cluster);
    }
  } catch (e) {
    await server.close();
    throw e;
  }

  // The controller's webhooks judge every write from now on (a seed is the fleet's history).
  hubCluster!.admission.push(controllerAdmission(hubCluster!));
  // The worker operator's pod webhook on every worker.
  for (const worker of workers.values())
    worker.admission.push(sliceInjectionWebhook());
  const faultState = new FaultState(seed);
  const runtime = new FleetRuntime({
    hub: hubCluster!,
    workers,
    faults: faultState,
    seed,
    now,
    siteExtras: new Map(
      plan.clusters.map(c => [
        c.spec.name,
        {
          extraLatencyMs: c.spec.extraLatencyMs,
          packetLossPercent: c.spec.packetLossPercent,
        },
      ]),
    ),
  });
  const queue = new WorkQueue();
  const controller = new HubController({
    runtime,
    queue,
    seed,
    caPem: tls?.caPem ?? '',
    controllerEndpoint: server.clusterUrl(scenario.hub.name),
  });
  const workerEmulator = new WorkerEmulator({
    runtime,
    queue,
    seed,
    onboardDelayMs: options.onboardDelayMs,
  });
  // A seeded scenario is adopted: what the controller would generate and it
  // lacks (roles, bindings, gateway Secrets) is created now.
  controller.start(!viaApi);
  workerEmulator.start();
  try {
    if (viaApi)
      applyScenario({
        plan,
        hub: hubCluster!,
        workers,
        runtime,
        timeline,
        settle: () => queue.settle(),
        caPem: tls?.caPem ?? '',
        clusterUrl: name => server.clusterUrl(name),
        newToken: randomToken,
      });
    queue.settle();
  } catch (e) {
    queue.close();
    await server.close();
    throw e;
  } finally {
    timeline.release();
  }
  // A worker that is back catches up before the fault call returns.
  runtime.onClusterUp.push(name => {
    workerEmulator.resync(name);
    queue.drain();
  });
  const ticker = new StatusTicker(runtime, options.statusIntervalMs ?? 30_000);
  const faults = installFaults({
    server,
    runtime,
    state: faultState,
    refresh: () => ticker.refresh(),
  });
  // Unauthenticated, like the sidecars' and operators' metrics ports Prometheus scrapes.
  server.addHandler('/metrics', (_req, res) => {
    const text = renderMetrics(runtime);
    res.writeHead(200, {
      'Content-Type': 'text/plain; version=0.0.4; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
    });
    res.end(text);
  });
  ticker.start();

  const kubeconfig = renderKubeconfig({
    clusters: server
      .clusterNames()
      .map(name => ({ name, server: server.clusterUrl(name) })),
    caPem: tls?.caPem,
    token: adminToken,
    currentContext: scenario.hub.name,
  });
  if (options.kubeconfigPath) {
    try {
      writeKubeconfig(options.kubeconfigPath, kubeconfig);
    } catch (e) {
      ticker.stop();
      await server.close();
      throw e;
    }
  }

  let closed: Promise<void> | undefined;
  return {
    url: server.url,
    port: server.port,
    caPem: tls?.caPem ?? '',
    adminToken,
    kubeconfig,
    scenario,
    clusterUrl: name => server.clusterUrl(name),
    clusterNames: () => server.clusterNames(),
    cluster: name => server.cluster(name),
    refreshStatus: () => ticker.refresh(),
    settle: async () => {
      queue.settle();
    },
    faults,
    metrics: () => renderMetrics(runtime),
    close: () => {
      closed ??= (async () => {
        ticker.stop();
        queue.close();
        controller.stop();
        workerEmulator.stop();
        await server.close();
      })();
      return closed;
    },
  };
}
