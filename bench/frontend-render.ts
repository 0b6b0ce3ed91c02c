/**
 * Rendering benchmark of the slice frontend at fleet scale, in Chromium (a script, not a test).
 *
 *   source scripts/toolchain.sh && npx tsx bench/frontend-render.ts [--scenario scale:200x100] [--runs 5]
 *
 * Starts the fleet simulator, the example backend (port 7027) and the example frontend's dev
 * server (port 3030) with bench/frontend-bench.yaml, waits until the backend holds the whole
 * fleet and has latency samples, signs in as a platform engineer in Debian's Chromium and
 * measures, from navigation to drawn (every node / edge / cell in the DOM, then one more
 * frame):
 *   (a) the topology tab of the biggest slice with every cluster expanded (namespaces and
 *       exported services), (b) its cluster × cluster latency matrix,
 *   (c) the fleet map and (d) the fleet-wide cluster graph,
 * each as an in-app navigation (the app already loaded; what a user clicking through sees;
 * median of --runs) and once as a full page load (the whole app bundle booted again; the
 * example app runs from the development server, unminified). Then pans and zooms the
 * topology (20 Ctrl+wheel steps, a 20-step drag) and reports the frame times.
 * Screenshots go to artifacts/bench-frontend/.
 */
import fs from 'fs';
import net from 'net';
import path from 'path';
import { chromium, type Page } from 'playwright-core';
import {
  parseArgs,
  processGroup,
  startSimulator,
  waitFor,
} from './lib/processes';

const args = parseArgs();
const scenario = args.get('scenario') ?? 'scale:200x100';
const runs = Number(args.get('runs') ?? 5);

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'artifacts', 'bench-frontend');
const kubeconfig = path.join(outDir, 'kubeconfig');
const simPort = 17543;
const backendPort = 7027;
const appPort = 3030;
const appUrl = `http://localhost:${appPort}`;
const api = `http://localhost:${backendPort}/api/slice`;
const token = 'slice-portal-bench-token-0123456789';
const overrides = path.join(root, 'bench/frontend-bench.yaml');
const { start } = processGroup(outDir);
function portInUse(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function get(url: string): Promise<any> {
  const res = await fetch(url, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};

/** What "drawn" means for one view: data-testid prefixes and how many of each must be in the DOM. */
interface Drawn {
  container: string;
  counts: Record<string, number>;
}

/**
 * In the page: navigates client-side (history.pushState + popstate, as a link click does)
 * and resolves with the ms from then until every expected element is in the DOM and one
 * more frame has been produced.
 */
async function navigateInApp(page: Page, url: string, drawn: Drawn) {
  return page.evaluate(
    async ({ url: target, drawn: d }) => {
      const done = () => {
        const c = document.querySelector(`[data-testid="${d.container}"]`);
        if (!c) return false;
        return Object.entries(d.counts).every(
          ([prefix, n]) =>
            c.querySelectorAll(`[data-testid^="${prefix}"]`).length >= n,
        );
      };
      const t0 = performance.now();
      window.history.pushState({}, '', target);
      window.dispatchEvent(new PopStateEvent('popstate'));
      const deadline = t0 + 60000;
      await new Promise<void>((resolve, reject) => {
        const tick = () => {
          if (done()) resolve();
          else if (performance.now() > deadline)
            reject(new Error(`not drawn: ${target}`));
          else requestAnimationFrame(tick);
        };
        tick();
      });
      await new Promise(r => requestAnimationFrame(() => r(undefined)));
      return performance.now() - t0;
    },
    { url, drawn },
  );
}

/** Full page load: from the navigation's start (performance.timeOrigin) to drawn. */
async function navigateCold(page: Page, url: string, drawn: Drawn) {
  await page.goto(`${appUrl}${url}`);
  await page.waitForFunction(
    d => {
      const c = document.querySelector(`[data-testid="${d.container}"]`);
      return (
        !!c &&
        Object.entries(d.counts).every(
          ([prefix, n]) =>
            c.querySelectorAll(`[data-testid^="${prefix}"]`).length >= n,
        )
      );
    },
    drawn,
    { polling: 'raf', timeout: 120000 },
  );
  return page.evaluate(
    () =>
      new Promise<number>(r =>
        requestAnimationFrame(() => r(performance.now())),
      ),
  );
}

/** Frame times while `act` runs: deltas between animation frames. */
async function frameTimes(page: Page, act: () => Promise<void>) {
  await page.evaluate(() => {
    const w = window as any;
    w.__frames = [] as number[];
    w.__recording = true;
    const loop = (t: number) => {
      w.__frames.push(t);
      if (w.__recording) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await act();
  const frames: number[] = await page.evaluate(
    () =>
      new Promise<number[]>(r =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const w = window as any;
            w.__recording = false;
            r(w.__frames);
          }),
        ),
      ),
  );
  // Two callbacks can run in one frame (same timestamp): count frames, not callbacks.
  const deltas = frames
    .slice(1)
    .map((t, i) => t - frames[i])
    .filter(d => d > 0);
  const sorted = [...deltas].sort((a, b) => a - b);
  return {
    frames: deltas.length,
    p50: sorted[Math.floor(sorted.length / 2)] ?? 0,
    p95:
      sorted[
        Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)
      ] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
    over50: deltas.filter(d => d > 50).length,
  };
}

async function main() {
  for (const port of [simPort, backendPort, appPort]) {
    if (await portInUse(port)) throw new Error(`port ${port} is in use`);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const t0 = Date.now();
  await startSimulator({ start, root, scenario, port: simPort, kubeconfig });

  const config = ['--config', '../../app-config.yaml', '--config', overrides];
  start(
    'npx',
    ['backstage-cli', 'package', 'start', ...config],
    path.join(root, 'examples/app/packages/backend'),
    { SLICE_DEMO_KUBECONFIG: kubeconfig },
    'backend.log',
  );
  // The dev server takes app.listen.port or, without it, the port of app.baseUrl.
  start(
    'npx',
    ['backstage-cli', 'package', 'start', ...config],
    path.join(root, 'examples/app/packages/app'),
    { BROWSER: 'none' },
    'frontend.log',
  );

  const fleet = await waitFor('backend caches', 300000, async () => {
    const body = await get(`${api}/v1/fleet`);
    const workersPending = body.errors.some((e: { source: string }) =>
      e.source.startsWith('worker/'),
    );
    return body.hubs[0]?.sync.state === 'ok' &&
      body.clusters.length > 0 &&
      !workersPending
      ? body
      : undefined;
  });
  console.log(
    `backend synced ${fleet.clusters.length} clusters, ${
      fleet.slices.length
    } slices in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  const biggest = [...fleet.slices].sort(
    (a: any, b: any) => b.members.length - a.members.length,
  )[0];
  const sliceQ = `hub=${biggest.hub}&project=${biggest.project}&slice=${biggest.name}`;
  const slicePath = `/slices/${biggest.hub}/${biggest.project}/${biggest.name}`;
  const topology = await get(
    `${api}/v1/slices/${biggest.hub}/${biggest.project}/${biggest.name}/topology`,
  );
  const tunnelEdges = topology.edges.filter(
    (e: any) => e.kind === 'tunnel',
  ).length;
  const members: string[] = biggest.members.map((m: any) => m.cluster);
  // Latency samples for every pair of the biggest slice (the sampler runs every 5 s here).
  const pairsSampled = await waitFor('latency samples', 180000, async () => {
    const m = await get(`${api}/v1/latency/matrix?${sliceQ}&window=15m`);
    const sampled = m.cells.filter((c: any) => c.samples > 0).length;
    return sampled >= tunnelEdges ? sampled : undefined;
  });
  const tunnels = (await get(`${api}/v1/tunnels`)).items as any[];
  const pairs = new Set(
    tunnels.map(t => `${t.hub}/${t.project}/${[t.a, t.b].sort().join('|')}`),
  );
  const located = fleet.clusters.filter(
    (c: any) =>
      typeof c.geo.latitude === 'number' && typeof c.geo.longitude === 'number',
  ).length;
  console.log(
    `biggest slice ${biggest.name}: ${members.length} members, ${tunnelEdges} tunnels, ${topology.nodes.length} topology nodes; ${pairsSampled} pairs sampled; fleet: ${tunnels.length} tunnels, ${pairs.size} cluster pairs`,
  );

  await waitFor('frontend dev server', 600000, async () =>
    (await fetch(appUrl)).ok ? true : undefined,
  );
  console.log(`frontend up after ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 1400 },
    });
    // tsx compiles with keepNames: functions passed to page.evaluate call __name.
    await page.addInitScript('window.__name = (f) => f;');
    await page.goto(`${appUrl}/slices`, { timeout: 300000 });
    await page
      .getByRole('button', { name: 'Sign in as Platform engineer' })
      .click();
    await page.getByTestId('fleet-map').waitFor({ timeout: 120000 });

    const views: {
      label: string;
      goal: number;
      url: string;
      drawn: Drawn;
      shot: string;
      via: string;
    }[] = [
      {
        label: `(a) topology, ${members.length} clusters / ${tunnelEdges} tunnels, all expanded (${topology.nodes.length} nodes)`,
        goal: 1000,
        url: `${slicePath}/topology?expand=${members.join(',')}`,
        drawn: {
          container: 'topology-graph',
          counts: { 'node-': topology.nodes.length, 'edge-': tunnelEdges },
        },
        shot: 'topology.png',
        via: slicePath,
      },
      {
        label: `(b) latency matrix ${members.length} × ${members.length}`,
        goal: 1000,
        url: `${slicePath}/latency`,
        drawn: {
          container: 'latency-matrix',
          counts: { 'cell-': members.length * (members.length - 1) },
        },
        shot: 'latency.png',
        via: slicePath,
      },
      {
        label: `(c) fleet map, ${located} clusters / ${tunnels.length} tunnels`,
        goal: 1500,
        url: '/slices',
        drawn: {
          container: 'fleet-map',
          counts: { 'map-cluster-': located, 'map-tunnel-': tunnels.length },
        },
        shot: 'fleet-map.png',
        via: slicePath,
      },
      {
        label: `(d) cluster graph, ${fleet.clusters.length} clusters / ${pairs.size} pairs`,
        goal: 1500,
        url: '/slices?view=graph',
        drawn: {
          container: 'fleet-graph',
          counts: {
            'graph-node-': fleet.clusters.length,
            'graph-edge-': pairs.size,
          },
        },
        shot: 'cluster-graph.png',
        via: slicePath,
      },
    ];

    const rows: string[] = [];
    for (const v of views) {
      const warm: number[] = [];
      // One discarded pass (the dev server compiles lazily loaded chunks on first use).
      for (let i = 0; i <= runs; i++) {
        await navigateInApp(page, v.via, {
          container: 'slice-health',
          counts: {},
        }).catch(() => undefined);
        await page.waitForTimeout(300);
        const ms = await navigateInApp(page, v.url, v.drawn);
        if (i > 0) warm.push(ms);
      }
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(outDir, v.shot) });
      const cold = await navigateCold(page, v.url, v.drawn);
      const m = median(warm);
      rows.push(
        `| ${v.label} | ${m.toFixed(0)} | ${Math.min(...warm).toFixed(
          0,
        )}–${Math.max(...warm).toFixed(0)} | ${cold.toFixed(0)} | < ${
          v.goal
        } | ${m < v.goal ? 'met' : 'MISSED'} |`,
      );
      console.log(rows[rows.length - 1]);
    }

    // Pan and zoom the expanded topology.
    await navigateCold(page, views[0].url, views[0].drawn);
    const svg = page.getByTestId('topology-graph');
    const box = (await svg.boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + Math.min(box.height, 700) / 2;
    await page.mouse.move(cx, cy);
    const zoom = await frameTimes(page, async () => {
      await page.keyboard.down('Control');
      for (let i = 0; i < 20; i++) {
        await page.mouse.wheel(0, i < 10 ? -120 : 120);
      }
      await page.keyboard.up('Control');
    });
    const pan = await frameTimes(page, async () => {
      await page.mouse.down();
      for (let i = 1; i <= 20; i++) {
        await page.mouse.move(cx + i * 10, cy + i * 5);
      }
      await page.mouse.up();
    });
    await page.screenshot({ path: path.join(outDir, 'topology-panned.png') });

    console.log(
      `\nChromium (headless, --disable-gpu), example app from the dev server; ${scenario}; in-app navigation: median of ${runs}\n`,
    );
    console.log(
      '| view | in-app navigation → drawn, median ms | range ms | full page load → drawn, ms | goal ms | |',
    );
    console.log('|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
    console.log(
      '\n| topology interaction | frames | p50 ms | p95 ms | max ms | frames > 50 ms |',
    );
    console.log('|---|---|---|---|---|---|');
    for (const [label, f] of [
      ['20 Ctrl+wheel zoom steps', zoom],
      ['20-step drag (pan)', pan],
    ] as const) {
      console.log(
        `| ${label} | ${f.frames} | ${f.p50.toFixed(1)} | ${f.p95.toFixed(
          1,
        )} | ${f.max.toFixed(1)} | ${f.over50} |`,
      );
    }
    console.log(`\nscreenshots in artifacts/bench-frontend/`);
  } finally {
    await browser.close();
  }
}

main()
  .then(() => process.exit(0))
  .catch(e => {
    console.error(e);
    process.exit(1);
  });
