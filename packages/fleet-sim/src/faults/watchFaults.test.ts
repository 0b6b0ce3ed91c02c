import http from 'node:http';
import { startFleetSim, type FleetSim } from '../sim/startFleetSim';

/** A watch over plain HTTP whose events a test awaits (no timers: the test's own timeout applies). */
interface Watch {
  status: number;
  events: Array<{ type: string; object: any }>;
  /** Resolves with the first event that matches. */
  next(match: (e: { type: string; object: any }) => boolean): Promise<any>;
  ended: Promise<void>;
  close(): void;
}

function watch(sim: FleetSim, cluster: string, query: string): Promise<Watch> {
  const url = `${sim.clusterUrl(cluster)}/api/v1/namespaces?watch=1&${query}`;
  return new Promise((resolve, reject) => {
    const events: Watch['events'] = [];
    const waiters: Array<() => void> = [];
    let ended!: () => void;
    const endedP = new Promise<void>(r => {
      ended = r;
    });
    const req = http.get(
      url,
      { headers: { authorization: `Bearer ${sim.adminToken}` } },
      res => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let nl = buffer.indexOf('\n'); nl >= 0; ) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + 1);
            if (line.trim()) events.push(JSON.parse(line));
            nl = buffer.indexOf('\n');
          }
          waiters.splice(0).forEach(w => w());
        });
        res.on('close', () => ended());
        resolve({
          status: res.statusCode ?? 0,
          events,
          ended: endedP,
          close: () => req.destroy(),
          next: match =>
            new Promise(ok => {
              const check = () => {
                const hit = events.find(match);
                if (hit) ok(hit);
                else waiters.push(check);
              };
              check();
            }),
        });
      },
    );
    req.on('error', reject);
  });
}

async function call(sim: FleetSim, cluster: string, path: string, body?: any) {
  const res = await fetch(`${sim.clusterUrl(cluster)}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      authorization: `Bearer ${sim.adminToken}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

const createNamespace = (sim: FleetSim, cluster: string, name: string) =>
  call(sim, cluster, '/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name },
  });

const added = (name: string) => (e: { type: string; object: any }) =>
  e.type === 'ADDED' && e.object.metadata.name === name;

describe('watch faults', () => {
  let sim: FleetSim;
  const open: Watch[] = [];
  const track = async (w: Promise<Watch>) => {
    const opened = await w;
    open.push(opened);
    return opened;
  };

  beforeAll(async () => {
    sim = await startFleetSim({ tls: false, statusIntervalMs: 0, seed: 2 });
  });
  afterEach(() => {
    open.splice(0).forEach(w => w.close());
    sim.faults.reset();
  });
  afterAll(() => sim.close());

  it('watch-drop ends the open watches of one cluster; resuming from the last resourceVersion continues without a 410', async () => {
    const rv0 = (await call(sim, 'aws-east', '/api/v1/namespaces')).body
      .metadata.resourceVersion;
    const dropped = await track(
      watch(sim, 'aws-east', `resourceVersion=${rv0}`),
    );
    const other = await track(watch(sim, 'gcp-west', `resourceVersion=${rv0}`));
    await createNamespace(sim, 'aws-east', 'drop-a');
    const last = (await dropped.next(added('drop-a'))).object.metadata
      .resourceVersion;
    // The fleet moves on past the last version this client saw.
    await createNamespace(sim, 'gcp-west', 'drop-c');
    await other.next(added('drop-c'));

    expect(sim.faults.dropWatches('aws-east')).toMatchObject({
      downClusters: [],
    });
    await dropped.ended;

    // Written while nobody watched; the other cluster's watch is still open.
    await createNamespace(sim, 'aws-east', 'drop-b');
    await createNamespace(sim, 'gcp-west', 'drop-d');
    await Promise.race([
      other.next(added('drop-d')),
      other.ended.then(() => {
        throw new Error("the other cluster's watch ended too");
      }),
    ]);

    const resumed = await track(
      watch(sim, 'aws-east', `resourceVersion=${last}`),
    );
    expect(await resumed.next(() => true)).toMatchObject({
      type: 'ADDED',
      object: { metadata: { name: 'drop-b' } },
    });
  });

  it('compact: open watches end, resuming from an older resourceVersion gets a 410 ERROR event, a fresh list and watch work', async () => {
    const page = await call(sim, 'aws-east', '/api/v1/namespaces?limit=2');
    const rv0 = page.body.metadata.resourceVersion;
    const token = page.body.metadata.continue;
    expect(token).toBeTruthy();
    const before = await track(
      watch(sim, 'aws-east', `resourceVersion=${rv0}`),
    );
    await createNamespace(sim, 'aws-east', 'compact-a');
    await before.next(added('compact-a'));

    sim.faults.compact('aws-east');
    await before.ended;

    const resumed = await track(
      watch(sim, 'aws-east', `resourceVersion=${rv0}`),
    );
    const error = await resumed.next(() => true);
    expect(error).toMatchObject({
      type: 'ERROR',
      object: { kind: 'Status', code: 410, reason: 'Expired' },
    });
    await resumed.ended;

    // A list continuing from before the compaction, or asking for an exact older version.
    const cont = await call(
      sim,
      'aws-east',
      `/api/v1/namespaces?limit=2&continue=${encodeURIComponent(token)}`,
    );
    expect(cont).toMatchObject({
      status: 410,
      body: { kind: 'Status', code: 410, reason: 'Expired' },
    });
    // Its token goes on (inconsistently) at the current state, as the API server's does.
    const rest = await call(
      sim,
      'aws-east',
      `/api/v1/namespaces?limit=2&continue=${encodeURIComponent(
        cont.body.metadata.continue,
      )}`,
    );
    expect(rest.status).toBe(200);
    expect(
      (
        await call(
          sim,
          'aws-east',
          `/api/v1/namespaces?resourceVersion=${rv0}&resourceVersionMatch=Exact`,
        )
      ).status,
    ).toBe(410);

    // Another cluster's history is untouched.
    const elsewhere = await track(
      watch(sim, 'gcp-west', `resourceVersion=${rv0}`),
    );
    await createNamespace(sim, 'gcp-west', 'compact-b');
    await elsewhere.next(added('compact-b'));
    expect(elsewhere.events.some(e => e.type === 'ERROR')).toBe(false);

    // Relist, then watch from the list's version: no 410.
    const relist = await call(sim, 'aws-east', '/api/v1/namespaces');
    expect(relist.body.items.map((n: any) => n.metadata.name)).toContain(
      'compact-a',
    );
    const fresh = await track(
      watch(
        sim,
        'aws-east',
        `resourceVersion=${relist.body.metadata.resourceVersion}`,
      ),
    );
    await createNamespace(sim, 'aws-east', 'compact-c');
    await fresh.next(added('compact-c'));
    expect(fresh.events.map(e => e.type)).toEqual(['ADDED']);
  });

  it('paginated lists still continue when nothing was compacted', async () => {
    const page = await call(sim, 'azure-eu', '/api/v1/namespaces?limit=1');
    await createNamespace(sim, 'azure-eu', 'page-a');
    const next = await call(
      sim,
      'azure-eu',
      `/api/v1/namespaces?limit=1&continue=${encodeURIComponent(
        page.body.metadata.continue,
      )}`,
    );
    expect(next.status).toBe(200);
    expect(next.body.items).toHaveLength(1);
  });
});
