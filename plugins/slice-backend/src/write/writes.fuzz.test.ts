import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  PLATFORM,
  startWriteHarness,
  type Harness,
} from './__testUtils__/harness';
import { START_TIMEOUT_MS } from '../__testUtils__/processes';

/**
 * Fuzz-style boundary test: for every write route, at least 200 generated invalid requests
 * (wrong types, unknown fields, names that are not DNS labels, CIDRs that do not parse,
 * out-of-range numbers, enum violations, 10 000-element lists, huge bodies, bodies that are
 * not objects or not JSON, bad path and query parameters). Each must be a 400 that names
 * the field, be audited once as rejected, and leave every object on the hub and the worker
 * as it was: no input produces a 500 or a partial write.
 */

const SEED = 20261201;

/** mulberry32: small, seeded, good enough to pick mutations reproducibly. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

interface RouteCase {
  operationId: string;
  method: 'post' | 'patch' | 'put' | 'delete';
  path: string;
  /** A valid body (the mutations break it); absent for routes without one. */
  body?: Json;
  /** Paths of names (DNS labels/subdomains) in the body. */
  names?: Path[];
  cidrs?: Path[];
  /** Numbers with their bounds, as [path, values out of range]. */
  ranges?: [Path, number[]][];
  enums?: Path[];
  required?: Path[];
  /** Paths of lists (a 10 000-element list goes there). */
  arrays?: Path[];
  /** Path parameters that can be broken, as the URL with a placeholder for each. */
  params: Record<string, string>;
  /** Extra query parameters the route takes (besides dryRun). */
  query?: Record<string, string[]>;
}

const qos = {
  priority: 1,
  bandwidthCeilingKbps: 1000,
  bandwidthGuaranteedKbps: 500,
  dscpClass: 'AF11',
};
const selection = { namespace: 'fuzz', clusters: ['aws-eu'] };

const ROUTES: RouteCase[] = [
  {
    operationId: 'createSlice',
    method: 'post',
    path: '/v1/slices/{hub}/{project}',
    params: { hub: 'demo', project: 'acme' },
    body: {
      name: 'fuzzed',
      spec: {
        clusters: ['aws-eu', 'gcp-asia'],
        maxClusters: 4,
        sliceSubnet: '10.99.0.0/16',
        overlayNetworkDeploymentMode: 'single-network',
        standardQosProfileName: 'gold',
        namespaceIsolationProfile: {
          isolationEnabled: true,
          applicationNamespaces: [selection],
          allowedNamespaces: [selection],
        },
        sliceGatewayProvider: {
          sliceGatewayType: 'OpenVPN',
          sliceCaType: 'Local',
          sliceGatewayServiceType: [
            { cluster: '*', type: 'NodePort', protocol: 'UDP' },
          ],
        },
        vpnConfig: { cipher: 'AES-256-CBC' },
        rotationInterval: 30,
      },
    },
    names: [
      ['name'],
      ['spec', 'clusters', 0],
      ['spec', 'standardQosProfileName'],
      [
        'spec',
        'namespaceIsolationProfile',
        'applicationNamespaces',
        0,
        'namespace',
      ],
    ],
    cidrs: [['spec', 'sliceSubnet']],
    ranges: [
      [
        ['spec', 'maxClusters'],
        [0, 1, 33, -5, 1e20, 2.5],
      ],
      [
        ['spec', 'rotationInterval'],
        [29, 91, -1],
      ],
    ],
    enums: [
      ['spec', 'overlayNetworkDeploymentMode'],
      ['spec', 'vpnConfig', 'cipher'],
      ['spec', 'sliceGatewayProvider', 'sliceGatewayType'],
    ],
    required: [['name'], ['spec'], ['spec', 'clusters']],
    arrays: [
      ['spec', 'clusters'],
      ['spec', 'namespaceIsolationProfile', 'applicationNamespaces'],
    ],
  },
  {
    operationId: 'updateSlice',
    method: 'patch',
    path: '/v1/slices/{hub}/{project}/{name}',
    params: { hub: 'demo', project: 'acme', name: 'payments' },
    body: {
      addClusters: ['aws-eu'],
      removeClusters: ['gcp-asia'],
      qos: { qosProfileDetails: qos },
      isolationEnabled: false,
      addAllowedNamespaces: [selection],
      removeAllowedNamespaces: ['monitoring'],
    },
    names: [
      ['addClusters', 0],
      ['removeAllowedNamespaces', 0],
      ['addAllowedNamespaces', 0, 'namespace'],
    ],
    ranges: [
      [
        ['qos', 'qosProfileDetails', 'priority'],
        [-1, 1001, 0.5],
      ],
    ],
    enums: [['qos', 'qosProfileDetails', 'dscpClass']],
    arrays: [['addClusters'], ['removeAllowedNamespaces']],
  },
  {
    operationId: 'deleteSlice',
    method: 'delete',
    path: '/v1/slices/{hub}/{project}/{name}',
    params: { hub: 'demo', project: 'acme', name: 'analytics' },
  },
  {
    operationId: 'onboardNamespace',
    method: 'post',
    path: '/v1/slices/{hub}/{project}/{name}/namespaces',
    params: { hub: 'demo', project: 'acme', name: 'payments' },
    body: { namespace: 'fuzz', clusters: ['aws-eu', 'gcp-asia'] },
    names: [['namespace'], ['clusters', 0]],
    required: [['namespace'], ['clusters']],
    arrays: [['clusters']],
  },
  {
    operationId: 'offboardNamespace',
    method: 'delete',
    path: '/v1/slices/{hub}/{project}/{name}/namespaces/{namespace}',
    params: {
      hub: 'demo',
      project: 'acme',
      name: 'payments',
      namespace: 'payments',
    },
    query: {
      clusters: [
        'Bad_Cluster',
        'a,,b',
        ',',
        `a,${'b'.repeat(64)}`,
        'x'.repeat(3000),
        'a b',
      ],
    },
  },
  {
    operationId: 'exportService',
    method: 'post',
    path: '/v1/slices/{hub}/{project}/{name}/exports',
    params: { hub: 'demo', project: 'acme', name: 'payments' },
    body: {
      cluster: 'aws-eu',
      namespace: 'payments',
      name: 'fuzz-svc',
      spec: {
        selector: { matchLabels: { app: 'payments-api' } },
        ports: [
          {
            name: 'http',
            containerPort: 8080,
            protocol: 'TCP',
            servicePort: 80,
            serviceProtocol: 'HTTP',
          },
        ],
        aliases: ['fuzz.example.com'],
        ingressEnabled: false,
      },
    },
    names: [['cluster'], ['namespace'], ['name'], ['spec', 'aliases', 0]],
    ranges: [
      [
        ['spec', 'ports', 0, 'containerPort'],
        [0, 65536, -1, 3.5],
      ],
      [
        ['spec', 'ports', 0, 'servicePort'],
        [0, 70000],
      ],
    ],
    enums: [
      ['spec', 'ports', 0, 'protocol'],
      ['spec', 'ports', 0, 'serviceProtocol'],
    ],
    required: [
      ['cluster'],
      ['spec', 'selector'],
      ['spec', 'ports'],
      ['spec', 'ports', 0, 'containerPort'],
    ],
    arrays: [
      ['spec', 'ports'],
      ['spec', 'aliases'],
    ],
  },
  {
    operationId: 'registerCluster',
    method: 'post',
    path: '/v1/projects/{hub}/{project}/clusters',
    params: { hub: 'demo', project: 'acme' },
    body: {
      name: 'fuzz-cluster',
      spec: {
        networkInterface: 'eth0',
        nodeIPs: ['10.0.0.1'],
        clusterProperty: {
          geoLocation: {
            cloudProvider: 'aws',
            cloudRegion: 'x',
            latitude: '1',
            longitude: '2',
          },
        },
      },
    },
    names: [['name']],
    required: [['name']],
    arrays: [['spec', 'nodeIPs']],
  },
  {
    operationId: 'deregisterCluster',
    method: 'delete',
    path: '/v1/projects/{hub}/{project}/clusters/{name}',
    params: { hub: 'demo', project: 'acme', name: 'gcp-asia' },
  },
  {
    operationId: 'readRegistrationValues',
    method: 'post',
    path: '/v1/projects/{hub}/{project}/clusters/{name}/registration-values',
    params: { hub: 'demo', project: 'acme', name: 'aws-eu' },
    body: { clusterEndpoint: 'https://aws-eu.example.com:6443' },
  },
  {
    operationId: 'upsertQosProfile',
    method: 'put',
    path: '/v1/projects/{hub}/{project}/qos-profiles/{name}',
    params: { hub: 'demo', project: 'acme', name: 'gold' },
    body: { spec: { ...qos, queueType: 'HTB', tcType: 'BANDWIDTH_CONTROL' } },
    ranges: [
      [
        ['spec', 'priority'],
        [-1, 1001],
      ],
      [
        ['spec', 'bandwidthCeilingKbps'],
        [-1, 1e13, 0.25],
      ],
    ],
    enums: [
      ['spec', 'dscpClass'],
      ['spec', 'queueType'],
      ['spec', 'tcType'],
    ],
    required: [['spec'], ['spec', 'priority'], ['spec', 'dscpClass']],
  },
];

const BAD_NAMES = [
  'UPPER',
  'under_score',
  '-leading',
  'trailing-',
  'a'.repeat(300),
  '',
  'ünïcode',
  'white space',
  'dot..dot',
  'semi;colon',
  '../etc',
  'emoji-😀',
];
const BAD_CIDRS = [
  '10.0.0.0/33',
  '300.1.0.0/16',
  'abc',
  '10.0.0/16',
  '',
  '10.0.0.0',
  '10.0.0.0/-1',
  '::1/128',
  '10.0.0.0/16/16',
  ' 10.0.0.0/16',
];
const BAD_PARAMS = [
  'UPPER',
  'under_score',
  '-x',
  'x-',
  'a'.repeat(254),
  'a%2Fb',
  'ünï',
  'a.b..c',
  '%20',
];

interface Generated {
  label: string;
  method: RouteCase['method'];
  url: string;
  body?: string;
  contentType?: string;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v));
}
function getAt(v: any, path: Path): any {
  return path.reduce((o, k) => (o === undefined ? undefined : o[k]), v);
}
function setAt(v: any, path: Path, value: unknown): void {
  const parent = getAt(v, path.slice(0, -1));
  parent[path[path.length - 1]] = value;
}
function deleteAt(v: any, path: Path): void {
  const parent = getAt(v, path.slice(0, -1));
  if (Array.isArray(parent)) parent.splice(Number(path[path.length - 1]), 1);
  else delete parent[path[path.length - 1]];
}
/** Every path in a JSON value, objects and leaves. */
function paths(v: Json, prefix: Path = []): Path[] {
  const out: Path[] = prefix.length ? [prefix] : [];
  if (Array.isArray(v))
    v.forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v))
      out.push(...paths(x, [...prefix, k]));
  return out;
}
const objectPaths = (v: Json) =>
  [[] as Path, ...paths(v)].filter(p => {
    const x = getAt(v, p);
    return x && typeof x === 'object' && !Array.isArray(x);
  });
/** A value of another JSON type than `v`'s. */
function otherType(v: unknown, pick: <T>(xs: T[]) => T): Json {
  const options: Json[] = [null, true, 42, 'text', [], {}];
  const kind = (x: unknown) => {
    if (Array.isArray(x)) return 'array';
    return x === null ? 'null' : typeof x;
  };
  return pick(
    options.filter(
      o =>
        kind(o) !== kind(v) && !(Number.isInteger(v) && kind(o) === 'number'),
    ),
  );
}

function urlOf(
  route: RouteCase,
  params: Record<string, string>,
  query: Record<string, string | string[]> = {},
) {
  let url = route.path;
  for (const [k, v] of Object.entries(params))
    url = url.replace(`{${k}}`, v.includes('%') ? v : encodeURIComponent(v));
  const q = Object.entries(query).flatMap(([k, vs]) =>
    (Array.isArray(vs) ? vs : [vs]).map(
      v => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`,
    ),
  );
  return `/api/slice${url}${q.length ? `?${q.join('&')}` : ''}`;
}

/** At least `count` invalid requests for one route. */
function generate(
  route: RouteCase,
  count: number,
  random: () => number,
): Generated[] {
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const out: Generated[] = [];
  const json = (
    label: string,
    body: unknown,
    query: Record<string, string | string[]> = {},
  ) =>
    out.push({
      label,
      method: route.method,
      url: urlOf(route, route.params, query),
      body: JSON.stringify(body),
      contentType: 'application/json',
    });
  const badParam = () => {
    const key = pick(Object.keys(route.params));
    const value = pick(BAD_PARAMS);
    out.push({
      label: `path parameter ${key}=${value.slice(0, 20)}`,
      method: route.method,
      url: urlOf(route, { ...route.params, [key]: value }),
      ...(route.body
        ? { body: JSON.stringify(route.body), contentType: 'application/json' }
        : {}),
    });
  };
  const badQuery = () => {
    const kind = Math.floor(random() * 4);
    const body = route.body
      ? { body: JSON.stringify(route.body), contentType: 'application/json' }
      : {};
    const queries: (() => Record<string, string | string[]>)[] = [
      () => ({ dryRun: pick(['yes', '1', 'TRUE', '', 'true false']) }),
      () => ({ [`unknown${Math.floor(random() * 1000)}`]: 'x' }),
      () => ({ dryRun: ['true', 'false'] }),
      (): Record<string, string> =>
        route.query
          ? { clusters: pick(route.query.clusters) }
          : { dryRun: 'no' },
    ];
    const query = queries[kind]();
    out.push({
      label: `query ${JSON.stringify(query).slice(0, 60)}`,
      method: route.method,
      url: urlOf(route, route.params, query),
      ...body,
    });
  };

  /** For a mutation the route has nothing to apply to: a bad parameter instead. */
  const fallback = () => (out.length % 2 ? badParam : badQuery)();

  while (out.length < count) {
    const i = out.length;
    if (!route.body) {
      (i % 2 ? badParam : badQuery)();
      continue;
    }
    const valid = route.body as Json;
    const b = clone(valid) as any;
    switch (i % 12) {
      case 0: {
        const p = pick(paths(valid));
        setAt(b, p, otherType(getAt(valid, p), pick));
        json(`wrong type at ${p.join('.')}`, b);
        break;
      }
      case 1: {
        const p = pick(objectPaths(valid));
        const target = p.length ? getAt(b, p) : b;
        target[`unknownField${Math.floor(random() * 1e6)}`] = pick<Json>([
          1,
          { a: 1 },
          [1],
          false,
        ]);
        json(`unknown field under ${p.join('.') || 'the body'}`, b);
        break;
      }
      case 2: {
        if (!route.names?.length) {
          fallback();
          break;
        }
        const p = pick(route.names);
        setAt(b, p, pick(BAD_NAMES));
        json(`bad name at ${p.join('.')}`, b);
        break;
      }
      case 3: {
        if (!route.cidrs?.length) {
          fallback();
          break;
        }
        const p = pick(route.cidrs);
        setAt(b, p, pick(BAD_CIDRS));
        json(`bad CIDR at ${p.join('.')}`, b);
        break;
      }
      case 4: {
        if (!route.ranges?.length) {
          fallback();
          break;
        }
        const [p, values] = pick(route.ranges);
        setAt(b, p, pick(values));
        json(`out of range at ${p.join('.')}`, b);
        break;
      }
      case 5: {
        if (!route.enums?.length) {
          fallback();
          break;
        }
        const p = pick(route.enums);
        setAt(b, p, pick(['', 'nope', 'htb', 'lowercase', 'x'.repeat(100)]));
        json(`enum at ${p.join('.')}`, b);
        break;
      }
      case 6: {
        if (!route.required?.length) {
          fallback();
          break;
        }
        const p = pick(route.required);
        deleteAt(b, p);
        json(`missing ${p.join('.')}`, b);
        break;
      }
      case 7: {
        if (!route.arrays?.length) {
          fallback();
          break;
        }
        const p = pick(route.arrays);
        const element = getAt(valid, [...p, 0]);
        // 10 000 short elements stay under the body limit, so the list bound answers.
        setAt(
          b,
          p,
          Array.from({ length: 10_000 }, () =>
            typeof element === 'string' ? 'a' : element,
          ),
        );
        json(`10 000 elements at ${p.join('.')}`, b);
        break;
      }
      case 8: {
        const p = pick(
          paths(valid).filter(x => typeof getAt(valid, x) === 'string'),
        );
        if (!p) {
          fallback();
          break;
        }
        setAt(b, p, 'x'.repeat(200_000));
        json(`huge string at ${p.join('.')}`, b);
        break;
      }
      case 9: {
        const raw = pick([
          '[]',
          '"text"',
          '42',
          'null',
          '{"a":',
          '{bad json}',
          'true',
          '[{}]',
          '\u0000',
        ]);
        out.push({
          label: `body ${JSON.stringify(raw)}`,
          method: route.method,
          url: urlOf(route, route.params),
          body: raw,
          contentType: 'application/json',
        });
        break;
      }
      case 10:
        badParam();
        break;
      default:
        badQuery();
    }
  }
  return out;
}

describe('write routes refuse generated invalid input with 400 and write nothing', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startWriteHarness({ workerWrite: ['aws-eu'] });
  }, START_TIMEOUT_MS);
  afterAll(() => h?.close(), 30_000);

  /** What must not change: the spec of every slice, cluster and QoS profile, and the worker's exports. */
  async function state() {
    const specs = async (plural: string, namespace: string) =>
      (
        (await h.hub.listNamespacedCustomObject({
          group: 'controller.kubeslice.io',
          version: 'v1alpha1',
          namespace,
          plural,
        })) as {
          items: any[];
        }
      ).items
        .map(o => ({
          name: o.metadata.name,
          spec: o.spec,
          deleting: Boolean(o.metadata.deletionTimestamp),
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
    const exports = (
      (await h.worker('aws-eu').listClusterCustomObject({
        group: 'networking.kubeslice.io',
        version: 'v1beta1',
        plural: 'serviceexports',
      })) as {
        items: any[];
      }
    ).items.map(o => `${o.metadata.namespace}/${o.metadata.name}`);
    return {
      slices: await specs('sliceconfigs', 'kubeslice-acme'),
      clusters: await specs('clusters', 'kubeslice-acme'),
      qos: await specs('sliceqosconfigs', 'kubeslice-acme'),
      exports: exports.sort(),
    };
  }

  it.each(ROUTES.map(r => [r.operationId, r] as const))(
    '%s: 200+ invalid requests, each a 400 naming the field, audited, nothing written',
    async (_id, route) => {
      const random = prng(SEED + route.operationId.length * 7919);
      const cases = generate(route, 210, random);
      expect(cases.length).toBeGreaterThanOrEqual(200);
      const before = await state();
      h.audit.clear();
      const failures: string[] = [];
      const send = async (c: Generated) => {
        let req = request(h.server)
          [c.method](c.url)
          .set('Authorization', mockCredentials.user.header(PLATFORM));
        if (c.body !== undefined)
          req = req.set('Content-Type', c.contentType!).send(c.body);
        const res = await req;
        const error = res.body?.error;
        const fields: { path: string; message: string }[] = error?.fields ?? [];
        const named =
          fields.length > 0 &&
          fields.every(f => typeof f.path === 'string' && f.message);
        const mentioned = fields.every(
          f => !f.path || error.message.includes(f.path.split('[')[0]),
        );
        if (
          res.status !== 400 ||
          error?.name !== 'InputError' ||
          !named ||
          !mentioned
        ) {
          failures.push(
            `${c.label}: ${res.status} ${JSON.stringify(res.body).slice(
              0,
              300,
            )}`,
          );
        }
      };
      // A few at a time: enough to be quick, few enough not to starve the simulator.
      for (let i = 0; i < cases.length; i += 10) {
        await Promise.all(cases.slice(i, i + 10).map(send));
      }
      expect(failures).toEqual([]);
      expect(h.audit.records).toHaveLength(cases.length);
      expect(h.audit.records.every(r => r.result === 'rejected')).toBe(true);
      expect(await state()).toEqual(before);
    },
    120_000,
  );
});
