import { preflightSliceConfig } from './preflight';
import type { PreflightWorkerSliceConfig } from './types';
import { NS, errors, fleet, slice } from './__testUtils__/fleet';

const wsc = (
  cluster: string,
  apps: string[],
  onboarded: string[],
  sliceName = 'web',
): PreflightWorkerSliceConfig => ({
  metadata: {
    name: `${sliceName}-${cluster}`,
    namespace: NS,
    labels: { 'original-slice-name': sliceName, 'worker-cluster': cluster },
  },
  spec: {
    sliceName,
    namespaceIsolationProfile: { applicationNamespaces: apps },
  },
  status: { onboardedAppNamespaces: onboarded.map(name => ({ name })) },
});
const del = (extra: Parameters<typeof fleet>[0]) =>
  preflightSliceConfig({
    operation: 'delete',
    current: slice(),
    fleet: fleet(extra),
  });

describe('slice delete', () => {
  it('is allowed once namespaces are offboarded and no service is exported', () => {
    expect(
      del({ workerSliceConfigs: [wsc('c1', [], []), wsc('c2', [], [])] }),
    ).toEqual([]);
  });

  it('is refused while a member still lists application namespaces', () => {
    const results = del({
      workerSliceConfigs: [wsc('c1', ['shop'], ['shop']), wsc('c2', [], [])],
    });
    expect(results.map(r => [r.path, r.code])).toEqual([
      [
        'spec.namespaceIsolationProfile.applicationNamespaces',
        'delete.namespacesOnboarded',
      ],
    ]);
    expect(results[0].message).toContain('c1');
  });

  it('is refused while a worker is still offboarding', () => {
    expect(
      errors(
        del({
          workerSliceConfigs: [wsc('c1', [], []), wsc('c2', [], ['shop'])],
        }),
      ),
    ).toEqual(['delete.deboardingInProgress']);
  });

  it('is refused while ServiceExportConfigs of the slice exist (by label)', () => {
    const sec = (name: string, sliceName: string, ns = NS) => ({
      metadata: {
        name,
        namespace: ns,
        labels: { 'original-slice-name': sliceName },
      },
      spec: { sliceName, serviceName: 'x', sourceCluster: 'c1' },
    });
    const results = del({
      serviceExportConfigs: [
        sec('api-shop-c1', 'web'),
        sec('db-shop-c1', 'other'),
      ],
    });
    expect(results.map(r => [r.path, r.code])).toEqual([
      ['metadata.name', 'delete.serviceExportsExist'],
    ]);
    expect(results[0].message).toContain('api-shop-c1');
    expect(results[0].message).not.toContain('db-shop-c1');
    expect(
      del({
        serviceExportConfigs: [sec('api-shop-c1', 'web', 'kubeslice-other')],
      }),
    ).toEqual([]);
  });

  it('ignores WorkerSliceConfigs of other slices', () => {
    expect(
      del({ workerSliceConfigs: [wsc('c1', ['shop'], ['shop'], 'other')] }),
    ).toEqual([]);
  });
});
