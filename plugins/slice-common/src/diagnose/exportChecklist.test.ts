import type { NamespaceOnCluster, SliceService, Tunnel } from '../fleet/types';
import { checklistText, exportChecklist } from './exportChecklist';

const members = ['aws-east', 'gcp-west', 'edge-nyc'];
const tunnel = (a: string, b: string, state: Tunnel['state']): Tunnel => ({
  a,
  b,
  state,
  pods: [],
  health: { state: state === 'UP' ? 'ok' : 'warning', reasons: [] },
});
const context = {
  members,
  // mongodb is onboarded where it runs (aws-east) and still pending on the others.
  namespaceStates: members.map(
    (cluster): NamespaceOnCluster => ({
      namespace: 'mongodb',
      cluster,
      role: 'application',
      requested: true,
      onboarded: cluster === 'aws-east',
      state: cluster === 'aws-east' ? 'onboarded' : 'pending',
    }),
  ),
  tunnels: [
    tunnel('aws-east', 'edge-nyc', 'DEGRADED'),
    tunnel('aws-east', 'gcp-west', 'UP'),
    tunnel('edge-nyc', 'gcp-west', 'UP'),
  ],
};
const service: SliceService = {
  name: 'mongo',
  namespace: 'mongodb',
  dnsName: 'mongo.mongodb.svc.slice.local',
  aliases: [],
  exportedFrom: ['aws-east'],
  exports: [{ cluster: 'aws-east', status: 'READY', availableEndpoints: 1 }],
  imports: [
    {
      cluster: 'aws-east',
      status: 'READY',
      endpoints: 1,
      sourceClusters: ['aws-east'],
    },
    {
      cluster: 'gcp-west',
      status: 'READY',
      endpoints: 1,
      sourceClusters: ['aws-east'],
    },
    {
      cluster: 'edge-nyc',
      status: 'MISSING',
      endpoints: 0,
      sourceClusters: [],
    },
  ],
  endpoints: [{ cluster: 'aws-east', pod: 'mongo-0', ip: '10.1.1.5' }],
  health: { state: 'warning', reasons: [] },
};

function byId(items: ReturnType<typeof exportChecklist>) {
  return Object.fromEntries(items.map(i => [i.id, i.ok]));
}

describe('exportChecklist', () => {
  it('points at the missing import and the degraded tunnel', () => {
    expect(byId(exportChecklist(service, context))).toEqual({
      namespace: true,
      export: true,
      imports: false,
      endpoints: true,
      tunnels: false,
    });
  });

  it('passes every step for a healthy export', () => {
    const healthy = {
      ...service,
      imports: service.imports.map(i => ({
        ...i,
        status: 'READY',
        endpoints: 1,
      })),
    };
    const tunnels = context.tunnels.map(t => ({ ...t, state: 'UP' as const }));
    expect(
      Object.values(byId(exportChecklist(healthy, { ...context, tunnels }))),
    ).toEqual([true, true, true, true, true]);
  });

  it('fails the namespace step when the namespace is not onboarded where the service runs', () => {
    const items = exportChecklist(
      { ...service, exportedFrom: ['gcp-west'] },
      context,
    );
    expect(items[0].ok).toBe(false);
    expect(items[0].detail).toEqual({
      key: 'namespaceMissing',
      values: { clusters: 'gcp-west' },
    });
  });

  it('fails export and endpoints when the export is pending without endpoints', () => {
    const items = byId(
      exportChecklist(
        {
          ...service,
          exports: [{ cluster: 'aws-east', status: 'PENDING' }],
          endpoints: [],
        },
        context,
      ),
    );
    expect(items.export).toBe(false);
    expect(items.endpoints).toBe(false);
  });

  it('reads in English with its values filled in, or in the messages given', () => {
    const [, , imports, , tunnels] = exportChecklist(service, context);
    expect(checklistText(imports.detail)).toBe(
      'No ServiceImport on edge-nyc: the controller creates them once the export is READY.',
    );
    expect(checklistText(tunnels.detail)).toBe('aws-east ↔ edge-nyc DEGRADED');
    expect(
      checklistText({ key: 'importsOk', values: { n: '3' } }, {
        importsOk: 'Importé sur les {{n}} membres.',
      } as any),
    ).toBe('Importé sur les 3 membres.');
  });
});
