import http from 'node:http';
import type { KubeObject } from '../api/types';
import { hubResourceTypes } from '../sim/clusterKinds';
import { ADMIN_RULES } from './auth';
import { ApiServer, type ApiServerOptions } from './ApiServer';
import { VirtualCluster } from './VirtualCluster';

/**
 * Test helpers: a plain-HTTP server with one small hub cluster, and a
 * line-by-line watch reader. Shared by the server tests only.
 */

export const TOKEN = 'test-admin-token';
export const NS = 'kubeslice-arcade';
export const SLICES = `/apis/controller.kubeslice.io/v1alpha1/namespaces/${NS}/sliceconfigs`;

export function sliceConfig(
  name: string,
  labels: Record<string, string> = {},
): KubeObject {
  return {
    apiVersion: 'controller.kubeslice.io/v1alpha1',
    kind: 'SliceConfig',
    metadata: { name, namespace: NS, labels },
    spec: { maxClusters: 4, clusters: ['a', 'b'] },
  };
}

export async function startTestServer(
  options: ApiServerOptions & { historyLimit?: number } = {},
) {
  const server = new ApiServer({ ...options });
  await server.listen();
  server.tokens.add(TOKEN, {
    username: 'admin',
    groups: [],
    rules: ADMIN_RULES,
  });
  const hub = new VirtualCluster({
    name: 'hub',
    resourceTypes: hubResourceTypes(),
    historyLimit: options.historyLimit,
  });
  hub.seed([
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } },
    sliceConfig('pacman', { tier: 'gold' }),
    sliceConfig('leaderboard'),
  ]);
  server.addCluster(hub);
  const base = server.clusterUrl('hub');

  async function request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
  return { server, hub, base, request };
}

export interface WatchReader {
  events: Array<{ type: string; object: any }>;
  /** Resolves once at least `n` events arrived (rejects after 5 s). */
  waitFor(n: number): Promise<Array<{ type: string; object: any }>>;
  ended: Promise<void>;
  close(): void;
}

export function openWatch(url: string, token = TOKEN): Promise<WatchReader> {
  return new Promise((resolve, reject) => {
    const events: WatchReader['events'] = [];
    const waiters: Array<() => void> = [];
    let endResolve: () => void;
    const ended = new Promise<void>(r => {
      endResolve = r;
    });
    const req = http.get(
      url,
      { headers: { authorization: `Bearer ${token}` } },
      res => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let nl = buffer.indexOf('\n');
          while (nl >= 0) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + 1);
            if (line.trim()) events.push(JSON.parse(line));
            nl = buffer.indexOf('\n');
          }
          waiters.splice(0).forEach(w => w());
        });
        res.on('end', () => endResolve());
        res.on('close', () => endResolve());
        resolve({
          events,
          ended,
          close: () => req.destroy(),
          waitFor: n =>
            new Promise((ok, fail) => {
              const timer = setTimeout(
                () =>
                  fail(
                    new Error(
                      `timed out waiting for ${n} events, got ${JSON.stringify(
                        events.map(e => e.type),
                      )}`,
                    ),
                  ),
                5000,
              );
              const check = () => {
                if (events.length >= n) {
                  clearTimeout(timer);
                  ok(events);
                } else waiters.push(check);
              };
              check();
            }),
        });
      },
    );
    req.on('error', reject);
  });
}
