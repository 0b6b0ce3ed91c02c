import type { ClusterObject } from '@slice-portal/plugin-slice-common';
import type { HubConfig } from '../config/hubConfig';
import type { HubTransport } from '../hubs/hubTransport';
import type { WatchedKind } from '../hubs/kinds';
import type { WorkerEndpoint } from '../hubs/workerAccess';
import { FakeKindServer } from './FakeKindServer';

/**
 * A hub and its workers as FakeKindServers, one per kind: `hub.kind('clusters')`,
 * `worker('aws').kind('slicegateways')`. `resolveWorker` answers from `endpoints`, or runs
 * `resolve` when a test scripts it (throwing, hanging, ...).
 */
export class FakeFleet {
  private readonly hubServers = new Map<string, FakeKindServer>();
  private readonly workerServers = new Map<string, Map<string, FakeKindServer>>();
  resolveCalls = 0;
  resolve?: (cluster: ClusterObject, signal: AbortSignal) => Promise<WorkerEndpoint>;

  constructor(private readonly now: () => number) {}

  hub(plural: string): FakeKindServer {
    let server = this.hubServers.get(plural);
    if (!server) {
      server = new FakeKindServer(this.now);
      this.hubServers.set(plural, server);
    }
    return server;
  }

  worker(cluster: string, plural: string): FakeKindServer {
    let kinds = this.workerServers.get(cluster);
    if (!kinds) {
      kinds = new Map();
      this.workerServers.set(cluster, kinds);
    }
    let server = kinds.get(plural);
    if (!server) {
      server = new FakeKindServer(this.now);
      kinds.set(plural, server);
    }
    return server;
  }

  /** Registers a worker cluster on the hub (a Cluster object in project `acme`). */
  addCluster(name: string) {
    this.hub('clusters').upsert(name, {
      metadata: { name, namespace: 'kubeslice-acme' },
    });
  }

  transport(): HubTransport {
    return {
      hubClient: (kind: WatchedKind) => this.hub(kind.plural).client(),
      workerClient: ({ cluster, kind }) =>
        this.worker(cluster, kind.plural).client(),
      resolveWorker: async ({ cluster, signal }) => {
        this.resolveCalls += 1;
        if (this.resolve) return this.resolve(cluster, signal);
        return {
          url: `https://${cluster.metadata?.name}.example:6443`,
          token: 'token',
          dangerouslySkipTLSVerify: false,
        };
      },
    };
  }
}

export function testHubConfig(overrides: Partial<HubConfig> = {}): HubConfig {
  return {
    name: 'test',
    title: 'Test',
    url: 'https://hub.example:6443',
    auth: { type: 'serviceAccount', token: 't' },
    dangerouslySkipTLSVerify: false,
    dangerouslyAllowHttp: false,
    configPath: 'slice.hubs[0]',
    warnings: [],
    workers: { credentials: 'dashboardSecret', clusters: [] },
    ...overrides,
  } as HubConfig;
}
