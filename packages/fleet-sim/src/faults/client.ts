import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import yaml from 'js-yaml';

/**
 * A small client for the control API of a running simulator, configured from
 * the kubeconfig the simulator wrote (server, CA and admin token), so the CLI
 * needs no extra credentials.
 */

export interface ControlTarget {
  /** Base URL of the simulator, e.g. `https://127.0.0.1:6443`. */
  url: string;
  token: string;
  caPem?: string;
}

/** Reads the simulator's base URL, CA and admin token from its kubeconfig. */
export function targetFromKubeconfig(file: string): ControlTarget {
  let doc: any;
  try {
    doc = yaml.load(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`Cannot read kubeconfig ${file}: ${(e as Error).message}`);
  }
  const cluster = doc?.clusters?.[0]?.cluster;
  const token = doc?.users?.[0]?.user?.token;
  if (!cluster?.server || !token)
    throw new Error(`${file} is not a fleet-sim kubeconfig`);
  const url = String(cluster.server).replace(/\/clusters\/[^/]+\/?$/, '');
  const caData = cluster['certificate-authority-data'];
  return {
    url,
    token,
    caPem: caData ? Buffer.from(caData, 'base64').toString('utf8') : undefined,
  };
}

export function callControlApi(
  target: ControlTarget,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const url = new URL(`/sim/v1/${path}`, target.url);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method,
        ca: target.caPem,
        headers: {
          authorization: `Bearer ${target.token}`,
          ...(payload
            ? {
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(payload),
              }
            : {}),
        },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            // keep the text
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}
