import { randomBytes } from 'node:crypto';
import type { KubeObject } from '../api/types';
import { READ_EVERYTHING_RULES, type Identity } from '../server/auth';
import { buildHubObjects } from './hub';
import { planFleet, type FleetPlan } from './plan';
import { readOnlyRules, readWriteRules, workerClusterRules } from './rbac';
import type { ScenarioSpec } from './types';
import { buildWorkerObjects } from './worker';

/**
 * Scenario → objects per virtual cluster, plus the tokens each cluster
 * accepts. Pure: no server, no store; the simulator seeds stores with the result.
 */

export interface ClusterCredential {
  token: string;
  identity: Identity;
}

export interface BuiltCluster {
  name: string;
  role: 'hub' | 'worker';
  objects: KubeObject[];
  credentials: ClusterCredential[];
}

export interface BuiltFleet {
  plan: FleetPlan;
  hub: BuiltCluster;
  workers: BuiltCluster[];
}

export interface BuildOptions {
  /** Seed of every pseudo-random value (jitter, node ports, pod names). Default 1. */
  seed?: number;
  /** "Now" for timestamps; objects are back-dated relative to it. */
  now?: Date;
  /** CA certificate the secrets' `ca.crt` carries. */
  caPem?: string;
  /** URL of a virtual cluster, for endpoints written into objects. */
  clusterUrl?: (name: string) => string;
  /** Token generator (tests may pass a deterministic one). */
  newToken?: () => string;
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function buildFleet(
  scenario: ScenarioSpec,
  options: BuildOptions = {},
): BuiltFleet {
  const now = options.now ?? new Date();
  const newToken = options.newToken ?? randomToken;
  const clusterUrl =
    options.clusterUrl ??
    ((name: string) => `https://127.0.0.1/clusters/${name}`);
  const plan = planFleet(scenario, { seed: options.seed ?? 1, now });

  const tokens = new Map<string, string>();
  const tokenFor = (secretName: string) => {
    let t = tokens.get(secretName);
    if (!t) {
      t = newToken();
      tokens.set(secretName, t);
    }
    return t;
  };

  const hubCredentials: ClusterCredential[] = [];
  const workers: BuiltCluster[] = [];
  for (const cluster of plan.clusters) {
    const ns = cluster.projectNamespace;
    const name = cluster.spec.name;
    hubCredentials.push({
      token: tokenFor(`kubeslice-rbac-worker-${name}`),
      identity: {
        username: `system:serviceaccount:${ns}:kubeslice-rbac-worker-${name}`,
        groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`],
        rules: workerClusterRules(ns),
      },
    });
    workers.push({
      name,
      role: 'worker',
      objects: buildWorkerObjects(plan, cluster),
      credentials: [
        {
          // The dashboard account has cluster-wide read on its worker, nothing else.
          token: tokenFor(`${name}-kubernetes-dashboard`),
          identity: {
            username:
              'system:serviceaccount:kubeslice-system:kubeslice-kubernetes-dashboard',
            groups: ['system:serviceaccounts'],
            rules: READ_EVERYTHING_RULES,
          },
        },
      ],
    });
  }
  for (const project of scenario.projects) {
    const ns = `kubeslice-${project.name}`;
    for (const user of project.serviceAccount?.readOnly ?? []) {
      const sa = `kubeslice-rbac-ro-${user.toLowerCase()}`;
      hubCredentials.push({
        token: tokenFor(sa),
        identity: {
          username: `system:serviceaccount:${ns}:${sa}`,
          groups: ['system:serviceaccounts'],
          rules: readOnlyRules(ns),
        },
      });
    }
    for (const user of project.serviceAccount?.readWrite ?? []) {
      const sa = `kubeslice-rbac-rw-${user.toLowerCase()}`;
      hubCredentials.push({
        token: tokenFor(sa),
        identity: {
          username: `system:serviceaccount:${ns}:${sa}`,
          groups: ['system:serviceaccounts'],
          rules: readWriteRules(ns),
        },
      });
    }
  }

  const hub: BuiltCluster = {
    name: scenario.hub.name,
    role: 'hub',
    objects: buildHubObjects(plan, {
      caPem: options.caPem ?? '',
      clusterUrl,
      hubName: scenario.hub.name,
      tokenFor,
    }),
    credentials: hubCredentials,
  };
  return { plan, hub, workers };
}
