import { execFile } from 'node:child_process';
import https from 'node:https';
import { promisify } from 'node:util';
import type { FleetSim } from './startFleetSim';

/**
 * Test helpers: requests to a running simulator over verified HTTPS (its
 * CA, no verification switched off), and the real `kubectl` from PATH.
 */

export interface TestResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the answer is JSON, else undefined (see `raw`). */
  body: any;
  raw: Buffer;
}

export interface TestRequest {
  method?: string;
  /** Path below the cluster (`/api/v1/namespaces`) or, with `cluster: null`, below the server. */
  path: string;
  cluster?: string | null;
  body?: unknown;
  /** Sent as is (YAML for apply patches); `body` is JSON-encoded otherwise. */
  rawBody?: string;
  contentType?: string;
  token?: string;
  headers?: Record<string, string | string[]>;
}

export function simRequest(
  sim: FleetSim,
  r: TestRequest,
): Promise<TestResponse> {
  const base =
    r.cluster === null ? sim.url : sim.clusterUrl(r.cluster ?? 'hub');
  const url = new URL(`${base}${r.path}`);
  const payload =
    r.rawBody ?? (r.body === undefined ? undefined : JSON.stringify(r.body));
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: r.method ?? 'GET',
        ca: sim.caPem,
        headers: {
          authorization: `Bearer ${r.token ?? sim.adminToken}`,
          ...(payload !== undefined
            ? { 'content-type': r.contentType ?? 'application/json' }
            : {}),
          ...r.headers,
        },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const json = /json/.test(String(res.headers['content-type']));
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: json && raw.length ? JSON.parse(raw.toString()) : undefined,
            raw,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const run = promisify(execFile);

export interface Kubectl {
  /** `kubectl --kubeconfig <file> --cache-dir <dir> <args>`: stdout; rejects with stderr in the message. */
  (...args: string[]): Promise<string>;
  /** The same, with stderr (warnings) too. */
  full(...args: string[]): Promise<{ stdout: string; stderr: string }>;
}

/**
 * The real `kubectl` from PATH against a kubeconfig. Fails with a clear
 * message when there is no kubectl: these tests need the real client.
 */
export async function requireKubectl(
  kubeconfig: string,
  cacheDir: string,
): Promise<Kubectl> {
  try {
    await run('kubectl', ['version', '--client']);
  } catch (e) {
    throw new Error(
      `these tests run the real kubectl, which is not on PATH (${
        (e as Error).message
      }); install it (Debian: apt-get install kubernetes-client)`,
    );
  }
  const full = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run('kubectl', [
        '--kubeconfig',
        kubeconfig,
        '--cache-dir',
        cacheDir,
        ...args,
      ]);
      return { stdout, stderr };
    } catch (e: any) {
      throw new Error(
        `kubectl ${args.join(' ')} failed: ${e.stderr ?? e.message}`,
      );
    }
  };
  return Object.assign(
    async (...args: string[]) => (await full(...args)).stdout,
    { full },
  );
}
