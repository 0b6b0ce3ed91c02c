import { sliceDetail } from '../../__testUtils__/fixtures';
import { exportChecklist } from './exportChecklist';

const context = {
  members: sliceDetail.members.map(m => m.cluster),
  namespaceStates: sliceDetail.namespaceStates,
  tunnels: sliceDetail.tunnels,
};
const service = sliceDetail.services[0];

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
});
