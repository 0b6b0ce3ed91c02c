import type { Config } from '@backstage/config';
import { readDurationFromConfig } from '@backstage/config';
import {
  readHubConfigs,
  type HubAuth,
  type HubConfig,
} from '../config/hubConfig';
import { durationToMs } from '../latency/durations';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './readModifyWrite';

/**
 * Credentials and limits of the write path.
 *
 * - Hub writes use `slice.hubs[].write.auth` when set, else the hub's `auth`: a portal
 *   may read with a read-only token and write with a separate one (for KubeSlice, the
 *   project's `kubeslice-rbac-rw-<user>` token or a service account bound to
 *   `kubeslice-read-write`).
 * - Worker writes (a ServiceExport on a worker) need `slice.hubs[].workers.write.clusters[]`:
 *   the read credentials (dashboard Secrets, `workers.clusters`) are never used to write.
 *   A worker that is not listed gets the manifest to apply instead.
 */

/** A worker the portal may write to. */
export interface WorkerWriteConfig {
  name: string;
  /** Only for this project's cluster of that name; any project when absent. */
  project?: string;
  url: string;
  token: string;
  caData?: string;
  dangerouslySkipTLSVerify: boolean;
}

export interface HubWriteConfig {
  hub: HubConfig;
  /** Credentials the hub writes are made with. */
  auth: HubAuth;
  /** True when `write.auth` is set (the read credentials are not used to write). */
  separateCredentials: boolean;
  workers: WorkerWriteConfig[];
}

export interface WriteSettings {
  hubs: HubWriteConfig[];
  retry: RetryPolicy;
  /** How long a tracked operation (onboarding, guided delete, ...) may run before it times out. */
  operationTimeoutMs: number;
  /** Deadline of each call to a cluster's API server. */
  requestTimeoutMs: number;
}

export const DEFAULT_OPERATION_TIMEOUT_MS = 10 * 60_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

function readAuth(entry: Config, at: string): HubAuth {
  const type = entry.getString('type');
  switch (type) {
    case 'serviceAccount':
      return { type, token: entry.getString('token') };
    case 'kubeconfig':
      return {
        type,
        path: entry.getString('path'),
        context: entry.getOptionalString('context'),
      };
    case 'inCluster':
      return { type };
    default:
      throw new Error(
        `Invalid config at '${at}.type': '${type}' is not one of serviceAccount, kubeconfig, inCluster`,
      );
  }
}

function checkScheme(url: string, key: string, hub: HubConfig): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new Error(`Invalid config at '${key}': '${url}' is not a URL`);
  }
  if (protocol === 'https:') return;
  if (protocol === 'http:' && hub.dangerouslyAllowHttp) return;
  throw new Error(
    `Invalid config at '${key}': '${url}' must use https (the write token would travel unencrypted)`,
  );
}

function readDurationMs(
  config: Config,
  key: string,
  fallback: number,
  range: [number, number],
): number {
  if (!config.has(key)) return fallback;
  const ms = durationToMs(readDurationFromConfig(config, { key }));
  if (!(ms >= range[0] && ms <= range[1])) {
    throw new Error(
      `Invalid config at '${key}': must be between ${range[0] / 1000}s and ${
        range[1] / 1000
      }s`,
    );
  }
  return ms;
}

/** Reads the write settings; invalid values fail at start, naming the key. */
export function readWriteSettings(config: Config): WriteSettings {
  const hubs = readHubConfigs(config);
  const entries = config.getOptionalConfigArray('slice.hubs') ?? [];
  const hubWrites = hubs.map((hub, i): HubWriteConfig => {
    const entry = entries[i];
    const at = `slice.hubs[${i}]`;
    const authConfig = entry.getOptionalConfig('write.auth');
    const auth = authConfig
      ? readAuth(authConfig, `${at}.write.auth`)
      : hub.auth;
    if (auth.type === 'serviceAccount' && !hub.url) {
      throw new Error(
        `Missing config at '${at}.url': serviceAccount write credentials need the API server URL`,
      );
    }
    const workers = (
      entry.getOptionalConfigArray('workers.write.clusters') ?? []
    ).map((w, j): WorkerWriteConfig => {
      const wat = `${at}.workers.write.clusters[${j}]`;
      const url = w.getString('url');
      checkScheme(url, `${wat}.url`, hub);
      return {
        name: w.getString('name'),
        project: w.getOptionalString('project'),
        url: url.replace(/\/+$/, ''),
        token: w.getString('token'),
        caData: w.getOptionalString('caData'),
        dangerouslySkipTLSVerify:
          w.getOptionalBoolean('dangerouslySkipTLSVerify') ?? false,
      };
    });
    return {
      hub,
      auth,
      separateCredentials: Boolean(authConfig),
      workers,
    };
  });

  const maxAttempts =
    config.getOptionalNumber('slice.write.conflictRetries') ??
    DEFAULT_RETRY_POLICY.maxAttempts - 1;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 0 || maxAttempts > 100) {
    throw new Error(
      `Invalid config at 'slice.write.conflictRetries': must be an integer from 0 to 100`,
    );
  }
  return {
    hubs: hubWrites,
    retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: maxAttempts + 1 },
    operationTimeoutMs: readDurationMs(
      config,
      'slice.write.operationTimeout',
      DEFAULT_OPERATION_TIMEOUT_MS,
      [10_000, 24 * 3_600_000],
    ),
    requestTimeoutMs: readDurationMs(
      config,
      'slice.write.requestTimeout',
      DEFAULT_REQUEST_TIMEOUT_MS,
      [1_000, 600_000],
    ),
  };
}

/** The write credentials of a worker, if the operator configured any. */
export function workerWriteConfig(
  hub: HubWriteConfig,
  project: string,
  cluster: string,
): WorkerWriteConfig | undefined {
  return hub.workers.find(
    w => w.name === cluster && (!w.project || w.project === project),
  );
}
