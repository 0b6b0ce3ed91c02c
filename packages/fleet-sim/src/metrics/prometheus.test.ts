import { startFleetSim, type FleetSim } from '../sim/startFleetSim';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A strict parser of the text format: every line is a comment or `name{labels} value`. */
function parse(text: string): {
  samples: Sample[];
  types: Map<string, string>;
} {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.trimEnd().split('\n')) {
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) {
      types.set(type[1], type[2]);
      continue;
    }
    if (/^# HELP \S+ .+$/.test(line)) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{(.*)\} (-?[0-9.e+]+)$/.exec(line);
    if (!m) throw new Error(`bad exposition line: ${line}`);
    const labels: Record<string, string> = {};
    const re = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)/g;
    let consumed = 0;
    for (let l = re.exec(m[2]); l; l = re.exec(m[2])) {
      labels[l[1]] = l[2];
      consumed += l[0].length;
    }
    expect(consumed).toBe(m[2].length);
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return { samples, types };
}

const GW_LABELS = [
  'pod_name',
  'slice_name',
  'source_slice_cluster_id',
  'remote_slice_cluster_id',
  'source_gateway_id',
  'remote_gateway_id',
];
const CURRIED = [
  'slice_project',
  'slice_cluster',
  'slice_reporting_controller',
];

describe('GET /metrics', () => {
  let sim: FleetSim;
  beforeAll(async () => {
    sim = await startFleetSim({ tls: false, statusIntervalMs: 0, seed: 2 });
  });
  afterAll(() => sim.close());
  afterEach(() => sim.faults.reset());

  async function scrape() {
    const res = await fetch(`${sim.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(
      /^text\/plain; version=0\.0\.4/,
    );
    return parse(await res.text());
  }

  it('serves gauges with exactly the labels of REFERENCE §8, without authentication', async () => {
    const { samples, types } = await scrape();
    for (const name of [
      'kubeslice_system_slicegw_latency',
      'kubeslice_system_slicegw_pkt_loss',
      'kubeslice_system_slicegw_rx_rate',
      'kubeslice_system_slicegw_tx_rate',
      'kubeslice_slice_up',
      'kubeslice_cluster_up',
      'kubeslice_serviceexport_endpoints',
      'kubeslice_serviceimport_endpoints',
    ])
      expect(types.get(name)).toBe('gauge');
    const byName = (n: string) => samples.filter(s => s.name === n);
    for (const s of byName('kubeslice_system_slicegw_latency'))
      expect(Object.keys(s.labels).sort()).toEqual([...GW_LABELS].sort());
    for (const s of byName('kubeslice_cluster_up'))
      expect(Object.keys(s.labels).sort()).toEqual([...CURRIED].sort());
    for (const s of byName('kubeslice_slice_up'))
      expect(Object.keys(s.labels).sort()).toEqual(
        ['slice', ...CURRIED].sort(),
      );
    for (const s of [
      ...byName('kubeslice_serviceexport_endpoints'),
      ...byName('kubeslice_serviceimport_endpoints'),
    ])
      expect(Object.keys(s.labels).sort()).toEqual(
        ['slice', 'slice_namespace', 'slice_service', ...CURRIED].sort(),
      );
  });

  it('reports server pods with their cluster id and client pods with an empty one', async () => {
    const { samples } = await scrape();
    const lat = samples.filter(
      s => s.name === 'kubeslice_system_slicegw_latency',
    );
    const server = lat.filter(
      s => s.labels.source_gateway_id === 'pacman-aws-east-gcp-west',
    );
    const client = lat.filter(
      s => s.labels.source_gateway_id === 'pacman-gcp-west-aws-east',
    );
    expect(server).toHaveLength(2);
    expect(client).toHaveLength(2);
    expect(server[0].labels).toMatchObject({
      slice_name: 'pacman',
      source_slice_cluster_id: 'aws-east',
      remote_slice_cluster_id: 'gcp-west',
      remote_gateway_id: 'pacman-gcp-west-aws-east',
    });
    expect(client[0].labels.source_slice_cluster_id).toBe('');
    expect(client[0].labels.remote_slice_cluster_id).toBe('aws-east');
    // Same value as the SliceGateway status the worker API serves.
    const vc = sim.cluster('aws-east')!;
    const gw = vc.store.get(
      vc.resourceType('slicegateways', 'networking.kubeslice.io'),
      'kubeslice-system',
      'pacman-aws-east-gcp-west',
    )!;
    const pod = gw.status.gatewayPodStatus[0];
    expect(server.find(s => s.labels.pod_name === pod.podName)!.value).toBe(
      pod.tunnelStatus.Latency,
    );
  });

  it('reflects health, endpoints and faults', async () => {
    let { samples } = await scrape();
    const value = (name: string, labels: Record<string, string>) =>
      samples.find(
        s =>
          s.name === name &&
          Object.entries(labels).every(([k, v]) => s.labels[k] === v),
      )?.value;
    expect(value('kubeslice_cluster_up', { slice_cluster: 'edge-nyc' })).toBe(
      0,
    );
    expect(
      value('kubeslice_cluster_up', {
        slice_cluster: 'aws-east',
        slice_project: 'kubeslice-arcade',
      }),
    ).toBe(1);
    expect(
      value('kubeslice_slice_up', {
        slice: 'leaderboard',
        slice_cluster: 'edge-nyc',
      }),
    ).toBe(0);
    expect(
      value('kubeslice_slice_up', {
        slice: 'pacman',
        slice_cluster: 'aws-east',
      }),
    ).toBe(1);
    expect(
      value('kubeslice_serviceimport_endpoints', {
        slice_service: 'mongodb',
        slice_cluster: 'aws-east',
      }),
    ).toBe(3);
    expect(
      value('kubeslice_serviceexport_endpoints', {
        slice_service: 'scores',
        slice_cluster: 'aws-east',
      }),
    ).toBe(2);

    sim.faults.clusterDown('gcp-west');
    ({ samples } = await scrape());
    expect(samples.some(s => s.labels.slice_cluster === 'gcp-west')).toBe(
      false,
    );
    expect(
      value('kubeslice_serviceimport_endpoints', {
        slice_service: 'mongodb',
        slice_cluster: 'aws-east',
      }),
    ).toBe(2);
    expect(
      value('kubeslice_system_slicegw_pkt_loss', {
        source_gateway_id: 'pacman-aws-east-gcp-west',
      }),
    ).toBe(100);
    expect(
      value('kubeslice_slice_up', {
        slice: 'pacman',
        slice_cluster: 'aws-east',
      }),
    ).toBe(0);
    expect(sim.metrics()).toContain('kubeslice_system_slicegw_latency{');
  });
});
