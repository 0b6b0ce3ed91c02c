import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { startFleetSim, type FleetSim } from '@slice-portal/fleet-sim';
import {
  slicePermissions,
  sliceResourcePermissions,
} from '@slice-portal/plugin-slice-common';
import { readTenancyConfig } from '../../config/tenancy';
import {
  createIsProjectOwnedByRule,
  isInProject,
  sliceResourceRef,
} from '../../permissions/rules';
import { SliceAuthorizer } from '../../permissions/SliceAuthorizer';
import { createWriteRouter } from '../router';
import { DEFAULT_PREFLIGHTS, type Preflights } from '../WriteContext';
import { readWriteSettings } from '../writeConfig';
import { AuditStore } from '../../audit/AuditStore';
import { DefaultAuditLog } from '../../audit/AuditLog';
import {
  DefaultOperationTracker,
  type Operation,
} from '../../operations/OperationTracker';
import { OperationStore } from '../../operations/OperationStore';
import { fleetServiceRef, type FleetService } from '../../service/FleetService';
import type { AuditLog, AuditRecord } from '../contracts';

export {
  ACME,
  ARCADE,
  PLATFORM,
  claimsOf,
  examplePolicyPermissions,
} from '../../testUtils/examplePolicy';
import { examplePolicyPermissions } from '../../testUtils/examplePolicy';

/** The plugin's audit log, also keeping every record in memory for the assertions. */
export class RecordingAuditLog implements AuditLog {
  readonly records: AuditRecord[] = [];
  /** The plugin's DefaultAuditLog, once the backend built it. */
  delegate?: AuditLog;

  async record(entry: Parameters<AuditLog['record']>[0]) {
    const { credentials: _c, request: _r, ...row } = entry;
    this.records.push(row);
    await this.delegate?.record(entry);
  }

  clear() {
    this.records.length = 0;
  }
}

/** Test access to the plugin's real operation tracker. */
export interface TrackerAccess {
  get(id: string): Promise<Operation | undefined>;
  /** Resolves with the operation once it left `running`; throws after `timeoutMs`. */
  settled(id: string, timeoutMs?: number): Promise<Operation>;
}

export interface HarnessOptions {
  /** Worker write credentials for these clusters (`workers.write.clusters`, admin token). */
  workerWrite?: string[];
  /** `slice.hubs[0].write.auth.token`, when the hub is written with other credentials than it is read with. */
  hubWriteToken?: (sim: FleetSim) => string;
  extraSliceConfig?: Record<string, any>;
  /** How the caches reach workers (tunnel status, exports); default none. */
  workerRead?: 'dashboardSecret' | 'none';
  /** Serve against this simulator (left running by close()) instead of starting one. */
  sim?: FleetSim;
}

export interface Harness {
  sim: FleetSim;
  server: any;
  tracker: TrackerAccess;
  audit: RecordingAuditLog;
  /** The hub's objects through the admin kubeconfig, to see what really is stored. */
  hub: CustomObjectsApi;
  worker(name: string): CustomObjectsApi;
  /**
   * Turns one preflight off until the returned function is called, so a write the webhooks
   * refuse reaches them (the admission-rejection tests).
   */
  withoutPreflight(kind: keyof Preflights): () => void;
  close(): Promise<void>;
}

/**
 * The fleet simulator (demo scenario, HTTPS, real webhooks) and a test backend that serves
 * the write routes with the slice plugin's permission registration, the fake tracker and
 * audit log.
 */
export async function startWriteHarness(
  options: HarnessOptions = {},
): Promise<Harness> {
  const ownSim = !options.sim;
  const sim =
    options.sim ??
    (await startFleetSim({
      scenario: 'demo',
      port: 0,
      seed: 7,
      statusIntervalMs: 1000,
      onboardDelayMs: 200,
    }));
  const off = new Set<keyof Preflights>();
  const none = () => [];
  const preflights: Partial<Preflights> = {
    sliceConfig: (input, o) =>
      off.has('sliceConfig')
        ? none()
        : DEFAULT_PREFLIGHTS.sliceConfig(input, o),
    cluster: input =>
      off.has('cluster') ? none() : DEFAULT_PREFLIGHTS.cluster(input),
    qos: input => (off.has('qos') ? none() : DEFAULT_PREFLIGHTS.qos(input)),
  };
  const audit = new RecordingAuditLog();
  let tracker: DefaultOperationTracker | undefined;
  let fleet: FleetService | undefined;
  const writePlugin = createBackendPlugin({
    pluginId: 'slice',
    register(env) {
      env.registerInit({
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.logger,
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
          permissions: coreServices.permissions,
          permissionsRegistry: coreServices.permissionsRegistry,
          database: coreServices.database,
          auditor: coreServices.auditor,
          lifecycle: coreServices.lifecycle,
          fleetService: fleetServiceRef,
        },
        async init(deps) {
          const {
            config,
            logger,
            httpRouter,
            httpAuth,
            permissions,
            permissionsRegistry,
          } = deps;
          fleet = deps.fleetService;
          tracker = new DefaultOperationTracker({
            store: OperationStore.fromDatabase(deps.database),
            fleet: deps.fleetService,
            logger,
            timing: { pollIntervalMs: 500, changeDelayMs: 50 },
          });
          deps.lifecycle.addShutdownHook(() => tracker!.stop());
          const store = AuditStore.fromDatabase(deps.database);
          audit.delegate = new DefaultAuditLog({
            store,
            auditor: deps.auditor,
            logger,
          });
          const tenancy = readTenancyConfig(config);
          permissionsRegistry.addPermissions(
            slicePermissions.filter(p => p.type === 'basic'),
          );
          permissionsRegistry.addResourceType({
            resourceRef: sliceResourceRef,
            permissions: sliceResourcePermissions,
            rules: [isInProject, createIsProjectOwnedByRule(tenancy)],
            getResources: async refs => refs.map(() => undefined),
          });
          httpRouter.use(
            createWriteRouter({
              httpAuth,
              authorizer: new SliceAuthorizer(permissions, permissionsRegistry),
              tracker: tracker!,
              audit,
              logger,
              settings: readWriteSettings(config),
              preflights,
            }),
          );
        },
      });
    },
  });
  const hubEntry: Record<string, any> = {
    name: 'demo',
    url: sim.clusterUrl('hub'),
    auth: { type: 'serviceAccount', token: sim.adminToken },
    caData: Buffer.from(sim.caPem).toString('base64'),
    workers: {
      credentials: options.workerRead ?? 'none',
      write: {
        clusters: (options.workerWrite ?? []).map(name => ({
          name,
          url: sim.clusterUrl(name),
          token: sim.adminToken,
          caData: Buffer.from(sim.caPem).toString('base64'),
        })),
      },
    },
  };
  if (options.hubWriteToken)
    hubEntry.write = {
      auth: { type: 'serviceAccount', token: options.hubWriteToken(sim) },
    };
  const backend = await startTestBackend({
    features: [
      writePlugin,
      examplePolicyPermissions,
      mockServices.rootConfig.factory({
        data: {
          slice: {
            hubs: [hubEntry],
            tenancy: {
              platformGroups: ['group:default/platform-team'],
              projects: {
                acme: ['group:default/team-acme'],
                arcade: ['group:default/team-arcade'],
              },
            },
            ...options.extraSliceConfig,
          },
        },
      }),
    ],
  });
  await fleet!.waitForInitialSync(30_000);
  const trackerAccess: TrackerAccess = {
    get: id => tracker!.get(id),
    async settled(id, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const op = await tracker!.get(id);
        if (!op) throw new Error(`no operation ${id}`);
        if (op.state !== 'running') return op;
        if (Date.now() > deadline)
          throw new Error(
            `operation ${id} still running: ${JSON.stringify(op.steps)}`,
          );
        await new Promise(r => setTimeout(r, 100));
      }
    },
  };
  const apiFor = (context: string) => {
    const c = new KubeConfig();
    c.loadFromString(sim.kubeconfig);
    c.setCurrentContext(context);
    return c.makeApiClient(CustomObjectsApi);
  };
  return {
    sim,
    server: backend.server,
    tracker: trackerAccess,
    audit,
    hub: apiFor('hub'),
    worker: apiFor,
    withoutPreflight(kind) {
      off.add(kind);
      return () => off.delete(kind);
    },
    async close() {
      await backend.stop();
      if (ownSim) await sim.close();
    },
  };
}

/** Reads a hub object through the admin credentials (undefined when absent). */
export async function hubObject(
  h: Harness,
  plural: string,
  namespace: string,
  name: string,
  group = 'controller.kubeslice.io',
): Promise<any | undefined> {
  try {
    return await h.hub.getNamespacedCustomObject({
      group,
      version: 'v1alpha1',
      namespace,
      plural,
      name,
    });
  } catch (e) {
    if ((e as { code?: number }).code === 404) return undefined;
    throw e;
  }
}
