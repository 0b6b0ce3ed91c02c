import { KubeConfig } from '@kubernetes/client-node';
import {
  endpointFromDashboardSecret,
  kubeConfigForWorker,
  workerUrlPolicyForHub,
} from './workerAccess';
import { buildWorkerUrlPolicy } from './workerUrlPolicy';

const b64 = (s: string) => Buffer.from(s).toString('base64');

/** A hub KubeConfig whose only API is a recorded, fake `readNamespacedSecret`. */
function fakeHub(secretData: Record<string, string> = { token: b64('tok') }) {
  const readNamespacedSecret = jest.fn(async () => ({ data: secretData }));
  const makeApiClient = jest.fn(() => ({ readNamespacedSecret }));
  return {
    kc: { makeApiClient } as unknown as KubeConfig,
    makeApiClient,
    readNamespacedSecret,
  };
}

function cluster(endpoint?: string, accessToken?: string) {
  return {
    metadata: { name: 'aws-east', namespace: 'kubeslice-arcade' },
    spec: {
      clusterProperty: {
        monitoring: { kubernetesDashboard: { endpoint, accessToken } },
      },
    },
  };
}

const policy = buildWorkerUrlPolicy({
  configPath: 'slice.hubs[0]',
  hubUrl: 'https://hub.example.com:6443',
});

describe('endpointFromDashboardSecret', () => {
  it('reads the token for an allowed URL', async () => {
    const hub = fakeHub({ token: b64('tok'), 'ca.crt': 'Q0E=' });
    await expect(
      endpointFromDashboardSecret({
        hubKubeConfig: hub.kc,
        cluster: cluster('https://HUB.example.com:6443/clusters/aws-east/'),
        policy,
      }),
    ).resolves.toEqual({
      url: 'https://hub.example.com:6443/clusters/aws-east',
      token: 'tok',
      caData: 'Q0E=',
      dangerouslySkipTLSVerify: false,
    });
    expect(hub.readNamespacedSecret).toHaveBeenCalledWith({
      name: 'aws-east-kubernetes-dashboard',
      namespace: 'kubeslice-arcade',
    });
  });

  it.each([
    [
      'https://attacker.example.org',
      'worker URL host attacker.example.org is not in slice.hubs[0].workers.allowedHosts',
    ],
    ['http://hub.example.com:6443', 'plain http'],
    ['https://hub.example.com@attacker.example.org', 'user info'],
    ['not a url', 'not a valid URL'],
  ])('refuses %s before reading any secret', async (endpoint, reason) => {
    const hub = fakeHub();
    const result = endpointFromDashboardSecret({
      hubKubeConfig: hub.kc,
      cluster: cluster(endpoint, 'some-other-secret'),
      policy,
    });
    await expect(result).rejects.toThrow(reason);
    await expect(result).rejects.toThrow(/^cluster aws-east: not connecting/);
    expect(hub.makeApiClient).not.toHaveBeenCalled();
    expect(hub.readNamespacedSecret).not.toHaveBeenCalled();
  });

  it('names only the cluster when the endpoint is missing', async () => {
    const hub = fakeHub();
    await expect(
      endpointFromDashboardSecret({
        hubKubeConfig: hub.kc,
        cluster: cluster(undefined),
        policy,
      }),
    ).rejects.toThrow('cluster aws-east does not publish its API endpoint');
    expect(hub.readNamespacedSecret).not.toHaveBeenCalled();
  });

  it('fails on a secret without a token', async () => {
    const hub = fakeHub({});
    await expect(
      endpointFromDashboardSecret({
        hubKubeConfig: hub.kc,
        cluster: cluster('https://hub.example.com/w', 'dash'),
        policy,
      }),
    ).rejects.toThrow('secret kubeslice-arcade/dash has no token');
  });
});

describe('workerUrlPolicyForHub', () => {
  const hubKubeConfig = new KubeConfig();
  hubKubeConfig.loadFromOptions({
    clusters: [{ name: 'hub', server: 'https://10.0.0.1:6443' }],
    users: [{ name: 'u', token: 't' }],
    contexts: [{ name: 'hub', cluster: 'hub', user: 'u' }],
    currentContext: 'hub',
  });
  const hub = (workers: object) => ({
    configPath: 'slice.hubs[2]',
    dangerouslyAllowHttp: false,
    workers: {
      credentials: 'dashboardSecret' as const,
      clusters: [],
      ...workers,
    },
  });

  it("defaults to the host of the KubeConfig's current cluster", async () => {
    const fake = fakeHub();
    const p = workerUrlPolicyForHub({ hub: hub({}), hubKubeConfig });
    await expect(
      endpointFromDashboardSecret({
        hubKubeConfig: fake.kc,
        cluster: cluster('https://10.0.0.1:6443/clusters/aws-east'),
        policy: p,
      }),
    ).resolves.toMatchObject({ token: 'tok' });
    await expect(
      endpointFromDashboardSecret({
        hubKubeConfig: fake.kc,
        cluster: cluster('https://10.0.0.2:6443'),
        policy: p,
      }),
    ).rejects.toThrow('not in slice.hubs[2].workers.allowedHosts');
  });

  it('uses allowedHosts when configured', () => {
    const p = workerUrlPolicyForHub({
      hub: hub({ allowedHosts: ['10.9.0.0/16'] }),
      hubKubeConfig,
    });
    expect(p.explicit).toBe(true);
    expect(p.addresses.check('10.9.1.1', 'ipv4')).toBe(true);
    expect(p.addresses.check('10.0.0.1', 'ipv4')).toBe(false);
  });
});

describe('kubeConfigForWorker', () => {
  it('passes dangerouslySkipTLSVerify to client-node', () => {
    const kc = kubeConfigForWorker('w', {
      url: 'https://w.example.com',
      token: 't',
      dangerouslySkipTLSVerify: true,
    });
    expect(kc.getCurrentCluster()).toMatchObject({
      server: 'https://w.example.com',
      skipTLSVerify: true,
    });
  });
});
