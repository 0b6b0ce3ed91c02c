import { ConfigReader } from '@backstage/config';
import type { JsonValue } from '@backstage/types';
import { readHubConfigs } from './hubConfig';

function read(hubs: unknown[]) {
  return readHubConfigs(
    new ConfigReader({ slice: { hubs: hubs as JsonValue[] } }),
  );
}

describe('readHubConfigs', () => {
  it('reads each auth type with defaults', () => {
    expect(
      read([
        {
          name: 'prod',
          url: 'https://hub.example.com:6443',
          auth: { type: 'serviceAccount', token: 't' },
          caData: 'Q0E=',
        },
        {
          name: 'demo',
          title: 'Demo',
          auth: { type: 'kubeconfig', path: '/k', context: 'hub' },
        },
        {
          name: 'local',
          auth: { type: 'inCluster' },
          dangerouslySkipTLSVerify: true,
        },
      ]),
    ).toEqual([
      {
        name: 'prod',
        title: 'prod',
        configPath: 'slice.hubs[0]',
        url: 'https://hub.example.com:6443',
        auth: { type: 'serviceAccount', token: 't' },
        caData: 'Q0E=',
        caFile: undefined,
        dangerouslySkipTLSVerify: false,
        dangerouslyAllowHttp: false,
        projects: undefined,
        workers: { credentials: 'none', clusters: [], allowedHosts: undefined },
        warnings: [],
      },
      {
        name: 'demo',
        title: 'Demo',
        configPath: 'slice.hubs[1]',
        url: undefined,
        auth: { type: 'kubeconfig', path: '/k', context: 'hub' },
        caData: undefined,
        caFile: undefined,
        dangerouslySkipTLSVerify: false,
        dangerouslyAllowHttp: false,
        projects: undefined,
        workers: { credentials: 'none', clusters: [], allowedHosts: undefined },
        warnings: [],
      },
      {
        name: 'local',
        title: 'local',
        configPath: 'slice.hubs[2]',
        url: undefined,
        auth: { type: 'inCluster' },
        caData: undefined,
        caFile: undefined,
        dangerouslySkipTLSVerify: true,
        dangerouslyAllowHttp: false,
        projects: undefined,
        workers: { credentials: 'none', clusters: [], allowedHosts: undefined },
        warnings: [
          "Hub local: dangerouslySkipTLSVerify is true, so the hub's certificate is not checked; use caData or caFile instead",
        ],
      },
    ]);
  });

  it('reads the projects filter and worker credentials', () => {
    const [hub] = read([
      {
        name: 'prod',
        auth: { type: 'inCluster' },
        projects: ['arcade'],
        workers: {
          credentials: 'config',
          clusters: [
            {
              name: 'aws-east',
              url: 'https://aws-east.example.com',
              token: 'w',
            },
          ],
        },
      },
    ]);
    expect(hub.projects).toEqual(['arcade']);
    expect(hub.workers).toEqual({
      credentials: 'config',
      clusters: [
        {
          name: 'aws-east',
          project: undefined,
          url: 'https://aws-east.example.com',
          token: 'w',
          caData: undefined,
          dangerouslySkipTLSVerify: false,
        },
      ],
      allowedHosts: undefined,
    });
  });

  it('is empty without slice config', () => {
    expect(readHubConfigs(new ConfigReader({}))).toEqual([]);
  });

  it.each([
    [[{ name: 'Bad Name', auth: { type: 'inCluster' } }], 'slice.hubs[0].name'],
    [
      [
        { name: 'a', auth: { type: 'inCluster' } },
        { name: 'a', auth: { type: 'inCluster' } },
      ],
      'slice.hubs[1].name',
    ],
    [[{ name: 'a', auth: { type: 'token' } }], 'slice.hubs[0].auth.type'],
    [
      [{ name: 'a', auth: { type: 'serviceAccount', token: 't' } }],
      'slice.hubs[0].url',
    ],
    [
      [{ name: 'a', url: 'not a url', auth: { type: 'inCluster' } }],
      'slice.hubs[0].url',
    ],
    [
      [{ name: 'a', url: 'ftp://x', auth: { type: 'inCluster' } }],
      'slice.hubs[0].url',
    ],
  ])('names the offending key in the error (%#)', (hubs, key) => {
    expect(() => read(hubs)).toThrow(key);
  });

  it('reports a missing required key by its path', () => {
    expect(() => read([{ name: 'a', auth: { type: 'kubeconfig' } }])).toThrow(
      /auth\.path/,
    );
  });
  describe('TLS and http', () => {
    const hub = (extra: object) => ({
      name: 'prod',
      url: 'https://hub.example.com',
      auth: { type: 'serviceAccount', token: 't' },
      ...extra,
    });
    const worker = (extra: object) => ({
      name: 'aws-east',
      url: 'https://aws-east.example.com',
      token: 'w',
      ...extra,
    });

    it('still reads the deprecated skipTLSVerify, with a warning', () => {
      const [h] = read([
        hub({
          skipTLSVerify: true,
          workers: {
            credentials: 'config',
            clusters: [worker({ skipTLSVerify: true })],
          },
        }),
      ]);
      expect(h.dangerouslySkipTLSVerify).toBe(true);
      expect(h.workers.clusters[0].dangerouslySkipTLSVerify).toBe(true);
      expect(h.warnings).toEqual([
        "Config key 'slice.hubs[0].skipTLSVerify' is deprecated; rename it to dangerouslySkipTLSVerify",
        "Hub prod: dangerouslySkipTLSVerify is true, so the hub's certificate is not checked; use caData or caFile instead",
        "Config key 'slice.hubs[0].workers.clusters[0].skipTLSVerify' is deprecated; rename it to dangerouslySkipTLSVerify",
        "Hub prod: worker aws-east ('slice.hubs[0].workers.clusters[0]') has dangerouslySkipTLSVerify: true, so its certificate is not checked and its token can be intercepted; set caData instead",
      ]);
    });

    it('warns about TLS verification off for a worker only', () => {
      const [h] = read([
        hub({
          workers: {
            credentials: 'config',
            clusters: [worker({ dangerouslySkipTLSVerify: true })],
          },
        }),
      ]);
      expect(h.dangerouslySkipTLSVerify).toBe(false);
      expect(h.warnings).toEqual([
        expect.stringContaining(
          "worker aws-east ('slice.hubs[0].workers.clusters[0]') has dangerouslySkipTLSVerify: true",
        ),
      ]);
    });

    it('has no warnings for a hub with defaults', () => {
      expect(read([hub({})])[0].warnings).toEqual([]);
    });

    it('refuses contradicting old and new keys', () => {
      expect(() =>
        read([hub({ skipTLSVerify: true, dangerouslySkipTLSVerify: false })]),
      ).toThrow("'slice.hubs[0].skipTLSVerify': it contradicts");
    });

    it('refuses a plain-http hub URL unless dangerouslyAllowHttp is set', () => {
      expect(() => read([hub({ url: 'http://hub.example.com' })])).toThrow(
        "Invalid config at 'slice.hubs[0].url': 'http://hub.example.com' uses plain http, which would send tokens unencrypted; use https, or set 'slice.hubs[0].dangerouslyAllowHttp: true'",
      );
      const [h] = read([
        hub({ url: 'http://hub.example.com', dangerouslyAllowHttp: true }),
      ]);
      expect(h.dangerouslyAllowHttp).toBe(true);
      expect(h.warnings).toEqual([
        'Hub prod: dangerouslyAllowHttp is true, so the tokens of the hub and its workers may be sent over plain http',
      ]);
    });

    it('refuses a plain-http worker URL unless the hub allows http', () => {
      const config = (allow: boolean) =>
        hub({
          dangerouslyAllowHttp: allow,
          workers: {
            credentials: 'config',
            clusters: [worker({ url: 'http://aws-east.example.com' })],
          },
        });
      expect(() => read([config(false)])).toThrow(
        /'slice\.hubs\[0\]\.workers\.clusters\[0\]\.url'.*plain http.*slice\.hubs\[0\]\.dangerouslyAllowHttp/,
      );
      expect(read([config(true)])[0].workers.clusters[0].url).toBe(
        'http://aws-east.example.com',
      );
    });
  });

  describe('workers.allowedHosts', () => {
    const withHosts = (allowedHosts: unknown, clusters: unknown[] = []) =>
      read([
        {
          name: 'prod',
          auth: { type: 'inCluster' },
          workers: {
            credentials: clusters.length ? 'config' : 'dashboardSecret',
            allowedHosts,
            clusters,
          },
        },
      ]);

    it('reads valid entries', () => {
      const hosts = [
        'api.example.com',
        '*.workers.example.com',
        '10.1.2.3',
        '10.0.0.0/16',
        'fd00::/8',
        '::1',
      ];
      expect(withHosts(hosts)[0].workers.allowedHosts).toEqual(hosts);
    });

    it.each([
      ['10.0.0.0/33', 1],
      ['10.0.0/8', 1],
      ['fd00::/129', 1],
      ['https://api.example.com', 1],
      ['api.example.com:6443', 1],
      ['*', 1],
      ['api.*.example.com', 1],
      ['', 1],
    ])('fails at start on a bad entry %p, naming the key', (bad, index) => {
      expect(() => withHosts(['ok.example.com', bad])).toThrow(
        // Backstage itself names the key of an empty string.
        `'slice.hubs[0].workers.allowedHosts[${index}]'`,
      );
    });

    it('checks configured worker URLs against the allowlist', () => {
      const aws = {
        name: 'aws-east',
        url: 'https://aws-east.example.com',
        token: 'w',
      };
      expect(
        withHosts(['*.example.com'], [aws])[0].workers.clusters[0].url,
      ).toBe('https://aws-east.example.com');
      expect(() => withHosts(['10.0.0.0/8'], [aws])).toThrow(
        "Invalid config at 'slice.hubs[0].workers.clusters[0].url': worker URL host aws-east.example.com is not in slice.hubs[0].workers.allowedHosts",
      );
      expect(() =>
        withHosts(undefined, [
          { ...aws, url: 'https://me@aws-east.example.com' },
        ]),
      ).toThrow(/clusters\[0\]\.url.*user info/);
    });
  });
});
