import type {
  ServiceExportConfigObject,
  ServiceExportObject,
  ServiceImportObject,
  WorkerServiceImportObject,
} from '../kube/objects';
import { buildServices, sliceDnsName } from './services';

const members = ['aws-east', 'gcp-west', 'azure-eu'];

const exportConfig = (cluster: string): ServiceExportConfigObject => ({
  metadata: {
    name: `mongodb-mongodb-${cluster}`,
    namespace: 'kubeslice-arcade',
  },
  spec: {
    serviceName: 'mongodb',
    serviceNamespace: 'mongodb',
    sliceName: 'pacman',
    sourceCluster: cluster,
    serviceDiscoveryEndpoints: [
      {
        cluster,
        podName: `mongodb-0`,
        nsmIp: '10.1.0.5',
        dnsName: `mongodb-0.${cluster}.mongodb.mongodb.svc.slice.local`,
        port: 27017,
      },
    ],
  },
});
const hubImport = (
  cluster: string,
  sources: string[],
): WorkerServiceImportObject => ({
  metadata: {
    name: `mongodb-mongodb-pacman-${cluster}`,
    namespace: 'kubeslice-arcade',
    labels: { 'worker-cluster': cluster },
  },
  spec: {
    serviceName: 'mongodb',
    serviceNamespace: 'mongodb',
    sliceName: 'pacman',
    sourceClusters: sources,
  },
});
const workerExport = (status: string): ServiceExportObject => ({
  metadata: { name: 'mongodb', namespace: 'mongodb' },
  spec: { slice: 'pacman' },
  status: { exportStatus: status, availableEndpoints: 1 },
});
const workerImport = (
  status: string,
  endpoints: number,
): ServiceImportObject => ({
  metadata: { name: 'mongodb', namespace: 'mongodb' },
  spec: { slice: 'pacman' },
  status: {
    importStatus: status,
    endpoints: Array.from({ length: endpoints }, (_, i) => ({
      clusterId: `c${i}`,
      ip: '1',
      dnsName: 'd',
      port: 1,
    })),
  },
});

describe('buildServices', () => {
  it('joins hub exports and imports with worker status, and names the DNS name', () => {
    const all = new Set(members);
    const [service] = buildServices({
      slice: 'pacman',
      members,
      exportConfigs: members.map(exportConfig),
      workerImports: members.map(c => hubImport(c, members)),
      exportsByCluster: new Map(members.map(c => [c, [workerExport('READY')]])),
      importsByCluster: new Map(
        members.map(c => [c, [workerImport('READY', 3)]]),
      ),
      readableClusters: all,
    });
    expect(service).toMatchObject({
      name: 'mongodb',
      namespace: 'mongodb',
      dnsName: 'mongodb.mongodb.svc.slice.local',
      exportedFrom: ['aws-east', 'azure-eu', 'gcp-west'],
      health: { state: 'ok', reasons: [] },
    });
    expect(
      service.imports.map(i => [i.cluster, i.status, i.endpoints]),
    ).toEqual([
      ['aws-east', 'READY', 3],
      ['gcp-west', 'READY', 3],
      ['azure-eu', 'READY', 3],
    ]);
    expect(service.endpoints).toHaveLength(3);
  });

  it('explains a pending export and a missing import', () => {
    const [service] = buildServices({
      slice: 'pacman',
      members,
      exportConfigs: [exportConfig('aws-east')],
      workerImports: [
        hubImport('aws-east', ['aws-east']),
        hubImport('gcp-west', ['aws-east']),
      ],
      exportsByCluster: new Map([
        ['aws-east', [workerExport('READY')]],
        ['azure-eu', [workerExport('PENDING')]],
      ]),
      importsByCluster: new Map([['aws-east', [workerImport('READY', 1)]]]),
      readableClusters: new Set(['aws-east', 'azure-eu']),
    });
    expect(service.health.state).toBe('warning');
    expect(service.health.reasons).toEqual([
      'export mongodb.mongodb on azure-eu PENDING',
      'import of mongodb.mongodb on azure-eu MISSING',
    ]);
    // gcp-west is not read: its import exists on the hub, its worker status is unknown, not an alarm.
    expect(service.imports.find(i => i.cluster === 'gcp-west')?.status).toBe(
      'UNKNOWN',
    );
  });

  it('shows a service exported on a worker that has not reached the hub yet, with why', () => {
    const pendingOnly = {
      metadata: { name: 'web', namespace: 'pacman' },
      spec: { slice: 'pacman' },
    } as ServiceExportObject;
    const otherSlice = {
      metadata: { name: 'other', namespace: 'pacman' },
      spec: { slice: 'analytics' },
    } as ServiceExportObject;
    const services = buildServices({
      slice: 'pacman',
      members,
      exportConfigs: [],
      workerImports: [],
      exportsByCluster: new Map([['aws-east', [pendingOnly, otherSlice]]]),
      importsByCluster: new Map(),
      readableClusters: new Set(['aws-east']),
    });
    expect(services.map(s => s.name)).toEqual(['web']);
    expect(services[0]).toMatchObject({
      exportedFrom: [],
      exports: [{ cluster: 'aws-east', status: 'PENDING' }],
      health: {
        state: 'warning',
        reasons: ['export web.pacman on aws-east PENDING'],
      },
    });
  });

  it('builds the slice DNS name without the slice (as the worker code does)', () => {
    expect(sliceDnsName('scores', 'leaderboard')).toBe(
      'scores.leaderboard.svc.slice.local',
    );
  });
});
