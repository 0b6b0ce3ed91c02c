/**
 * Benchmark of the slice backend's read API at fleet scale (a script, not a test).
 *
 *   source scripts/toolchain.sh && npx tsx bench/backend-api.ts [--scenario scale:200x100] [--seconds 10] [--clients 10]
 *
 * Starts the fleet simulator and the example backend as separate processes, waits until
 * the backend's caches hold the whole fleet (hub and every worker), then runs N concurrent
 * clients against `GET /fleet`, `GET /slices` and a slice detail for a fixed time each, and
 * reports p50/p95/max latency, requests/s and the backend's resident memory.
 */
import { execSync } from 'child_process';
import fs from 'fs';
import http from 'http';
import path from 'path';
import {
  parseArgs,
  processGroup,
  startSimulator,
  waitFor,
} from './lib/processes';

const args = parseArgs();
const scenario = args.get('scenario') ?? 'scale:200x100';
const seconds = Number(args.get('seconds') ?? 10);
const clients = Number(args.get('clients') ?? 10);

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'artifacts', 'bench');
const kubeconfig = path.join(outDir, 'kubeconfig');
const simPort = 17443;
const base = 'http://localhost:7017/api/slice';
const token = 'slice-portal-bench-token-0123456789';
const { start } = processGroup(outDir);
async function get(url: string) {
  const res = await fetch(url, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const body = await res.text();
  return { status: res.status, body };
}

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

/** Raw GET as a browser does it (gzip accepted); the body is drained, not decoded, to keep the client light. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function timedGet(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      url,
      {
        agent,
        headers: {
          Authorization: `Bearer ${token}`,
          'Accept-Encoding': 'gzip',
        },
      },
      res => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
  });
}

async function load(url: string) {
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        const t0 = performance.now();
        const status = await timedGet(url);
        latencies.push(performance.now() - t0);
        if (status !== 200) errors += 1;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies[latencies.length - 1],
    rps: latencies.length / seconds,
  };
}

function rssMiB(port: number): number | undefined {
  try {
    const line = execSync(`ss -ltnpH 'sport = :${port}'`).toString();
    const pid = /pid=(\d+)/.exec(line)?.[1];
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
  } catch {
    return undefined;
  }
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  await startSimulator({ start, root, scenario, port: simPort, kubeconfig });

  const t1 = Date.now();
  start(
    'npx',
    [
      'backstage-cli',
      'package',
      'start',
      '--config',
      '../../app-config.yaml',
      '--config',
      path.join(root, 'bench/backend-bench.yaml'),
    ],
    path.join(root, 'examples/app/packages/backend'),
    {
      SLICE_DEMO_KUBECONFIG: kubeconfig,
      ...(process.env.BENCH_PROFILE
        ? {
            NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.join(
              outDir,
              'prof',
            )}`,
          }
        : {}),
    },
    'backend.log',
  );
  const fleet = await waitFor('backend caches', 300000, async () => {
    const res = await get(`${base}/v1/fleet`);
    if (res.status !== 200) return undefined;
    const body = JSON.parse(res.body);
    const workersPending = body.errors.some((e: { source: string }) =>
      e.source.startsWith('worker/'),
    );
    const connected =
      body.hubs[0]?.sync.state === 'ok' &&
      body.clusters.length > 0 &&
      !workersPending;
    return connected ? body : undefined;
  });
  console.log(
    `backend synced ${fleet.clusters.length} clusters and ${
      fleet.slices.length
    } slices (hub + every worker) in ${((Date.now() - t1) / 1000).toFixed(
      1,
    )} s`,
  );
  const biggest = [...fleet.slices].sort(
    (a: any, b: any) => b.members.length - a.members.length,
  )[0];
  const detail = `${base}/v1/slices/${biggest.hub}/${biggest.project}/${biggest.name}`;
  const detailBytes = (await get(detail)).body.length;

  const rows: string[] = [];
  for (const [label, url] of [
    ['GET /health (baseline: auth + routing only)', `${base}/health`],
    ['GET /fleet', `${base}/v1/fleet`],
    ['GET /slices', `${base}/v1/slices`],
    [
      `GET /slices/… (${biggest.members.length} members, ${(
        detailBytes / 1024
      ).toFixed(0)} KiB)`,
      detail,
    ],
  ] as const) {
    await load(url); // warm-up pass, discarded
    const r = await load(url);
    rows.push(
      `| ${label} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(
        1,
      )} | ${r.rps.toFixed(0)} | ${r.requests} | ${r.errors} |`,
    );
  }
  console.log(`\n${clients} concurrent clients, ${seconds} s per endpoint\n`);
  console.log(
    '| endpoint | p50 ms | p95 ms | max ms | req/s | requests | errors |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  const rss = rssMiB(7017);
  console.log(`\nbackend RSS: ${rss ? `${rss.toFixed(0)} MiB` : 'unknown'}`);
}

main()
  .then(() => process.exit(0))
  .catch(e => {
    console.error(e);
    process.exit(1);
  });
