import fs from 'fs';
import os from 'os';
import path from 'path';
import { kubeConfigForHub } from './kubeConfigForHub';

const kubeconfig = `
apiVersion: v1
kind: Config
clusters:
  - name: hub
    cluster: { server: https://127.0.0.1:6443/clusters/hub, certificate-authority-data: Q0EtRlJPTS1GSUxF }
  - name: other
    cluster: { server: https://10.0.0.1:6443 }
  - name: plain
    cluster: { server: http://10.0.0.2:8080 }
users:
  - name: admin
    user: { token: file-token }
contexts:
  - name: hub
    context: { cluster: hub, user: admin }
  - name: other
    context: { cluster: other, user: admin }
  - name: plain
    context: { cluster: plain, user: admin }
current-context: other
`;

const secure = {
  configPath: 'slice.hubs[0]',
  dangerouslySkipTLSVerify: false,
  dangerouslyAllowHttp: false,
};

describe('kubeConfigForHub', () => {
  let file: string;
  beforeAll(() => {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kc-')), 'config');
    fs.writeFileSync(file, kubeconfig);
  });

  it('uses the named context of a kubeconfig file', () => {
    const kc = kubeConfigForHub({
      name: 'demo',
      auth: { type: 'kubeconfig', path: file, context: 'hub' },
      ...secure,
    });
    expect(kc.getCurrentCluster()).toMatchObject({
      server: 'https://127.0.0.1:6443/clusters/hub',
      caData: 'Q0EtRlJPTS1GSUxF',
      skipTLSVerify: false,
    });
    expect(kc.getCurrentUser()?.token).toBe('file-token');
  });

  it('lets url and caData from config override the file', () => {
    const kc = kubeConfigForHub({
      name: 'demo',
      url: 'https://hub.example.com',
      caData: 'T1ZFUlJJREU=',
      auth: { type: 'kubeconfig', path: file, context: 'hub' },
      ...secure,
    });
    expect(kc.getCurrentCluster()).toMatchObject({
      server: 'https://hub.example.com',
      caData: 'T1ZFUlJJREU=',
    });
  });

  it('builds a service-account connection with TLS verification on by default', () => {
    const kc = kubeConfigForHub({
      name: 'prod',
      url: 'https://hub.example.com:6443',
      auth: { type: 'serviceAccount', token: 'sa-token' },
      caData: 'Q0E=',
      ...secure,
    });
    expect(kc.getCurrentCluster()).toMatchObject({
      server: 'https://hub.example.com:6443',
      caData: 'Q0E=',
      skipTLSVerify: false,
    });
    expect(kc.getCurrentUser()?.token).toBe('sa-token');
  });

  it('names a missing context', () => {
    expect(() =>
      kubeConfigForHub({
        name: 'demo',
        auth: { type: 'kubeconfig', path: file, context: 'nope' },
        ...secure,
      }),
    ).toThrow("context 'nope' not found");
  });

  it('refuses a plain-http server from the kubeconfig file, naming the option', () => {
    expect(() =>
      kubeConfigForHub({
        name: 'demo',
        auth: { type: 'kubeconfig', path: file, context: 'plain' },
        ...secure,
      }),
    ).toThrow(
      "Hub 'demo': the API server http://10.0.0.2:8080 uses plain http; use https, or set 'slice.hubs[0].dangerouslyAllowHttp: true'",
    );
  });

  it('refuses a plain-http url from config, and allows http when the hub opts in', () => {
    const hub = {
      name: 'prod',
      url: 'http://hub.example.com',
      auth: { type: 'serviceAccount' as const, token: 't' },
      ...secure,
    };
    expect(() => kubeConfigForHub(hub)).toThrow('plain http');
    expect(
      kubeConfigForHub({
        ...hub,
        dangerouslyAllowHttp: true,
      }).getCurrentCluster()?.server,
    ).toBe('http://hub.example.com');
  });

  it('turns off TLS verification only when dangerouslySkipTLSVerify is set', () => {
    const kc = kubeConfigForHub({
      name: 'demo',
      auth: { type: 'kubeconfig', path: file, context: 'hub' },
      ...secure,
      dangerouslySkipTLSVerify: true,
    });
    expect(kc.getCurrentCluster()?.skipTLSVerify).toBe(true);
  });
});
