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
        { name: 'local', auth: { type: 'inCluster' }, skipTLSVerify: true },
      ]),
    ).toEqual([
      {
        name: 'prod',
        title: 'prod',
        url: 'https://hub.example.com:6443',
        auth: { type: 'serviceAccount', token: 't' },
        caData: 'Q0E=',
        caFile: undefined,
        skipTLSVerify: false,
        projects: undefined,
        workers: { credentials: 'none', clusters: [] },
      },
      {
        name: 'demo',
        title: 'Demo',
        url: undefined,
        auth: { type: 'kubeconfig', path: '/k', context: 'hub' },
        caData: undefined,
        caFile: undefined,
        skipTLSVerify: false,
        projects: undefined,
        workers: { credentials: 'none', clusters: [] },
      },
      {
        name: 'local',
        title: 'local',
        url: undefined,
        auth: { type: 'inCluster' },
        caData: undefined,
        caFile: undefined,
        skipTLSVerify: true,
        projects: undefined,
        workers: { credentials: 'none', clusters: [] },
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
          skipTLSVerify: false,
        },
      ],
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
});
