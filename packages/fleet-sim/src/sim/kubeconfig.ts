import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

/**
 * A kubeconfig with one context per virtual cluster (context, cluster and
 * server path all named after it), the simulator's CA, and one admin user.
 */
export function renderKubeconfig(options: {
  clusters: Array<{ name: string; server: string }>;
  caPem?: string;
  token: string;
  currentContext: string;
  userName?: string;
}): string {
  const user = options.userName ?? 'fleet-sim-admin';
  const doc = {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    'current-context': options.currentContext,
    clusters: options.clusters.map(c => ({
      name: c.name,
      cluster: {
        server: c.server,
        ...(options.caPem
          ? {
              'certificate-authority-data': Buffer.from(
                options.caPem,
                'utf8',
              ).toString('base64'),
            }
          : {}),
      },
    })),
    contexts: options.clusters.map(c => ({
      name: c.name,
      context: { cluster: c.name, user },
    })),
    users: [{ name: user, user: { token: options.token } }],
  };
  return yaml.dump(doc, { lineWidth: -1, noRefs: true });
}

/** Writes a kubeconfig (owner-only: it holds the admin token), creating its folder. */
export function writeKubeconfig(file: string, text: string): void {
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, text, { mode: 0o600 });
  } catch (e) {
    throw new Error(
      `Cannot write kubeconfig to ${file}: ${(e as Error).message}`,
    );
  }
}
