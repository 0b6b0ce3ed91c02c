/**
 * Benchmark (not a test): starts `scale:<clusters>x<slices>` (default
 * scale:200x100) over HTTPS with TLS verification, then times a full list of
 * every kind — on the hub across all namespaces, and on the largest worker —
 * through @kubernetes/client-node's transport (a plain HTTPS GET with the
 * kubeconfig's CA and token).
 *
 *   npx tsx bench/fleet-sim-scale.ts [scale:200x100] [rounds]
 *
 * Prints one line per kind with the median and worst of `rounds` lists.
 */
import https from 'node:https';
import { startFleetSim } from '../src';

function get(
  url: string,
  token: string,
  ca: string,
): Promise<{ status: number; bytes: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca, headers: { authorization: `Bearer ${token}` } }, res => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const buf = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            bytes: buf.length,
            body: buf.toString('utf8'),
          });
        });
      })
      .on('error', reject);
  });
}

async function main() {
  const scenario = process.argv[2] ?? 'scale:200x100';
  const rounds = Number(process.argv[3] ?? 5);
  const t0 = process.hrtime.bigint();
  const sim = await startFleetSim({
    scenario,
    port: 0,
    statusIntervalMs: 0,
  });
  const startMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const rss = process.memoryUsage().rss / 2 ** 20;
  process.stdout.write(
    `${scenario}: started in ${startMs.toFixed(0)} ms, ${
      sim.clusterNames().length - 1
    } workers, rss ${rss.toFixed(0)} MiB\n`,
  );

  // The worker with the most objects is the worst case for worker lists.
  let biggest = sim.clusterNames()[1];
  let most = 0;
  for (const name of sim.clusterNames().slice(1)) {
    const vc = sim.cluster(name)!;
    const count = vc.registry
      .all()
      .reduce((n, rt) => n + vc.store.list(rt).length, 0);
    if (count > most) {
      most = count;
      biggest = name;
    }
  }

  const rows: string[] = [];
  for (const clusterName of ['hub', biggest]) {
    const vc = sim.cluster(clusterName)!;
    for (const rt of vc.registry.all()) {
      const prefix = rt.group
        ? `/apis/${rt.group}/${rt.version}`
        : `/api/${rt.version}`;
      const url = `${sim.clusterUrl(clusterName)}${prefix}/${rt.plural}`;
      const times: number[] = [];
      let items = 0;
      let bytes = 0;
      for (let r = 0; r < rounds; r++) {
        const s = process.hrtime.bigint();
        const res = await get(url, sim.adminToken, sim.caPem);
        times.push(Number(process.hrtime.bigint() - s) / 1e6);
        if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
        if (r === 0) {
          items = JSON.parse(res.body).items.length;
          bytes = res.bytes;
        }
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)];
      rows.push(
        `${clusterName === 'hub' ? 'hub' : `worker ${clusterName}`}\t${
          rt.plural
        }${rt.group ? `.${rt.group}` : ''}\t${items} items\t${(
          bytes /
          2 ** 20
        ).toFixed(2)} MiB\tmedian ${median.toFixed(1)} ms\tmax ${times[
          times.length - 1
        ].toFixed(1)} ms`,
      );
    }
  }
  process.stdout.write(`${rows.join('\n')}\n`);
  const metricsStart = process.hrtime.bigint();
  const metrics = sim.metrics();
  process.stdout.write(
    `metrics: ${metrics.split('\n').length} lines rendered in ${(
      Number(process.hrtime.bigint() - metricsStart) / 1e6
    ).toFixed(0)} ms\n`,
  );
  await sim.close();
}

main().catch(e => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
