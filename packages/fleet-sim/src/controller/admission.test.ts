import { startFleetSim, type FleetSim } from '../sim/startFleetSim';

/**
 * The controller's admission rules (REFERENCE §2.3 and §2.1–§2.6), one
 * invalid case per rule next to a valid one, over the real API. Writes use
 * `dryRun=All` so cases do not depend on each other.
 */

const C = '/apis/controller.kubeslice.io/v1alpha1';
const W = '/apis/worker.kubeslice.io/v1alpha1';
const NS = 'kubeslice-arcade';
let sim: FleetSim;

async function call(
  method: string,
  path: string,
  body?: unknown,
  dryRun = true,
) {
  const url = `${sim.clusterUrl('hub')}${path}${dryRun ? '?dryRun=All' : ''}`;
  const res = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${sim.adminToken}`,
      'content-type':
        method === 'PATCH'
          ? 'application/merge-patch+json'
          : 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

function denied(
  res: { status: number; body: any },
  field: string,
  message: RegExp,
) {
  expect(res.status).toBe(422);
  expect(res.body.message).toMatch(
    /^admission webhook "v\w+\.kb\.io" denied the request: /,
  );
  expect(res.body.details.causes).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        field,
        message: expect.stringMatching(message),
      }),
    ]),
  );
}

const baseSlice = (
  spec: Record<string, unknown> = {},
  name = 'newslice',
  ns = NS,
) => ({
  apiVersion: 'controller.kubeslice.io/v1alpha1',
  kind: 'SliceConfig',
  metadata: { name, namespace: ns },
  spec: {
    clusters: ['aws-east', 'gcp-west'],
    maxClusters: 4,
    sliceSubnet: '10.50.0.0/16',
    sliceGatewayProvider: { sliceGatewayType: 'OpenVPN', sliceCaType: 'Local' },
    standardQosProfileName: 'default',
    ...spec,
  },
});

const createSlice = (
  spec: Record<string, unknown> = {},
  name?: string,
  ns = NS,
) =>
  call('POST', `${C}/namespaces/${ns}/sliceconfigs`, baseSlice(spec, name, ns));

const bind = (namespace: string | undefined, clusters?: string[]) => ({
  namespaceIsolationProfile: {
    applicationNamespaces: [{ namespace, clusters }],
  },
});

beforeAll(async () => {
  sim = await startFleetSim({ tls: false, statusIntervalMs: 0 });
  // Clusters in states the demo does not have, written as the worker would.
  const hub = sim.cluster('hub')!;
  const rt = hub.resourceType('clusters', 'controller.kubeslice.io');
  const cluster = (name: string, status: Record<string, unknown>) =>
    hub.store.create(rt, {
      apiVersion: 'controller.kubeslice.io/v1alpha1',
      kind: 'Cluster',
      metadata: { name, namespace: NS },
      spec: {},
      status: {
        registrationStatus: 'Registered',
        networkPresent: true,
        cniSubnet: ['172.40.0.0/16'],
        nodeIPs: ['203.0.113.99'],
        ...status,
      },
    });
  cluster('no-ips', { nodeIPs: [] });
  cluster('no-net', { networkPresent: false, cniSubnet: [] });
  cluster('pending', { registrationStatus: 'Pending' });
  cluster('overlap', { cniSubnet: ['10.50.128.0/17'] });
});
afterAll(() => sim.close());

describe('SliceConfig create', () => {
  it('accepts a valid network slice and fills vpnConfig (mutating webhook)', async () => {
    const res = await createSlice();
    expect(res.status).toBe(201);
    expect(res.body.spec.vpnConfig).toEqual({ cipher: 'AES-256-CBC' });
  });

  it('drops vpnConfig on no-network slices and skips network checks for them', async () => {
    const res = await createSlice({
      overlayNetworkDeploymentMode: 'no-network',
      clusters: ['aws-east', 'no-net'],
      sliceSubnet: undefined,
      sliceGatewayProvider: undefined,
      standardQosProfileName: undefined,
      vpnConfig: { cipher: 'AES-128-CBC' },
    });
    expect(res.status).toBe(201);
    expect(res.body.spec).not.toHaveProperty('vpnConfig');
  });

  it.each([
    [
      'a project namespace',
      () => createSlice({}, 'x', 'default'),
      'metadata.namespace',
      /project namespace/,
    ],
    [
      'unique clusters',
      () => createSlice({ clusters: ['aws-east', 'aws-east'] }),
      'spec.clusters',
      /unique/,
    ],
    [
      'registered clusters (exists)',
      () => createSlice({ clusters: ['aws-east', 'nope'] }),
      'spec.clusters',
      /"nope": cluster is not registered/,
    ],
    [
      'registered clusters (status)',
      () => createSlice({ clusters: ['aws-east', 'pending'] }),
      'spec.clusters',
      /registration is not completed/,
    ],
    [
      'healthy clusters',
      () => createSlice({ clusters: ['aws-east', 'edge-nyc'] }),
      'spec.clusters',
      /"edge-nyc": cluster health is not normal/,
    ],
    [
      'node IPs',
      () => createSlice({ clusters: ['aws-east', 'no-ips'] }),
      'spec.clusters',
      /no node IPs/,
    ],
    [
      'networking present',
      () => createSlice({ clusters: ['aws-east', 'no-net'] }),
      'spec.clusters',
      /networking \(NSM\) is not installed/,
    ],
    [
      'CNI subnet known',
      () => createSlice({ clusters: ['aws-east', 'no-net'] }),
      'spec.clusters',
      /CNI subnet is not known/,
    ],
    [
      'no overlap with CNI subnets',
      () => createSlice({ clusters: ['aws-east', 'overlap'] }),
      'spec.sliceSubnet',
      /overlaps the CNI subnet of cluster overlap/,
    ],
    [
      'namespace and clusters together',
      () => createSlice(bind('web')),
      'spec.namespaceIsolationProfile.applicationNamespaces[0]',
      /set together/,
    ],
    [
      'unique binding clusters',
      () => createSlice(bind('web', ['aws-east', 'aws-east'])),
      'spec.namespaceIsolationProfile.applicationNamespaces[0].clusters',
      /unique/,
    ],
    [
      'namespace name pattern',
      () => createSlice(bind('web_app', ['*'])),
      'spec.namespaceIsolationProfile.applicationNamespaces[0].namespace',
      /\^\[a-zA-Z0-9-\]\+\$/,
    ],
    [
      'unique namespaces',
      () =>
        createSlice({
          namespaceIsolationProfile: {
            applicationNamespaces: [
              { namespace: 'web', clusters: ['*'] },
              { namespace: 'web', clusters: ['*'] },
            ],
          },
        }),
      'spec.namespaceIsolationProfile.applicationNamespaces[1].namespace',
      /Duplicate/,
    ],
    [
      '"*" alone',
      () => createSlice(bind('web', ['*', 'aws-east'])),
      'spec.namespaceIsolationProfile.applicationNamespaces[0].clusters',
      /"\*" must be the only/,
    ],
    [
      'binding clusters are members',
      () => createSlice(bind('web', ['azure-eu'])),
      'spec.namespaceIsolationProfile.applicationNamespaces[0].clusters',
      /"azure-eu": cluster is not participating/,
    ],
    [
      'no "*" in the default slice',
      () => createSlice(bind('web', ['*']), 'arcade-default-slice'),
      'spec.namespaceIsolationProfile.applicationNamespaces[0].clusters',
      /not allowed in the default slice/,
    ],
    [
      'namespace not owned by another slice',
      () => createSlice(bind('pacman', ['aws-east'])),
      'spec.namespaceIsolationProfile.applicationNamespaces[0].namespace',
      /already onboarded to slice pacman on cluster aws-east/,
    ],
    [
      'allowedNamespaces rules',
      () =>
        createSlice({
          namespaceIsolationProfile: {
            allowedNamespaces: [{ namespace: 'mon', clusters: ['azure-eu'] }],
          },
        }),
      'spec.namespaceIsolationProfile.allowedNamespaces[0].clusters',
      /not participating/,
    ],
    [
      'clusters <= maxClusters',
      () =>
        createSlice({
          maxClusters: 2,
          clusters: ['aws-east', 'gcp-west', 'azure-eu'],
        }),
      'spec.clusters',
      /exceeds maxClusters 2/,
    ],
    [
      'sliceSubnet required',
      () => createSlice({ sliceSubnet: undefined }),
      'spec.sliceSubnet',
      /Required value/,
    ],
    [
      'sliceSubnet private',
      () => createSlice({ sliceSubnet: '11.1.0.0/16' }),
      'spec.sliceSubnet',
      /private/,
    ],
    [
      'sliceSubnet /16',
      () => createSlice({ sliceSubnet: '10.1.0.0/17' }),
      'spec.sliceSubnet',
      /\/16/,
    ],
    [
      'sliceSubnet .0.0',
      () => createSlice({ sliceSubnet: '10.1.2.0/16' }),
      'spec.sliceSubnet',
      /\.0\.0/,
    ],
    [
      'sliceGatewayProvider required',
      () => createSlice({ sliceGatewayProvider: undefined }),
      'spec.sliceGatewayProvider',
      /Required value/,
    ],
    [
      'gateway service type cluster is a member',
      () =>
        createSlice({
          sliceGatewayProvider: {
            sliceGatewayType: 'OpenVPN',
            sliceCaType: 'Local',
            sliceGatewayServiceType: [
              { cluster: 'azure-eu', type: 'NodePort', protocol: 'UDP' },
            ],
          },
        }),
      'spec.sliceGatewayProvider.sliceGatewayServiceType[0].cluster',
      /not participating/,
    ],
    [
      'gateway service type cluster once',
      () =>
        createSlice({
          sliceGatewayProvider: {
            sliceGatewayType: 'OpenVPN',
            sliceCaType: 'Local',
            sliceGatewayServiceType: [
              { cluster: '*', type: 'NodePort', protocol: 'UDP' },
              { cluster: '*', type: 'LoadBalancer', protocol: 'UDP' },
            ],
          },
        }),
      'spec.sliceGatewayProvider.sliceGatewayServiceType[1].cluster',
      /Duplicate/,
    ],
    [
      'exactly one QoS (both)',
      () =>
        createSlice({
          qosProfileDetails: {
            priority: 1,
            bandwidthCeilingKbps: 5,
            bandwidthGuaranteedKbps: 1,
            dscpClass: 'AF11',
          },
        }),
      'spec.qosProfileDetails',
      /exactly one/,
    ],
    [
      'exactly one QoS (none)',
      () => createSlice({ standardQosProfileName: undefined }),
      'spec.qosProfileDetails',
      /exactly one/,
    ],
    [
      'standard QoS profile exists',
      () => createSlice({ standardQosProfileName: 'gold' }),
      'spec.standardQosProfileName',
      /not found/,
    ],
    [
      'ceiling >= guaranteed',
      () =>
        createSlice({
          standardQosProfileName: undefined,
          qosProfileDetails: {
            priority: 1,
            bandwidthCeilingKbps: 5,
            bandwidthGuaranteedKbps: 9,
            dscpClass: 'AF11',
          },
        }),
      'spec.qosProfileDetails.bandwidthGuaranteedKbps',
      /less than or equal/,
    ],
    [
      'external gateway "*" alone',
      () =>
        createSlice({
          externalGatewayConfig: [{ clusters: ['*', 'aws-east'] }],
        }),
      'spec.externalGatewayConfig[0].clusters',
      /only cluster/,
    ],
    [
      'external gateway clusters are members',
      () =>
        createSlice({ externalGatewayConfig: [{ clusters: ['azure-eu'] }] }),
      'spec.externalGatewayConfig[0].clusters',
      /not participating/,
    ],
    [
      'external gateway cluster in one entry',
      () =>
        createSlice({
          externalGatewayConfig: [
            { clusters: ['aws-east'] },
            { clusters: ['aws-east'] },
          ],
        }),
      'spec.externalGatewayConfig[1].clusters',
      /more than one entry/,
    ],
    [
      'external gateway "*" in one entry',
      () =>
        createSlice({
          externalGatewayConfig: [{ clusters: ['*'] }, { clusters: ['*'] }],
        }),
      'spec.externalGatewayConfig',
      /at most one entry/,
    ],
  ])('requires %s', async (_rule, run, field, message) => {
    expect.hasAssertions();
    denied(await run(), field, message);
  });
});

describe('SliceConfig update and delete', () => {
  const patch = (name: string, spec: Record<string, unknown>, ns = NS) =>
    call('PATCH', `${C}/namespaces/${ns}/sliceconfigs/${name}`, { spec });

  it('accepts mutable changes, leaves existing members unchecked, allows no-network → network', async () => {
    expect(
      (
        await patch('pacman', {
          namespaceIsolationProfile: { isolationEnabled: true },
        })
      ).status,
    ).toBe(200);
    // edge-nyc is unhealthy but already a member of leaderboard: not re-checked.
    expect((await patch('leaderboard', { rotationInterval: 45 })).status).toBe(
      200,
    );
    const res = await patch(
      'analytics',
      {
        overlayNetworkDeploymentMode: 'single-network',
        sliceSubnet: '10.60.0.0/16',
        sliceGatewayProvider: {
          sliceGatewayType: 'OpenVPN',
          sliceCaType: 'Local',
        },
        standardQosProfileName: 'default',
        maxClusters: 4,
      },
      'kubeslice-acme',
    );
    expect(res.status).toBe(200);
    expect(
      (
        await patch('pacman', {
          sliceGatewayProvider: {
            sliceGatewayServiceType: [
              { cluster: '*', type: 'LoadBalancer', protocol: 'UDP' },
            ],
          },
        })
      ).status,
    ).toBe(200);
  });

  it.each([
    [
      'immutable sliceSubnet',
      () => patch('pacman', { sliceSubnet: '10.9.0.0/16' }),
      'spec.sliceSubnet',
      /immutable/,
    ],
    [
      'immutable maxClusters',
      () => patch('pacman', { maxClusters: 8 }),
      'spec.maxClusters',
      /immutable/,
    ],
    [
      'immutable gateway type',
      () =>
        patch('pacman', {
          sliceGatewayProvider: { sliceGatewayType: 'Wireguard' },
        }),
      'spec.sliceGatewayProvider.sliceGatewayType',
      /immutable/,
    ],
    [
      'immutable cipher',
      () => patch('pacman', { vpnConfig: { cipher: 'AES-128-CBC' } }),
      'spec.vpnConfig.cipher',
      /immutable/,
    ],
    [
      'mode only away from no-network',
      () => patch('pacman', { overlayNetworkDeploymentMode: 'no-network' }),
      'spec.overlayNetworkDeploymentMode',
      /only change from no-network/,
    ],
    [
      'gateway protocol never changes',
      () =>
        patch('pacman', {
          sliceGatewayProvider: {
            sliceGatewayServiceType: [
              { cluster: '*', type: 'NodePort', protocol: 'TCP' },
            ],
          },
        }),
      'spec.sliceGatewayProvider.sliceGatewayServiceType.protocol',
      /immutable/,
    ],
    [
      'added clusters are checked',
      () =>
        patch('pacman', {
          clusters: ['aws-east', 'gcp-west', 'azure-eu', 'pending'],
        }),
      'spec.clusters',
      /"pending": cluster registration/,
    ],
  ])('rejects %s', async (_rule, run, field, message) => {
    expect.hasAssertions();
    denied(await run(), field, message);
  });

  it('rejects LoadBalancer → NodePort', async () => {
    const path = `${C}/namespaces/${NS}/sliceconfigs/pacman`;
    const lb = {
      spec: {
        sliceGatewayProvider: {
          sliceGatewayServiceType: [
            { cluster: '*', type: 'LoadBalancer', protocol: 'UDP' },
          ],
        },
      },
    };
    expect((await call('PATCH', path, lb, false)).status).toBe(200);
    const back = {
      spec: {
        sliceGatewayProvider: {
          sliceGatewayServiceType: [
            { cluster: '*', type: 'NodePort', protocol: 'UDP' },
          ],
        },
      },
    };
    denied(
      await call('PATCH', path, back),
      'spec.sliceGatewayProvider.sliceGatewayServiceType.type',
      /LoadBalancer to NodePort/,
    );
  });

  it('blocks deletion while namespaces are onboarded or exports exist', async () => {
    expect.hasAssertions();
    const path = `${C}/namespaces/${NS}/sliceconfigs/pacman`;
    denied(
      await call('DELETE', path),
      'spec.namespaceIsolationProfile.applicationNamespaces',
      /deboard the namespaces/,
    );
    const hub = sim.cluster('hub')!;
    const wsc = hub.resourceType('workersliceconfigs', 'worker.kubeslice.io');
    for (const m of ['aws-east', 'gcp-west', 'azure-eu'])
      hub.store.mutate(wsc, NS, `pacman-${m}`, o => {
        o.spec.namespaceIsolationProfile.applicationNamespaces = [];
      });
    denied(
      await call('DELETE', path),
      'status.onboardedAppNamespaces',
      /Deboarding of namespaces is in progress/,
    );
    for (const m of ['aws-east', 'gcp-west', 'azure-eu'])
      hub.store.mutate(wsc, NS, `pacman-${m}`, o => {
        o.status.onboardedAppNamespaces = [];
      });
    denied(
      await call('DELETE', path),
      'metadata.name',
      /after all the service exports are deleted/,
    );
  });
});

describe('other controller webhooks', () => {
  const project = (
    name: string,
    ns = 'kubeslice-controller',
    users: string[] = ['ann'],
  ) =>
    call('POST', `${C}/namespaces/${ns}/projects`, {
      apiVersion: 'controller.kubeslice.io/v1alpha1',
      kind: 'Project',
      metadata: { name, namespace: ns },
      spec: { serviceAccount: { readOnly: users } },
    });
  const cluster = (spec: Record<string, unknown>) =>
    call('POST', `${C}/namespaces/${NS}/clusters`, {
      apiVersion: 'controller.kubeslice.io/v1alpha1',
      kind: 'Cluster',
      metadata: { name: 'newcluster', namespace: NS },
      spec,
    });
  const qos = (ceiling: number, guaranteed: number) =>
    call('POST', `${C}/namespaces/${NS}/sliceqosconfigs`, {
      apiVersion: 'controller.kubeslice.io/v1alpha1',
      kind: 'SliceQoSConfig',
      metadata: { name: 'silver', namespace: NS },
      spec: {
        queueType: 'HTB',
        priority: 1,
        tcType: 'BANDWIDTH_CONTROL',
        bandwidthCeilingKbps: ceiling,
        bandwidthGuaranteedKbps: guaranteed,
        dscpClass: 'AF21',
      },
    });
  const sec = (spec: Record<string, unknown>) =>
    call('POST', `${C}/namespaces/${NS}/serviceexportconfigs`, {
      apiVersion: 'controller.kubeslice.io/v1alpha1',
      kind: 'ServiceExportConfig',
      metadata: { name: 'web-web-aws-east', namespace: NS },
      spec: {
        serviceName: 'web',
        serviceNamespace: 'web',
        sliceName: 'pacman',
        sourceCluster: 'aws-east',
        ...spec,
      },
    });
  const vkr = (name: string, sliceName: string) =>
    call('POST', `${C}/namespaces/${NS}/vpnkeyrotations`, {
      apiVersion: 'controller.kubeslice.io/v1alpha1',
      kind: 'VpnKeyRotation',
      metadata: { name, namespace: NS },
      spec: { sliceName },
    });

  it('accepts valid objects', async () => {
    expect((await project('newproject')).status).toBe(201);
    expect(
      (
        await cluster({
          nodeIPs: ['203.0.113.7'],
          clusterProperty: {
            geoLocation: { latitude: '51.5', longitude: '-0.12' },
          },
        })
      ).status,
    ).toBe(201);
    expect((await qos(100, 100)).status).toBe(201);
    expect(
      (await sec({ serviceDiscoveryEndpoints: [{ cluster: 'gcp-west' }] }))
        .status,
    ).toBe(201);
  });

  it.each([
    [
      'Project in kubeslice-controller',
      () => project('p1', NS),
      'metadata.namespace',
      /must be created in kubeslice-controller/,
    ],
    [
      'Project name without "."',
      () => project('p.1'),
      'metadata.name',
      /must not contain '\.'/,
    ],
    [
      'Project name <= 30',
      () => project('p'.repeat(31)),
      'metadata.name',
      /no more than 30/,
    ],
    [
      'Project user names',
      () => project('p2', undefined, ['-bad']),
      'spec.serviceAccount.readOnly[0]',
      /must match/,
    ],
    [
      'Project delete only without slices',
      () =>
        call('DELETE', `${C}/namespaces/kubeslice-controller/projects/arcade`),
      'metadata.name',
      /after all slices are deleted/,
    ],
    [
      'Cluster latitude',
      () => cluster({ clusterProperty: { geoLocation: { latitude: '91' } } }),
      'spec.clusterProperty.geoLocation.latitude',
      /\[-90, 90\]/,
    ],
    [
      'Cluster longitude',
      () =>
        cluster({ clusterProperty: { geoLocation: { longitude: 'east' } } }),
      'spec.clusterProperty.geoLocation.longitude',
      /\[-180, 180\]/,
    ],
    [
      'Cluster node IPs',
      () => cluster({ nodeIPs: ['300.1.1.1'] }),
      'spec.nodeIPs[0]',
      /valid IP/,
    ],
    [
      'Cluster delete only outside slices',
      () => call('DELETE', `${C}/namespaces/${NS}/clusters/aws-east`),
      'metadata.name',
      /participating in slice config/,
    ],
    [
      'QoS ceiling >= guaranteed',
      () => qos(10, 20),
      'spec.bandwidthGuaranteedKbps',
      /less than or equal/,
    ],
    [
      'QoS delete only when unused',
      () =>
        call('DELETE', `${C}/namespaces/kubeslice-acme/sliceqosconfigs/gold`),
      'metadata.name',
      /used by slices \(payments\)/,
    ],
    [
      'ServiceExportConfig slice exists',
      () => sec({ sliceName: 'nope' }),
      'spec.sliceName',
      /does not exist/,
    ],
    [
      'ServiceExportConfig source is a member',
      () => sec({ sourceCluster: 'edge-nyc' }),
      'spec.sourceCluster',
      /participating in slice pacman/,
    ],
    [
      'ServiceExportConfig endpoint clusters are members',
      () => sec({ serviceDiscoveryEndpoints: [{ cluster: 'no-ips' }] }),
      'spec.serviceDiscoveryEndpoints[0].cluster',
      /participating/,
    ],
    [
      'VpnKeyRotation name = sliceName',
      () => vkr('other', 'pacman'),
      'metadata.name',
      /must equal spec.sliceName/,
    ],
    [
      'VpnKeyRotation slice exists',
      () => vkr('ghost', 'ghost'),
      'spec.sliceName',
      /does not exist/,
    ],
    [
      'VpnKeyRotation delete only with its slice',
      () => call('DELETE', `${C}/namespaces/${NS}/vpnkeyrotations/leaderboard`),
      'metadata.name',
      /only be deleted with its SliceConfig/,
    ],
    [
      'WorkerSliceConfig octet immutable',
      () =>
        call(
          'PATCH',
          `${W}/namespaces/${NS}/workersliceconfigs/leaderboard-aws-east`,
          { spec: { octet: 99 } },
        ),
      'spec.octet',
      /immutable/,
    ],
    [
      'WorkerSliceGateway gatewayNumber immutable',
      () =>
        call(
          'PATCH',
          `${W}/namespaces/${NS}/workerslicegateways/leaderboard-aws-east-edge-nyc`,
          { spec: { gatewayNumber: 99 } },
        ),
      'spec.gatewayNumber',
      /immutable/,
    ],
  ])('requires %s', async (_rule, run, field, message) => {
    expect.hasAssertions();
    denied(await run(), field, message);
  });
});
