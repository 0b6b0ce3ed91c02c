import type {
  ClusterObject,
  SliceConfigObject,
  WorkerSliceConfigObject,
} from '../kube/objects';
import { buildFleet, projectOfNamespace, type HubObjects } from './buildFleet';

const now = new Date('2026-11-21T12:00:00Z');
const fresh = '2026-11-21T11:59:30Z';

function registered(
  name: string,
  geo: Record<string, string>,
  componentWarning?: string,
): ClusterObject {
  return {
    metadata: { name, namespace: 'kubeslice-arcade' },
    spec: { clusterProperty: { geoLocation: geo } },
    status: {
      registrationStatus: 'Registered',
      networkPresent: true,
      cniSubnet: ['10.244.0.0/16'],
      nodeIPs: ['192.0.2.10'],
      clusterHealth: {
        clusterHealthStatus: componentWarning ? 'Warning' : 'Normal',
        componentStatuses: componentWarning
          ? [{ component: componentWarning, componentHealthStatus: 'Warning' }]
          : [],
        lastUpdated: fresh,
      },
    },
  };
}

function workerSlice(
  slice: string,
  cluster: string,
  components: [string, string][] = [],
): WorkerSliceConfigObject {
  const warn = components.some(([, s]) => s !== 'Normal');
  return {
    metadata: {
      name: `${slice}-${cluster}`,
      namespace: 'kubeslice-arcade',
      labels: { 'original-slice-name': slice, 'worker-cluster': cluster },
    },
    spec: { sliceName: slice, clusterSubnetCIDR: '10.1.0.0/20' },
    status: {
      onboardedAppNamespaces: [{ name: 'pacman' }],
      sliceHealth: {
        sliceHealthStatus: warn ? 'Warning' : 'Normal',
        componentStatuses: components.map(
          ([component, componentHealthStatus]) => ({
            component,
            componentHealthStatus,
          }),
        ),
        lastUpdated: fresh,
      },
    },
  };
}

const pacman: SliceConfigObject = {
  metadata: { name: 'pacman', namespace: 'kubeslice-arcade' },
  spec: {
    sliceSubnet: '10.1.0.0/16',
    maxClusters: 16,
    clusters: ['aws-east', 'gcp-west'],
    namespaceIsolationProfile: {
      isolationEnabled: true,
      applicationNamespaces: [
        { namespace: 'pacman', clusters: ['*'] },
        { namespace: 'mongodb', clusters: ['*'] },
      ],
    },
  },
};

function hub(overrides: Partial<HubObjects> = {}): HubObjects {
  return {
    name: 'demo',
    title: 'Demo',
    sync: { state: 'ok', lastSyncAt: now.toISOString() },
    errors: [],
    projects: [
      { metadata: { name: 'arcade', namespace: 'kubeslice-controller' } },
    ],
    clusters: [
      registered('aws-east', {
        cloudProvider: 'aws',
        cloudRegion: 'us-east-1',
        latitude: '38.95',
        longitude: '-77.45',
      }),
      registered('gcp-west', {
        cloudProvider: 'gcp',
        cloudRegion: 'us-west1',
        latitude: '45.6',
        longitude: '-121.18',
      }),
    ],
    sliceConfigs: [pacman],
    workerSliceConfigs: [
      workerSlice('pacman', 'aws-east'),
      workerSlice('pacman', 'gcp-west'),
    ],
    ...overrides,
  };
}

describe('projectOfNamespace', () => {
  it('strips the kubeslice- prefix of project namespaces', () => {
    expect(projectOfNamespace('kubeslice-arcade')).toBe('arcade');
    expect(projectOfNamespace('elsewhere')).toBe('elsewhere');
    expect(projectOfNamespace(undefined)).toBe('');
  });
});

describe('buildFleet', () => {
  it('summarises hubs, clusters and slices', () => {
    const fleet = buildFleet([hub()], now);
    expect(fleet.hubs).toEqual([
      {
        name: 'demo',
        title: 'Demo',
        sync: { state: 'ok', lastSyncAt: now.toISOString() },
        projects: ['arcade'],
        clusterCount: 2,
        sliceCount: 1,
      },
    ]);
    expect(
      fleet.clusters.map(c => [
        c.name,
        c.project,
        c.geo.cloudProvider,
        c.geo.latitude,
        c.slices,
      ]),
    ).toEqual([
      ['aws-east', 'arcade', 'aws', 38.95, ['pacman']],
      ['gcp-west', 'arcade', 'gcp', 45.6, ['pacman']],
    ]);
    const [slice] = fleet.slices;
    expect(slice).toMatchObject({
      hub: 'demo',
      project: 'arcade',
      name: 'pacman',
      mode: 'single-network',
      subnet: '10.1.0.0/16',
      isolationEnabled: true,
      namespaces: ['pacman', 'mongodb'],
      health: { state: 'ok', reasons: [] },
    });
    expect(
      slice.members.map(m => [m.cluster, m.subnet, m.onboardedNamespaces]),
    ).toEqual([
      ['aws-east', '10.1.0.0/20', ['pacman']],
      ['gcp-west', '10.1.0.0/20', ['pacman']],
    ]);
    expect(fleet.counts).toEqual({
      clusters: { ok: 2, warning: 0, error: 0, unknown: 0 },
      slices: { ok: 1, warning: 0, error: 0, unknown: 0 },
    });
  });

  it('rolls a member cluster warning up into the slice, with its reason', () => {
    const fleet = buildFleet(
      [
        hub({
          clusters: [
            registered('aws-east', {}),
            registered('gcp-west', {}, 'forwarder'),
          ],
        }),
      ],
      now,
    );
    expect(fleet.slices[0].health).toEqual({
      state: 'warning',
      reasons: ['cluster health Warning: forwarder'],
    });
    expect(fleet.slices[0].members[0].health.state).toBe('ok');
  });

  it('makes a slice an error when a member reports gateway-tunnel Error', () => {
    const fleet = buildFleet(
      [
        hub({
          workerSliceConfigs: [
            workerSlice('pacman', 'aws-east', [
              ['gateway-tunnel', 'Error'],
              ['dns', 'Normal'],
            ]),
            workerSlice('pacman', 'gcp-west'),
          ],
        }),
      ],
      now,
    );
    expect(fleet.slices[0].health).toEqual({
      state: 'error',
      reasons: ['slice health on aws-east Error: gateway-tunnel'],
    });
  });

  it('reports members without a WorkerSliceConfig and unregistered clusters', () => {
    const fleet = buildFleet(
      [
        hub({
          clusters: [registered('aws-east', {})],
          workerSliceConfigs: [workerSlice('pacman', 'aws-east')],
        }),
      ],
      now,
    );
    expect(fleet.slices[0].health.state).toBe('error');
    expect(fleet.slices[0].health.reasons).toEqual([
      'cluster gcp-west is not registered in project arcade',
      'cluster gcp-west has no WorkerSliceConfig for slice pacman yet',
    ]);
  });

  it('tolerates objects with missing fields (older CRDs)', () => {
    const fleet = buildFleet(
      [
        hub({
          clusters: [
            { metadata: { name: 'old', namespace: 'kubeslice-arcade' } },
          ],
          sliceConfigs: [
            { metadata: { name: 'bare', namespace: 'kubeslice-arcade' } },
          ],
          workerSliceConfigs: [{ metadata: { name: 'x' } }],
        }),
      ],
      now,
    );
    expect(fleet.clusters[0]).toMatchObject({
      name: 'old',
      networkPresent: false,
      nodeIPs: [],
      slices: [],
    });
    expect(fleet.clusters[0].health.state).toBe('unknown');
    expect(fleet.slices[0]).toMatchObject({
      name: 'bare',
      members: [],
      namespaces: [],
      isolationEnabled: false,
    });
    expect(fleet.slices[0].health).toEqual({
      state: 'warning',
      reasons: ['slice bare has no member clusters'],
    });
  });

  it('warns when a worker the portal reads is unreachable, and ignores one still connecting', () => {
    const worker = (
      cluster: string,
      state: 'ok' | 'pending' | 'unreachable',
      message?: string,
    ) => ({
      cluster,
      project: 'arcade',
      sync: { state, message },
      sliceGateways: [],
      serviceExports: [],
      serviceImports: [],
    });
    const fleet = buildFleet(
      [
        hub({
          workers: [
            worker('aws-east', 'unreachable', 'HTTP 503: cluster down'),
            worker('gcp-west', 'pending'),
          ],
        }),
      ],
      now,
    );
    expect(fleet.clusters.find(c => c.name === 'aws-east')?.health).toEqual({
      state: 'warning',
      reasons: ['worker API of aws-east unreachable: HTTP 503: cluster down'],
    });
    expect(fleet.clusters.find(c => c.name === 'gcp-west')?.health.state).toBe(
      'ok',
    );
    expect(fleet.slices[0].health.reasons).toContain(
      'worker API of aws-east unreachable: HTTP 503: cluster down',
    );
  });

  it('passes source errors through beside the data', () => {
    const error = {
      source: 'hub/demo/clusters',
      state: 'unreachable' as const,
      message: 'HTTP 503',
    };
    const fleet = buildFleet([hub({ errors: [error] })], now);
    expect(fleet.errors).toEqual([error]);
    expect(fleet.slices).toHaveLength(1);
  });
});
