import { ConfigReader } from '@backstage/config';
import { readWriteSettings, workerWriteConfig } from './writeConfig';

const hub = (extra: object = {}) => ({
  name: 'prod',
  url: 'https://hub.example.com',
  auth: { type: 'serviceAccount', token: 'read-token' },
  ...extra,
});
const read = (slice: object) => readWriteSettings(new ConfigReader({ slice }));

describe('readWriteSettings', () => {
  it('writes with the hub credentials by default, bounded retries and a 10 minute operation timeout', () => {
    const settings = read({ hubs: [hub()] });
    expect(settings.hubs[0]).toMatchObject({
      auth: { type: 'serviceAccount', token: 'read-token' },
      separateCredentials: false,
      workers: [],
    });
    expect(settings.retry.maxAttempts).toBe(25);
    expect(settings.operationTimeoutMs).toBe(600_000);
    expect(settings.requestTimeoutMs).toBe(15_000);
  });

  it('reads separate hub write credentials and worker write credentials', () => {
    const settings = read({
      hubs: [
        hub({
          write: { auth: { type: 'serviceAccount', token: 'write-token' } },
          workers: {
            credentials: 'dashboardSecret',
            write: {
              clusters: [
                {
                  name: 'aws-eu',
                  url: 'https://aws-eu.example.com/',
                  token: 'w1',
                },
                {
                  name: 'gcp',
                  project: 'acme',
                  url: 'https://gcp.example.com',
                  token: 'w2',
                  caData: 'Q0E=',
                },
              ],
            },
          },
        }),
      ],
      write: {
        conflictRetries: 5,
        operationTimeout: '2m',
        requestTimeout: { seconds: 30 },
      },
    });
    const h = settings.hubs[0];
    expect(h.auth).toEqual({ type: 'serviceAccount', token: 'write-token' });
    expect(h.separateCredentials).toBe(true);
    expect(h.hub.auth).toEqual({ type: 'serviceAccount', token: 'read-token' });
    expect(workerWriteConfig(h, 'arcade', 'aws-eu')?.url).toBe(
      'https://aws-eu.example.com',
    );
    expect(workerWriteConfig(h, 'acme', 'gcp')?.caData).toBe('Q0E=');
    expect(workerWriteConfig(h, 'arcade', 'gcp')).toBeUndefined();
    expect(settings.retry.maxAttempts).toBe(6);
    expect(settings.operationTimeoutMs).toBe(120_000);
    expect(settings.requestTimeoutMs).toBe(30_000);
  });

  it('refuses plain http worker write URLs, bad auth types and out-of-range values, naming the key', () => {
    expect(() =>
      read({
        hubs: [
          hub({
            workers: {
              write: { clusters: [{ name: 'a', url: 'http://a', token: 't' }] },
            },
          }),
        ],
      }),
    ).toThrow(
      "Invalid config at 'slice.hubs[0].workers.write.clusters[0].url': 'http://a' must use https",
    );
    expect(() =>
      read({ hubs: [hub({ write: { auth: { type: 'password' } } })] }),
    ).toThrow("Invalid config at 'slice.hubs[0].write.auth.type'");
    expect(() =>
      read({ hubs: [hub()], write: { conflictRetries: 1000 } }),
    ).toThrow("Invalid config at 'slice.write.conflictRetries'");
    expect(() =>
      read({ hubs: [hub()], write: { operationTimeout: '1s' } }),
    ).toThrow("Invalid config at 'slice.write.operationTimeout'");
  });

  it('allows http worker URLs only where the hub allows http', () => {
    const settings = read({
      hubs: [
        hub({
          url: 'http://hub.local',
          dangerouslyAllowHttp: true,
          workers: {
            write: {
              clusters: [{ name: 'a', url: 'http://a.local', token: 't' }],
            },
          },
        }),
      ],
    });
    expect(settings.hubs[0].workers[0].url).toBe('http://a.local');
  });
});
