import {
  fieldMatches,
  findingsByStep,
  findingsForField,
  firstStepWith,
  stepOfField,
} from './steps';

const steps = [
  { id: 'project', fields: ['metadata.name', 'metadata.namespace'] },
  { id: 'clusters', fields: ['spec.clusters'] },
  { id: 'network', fields: ['spec.sliceSubnet', 'spec.maxClusters'] },
  { id: 'namespaces', fields: ['spec.namespaceIsolationProfile'] },
  {
    id: 'allowed',
    fields: ['spec.namespaceIsolationProfile.allowedNamespaces'],
  },
];

describe('wizard steps and field paths', () => {
  it('matches a field, its elements and its children, not a longer name', () => {
    expect(fieldMatches('spec.clusters', 'spec.clusters')).toBe(true);
    expect(fieldMatches('spec.clusters', 'spec.clusters[2]')).toBe(true);
    expect(fieldMatches('spec.clusters', 'spec.clusters.x')).toBe(true);
    expect(fieldMatches('spec.clusters', 'spec.clustersExtra')).toBe(false);
    expect(fieldMatches('spec.clusters', 'spec')).toBe(false);
  });

  it('gives a field to the step with the longest matching prefix', () => {
    expect(stepOfField(steps, 'spec.clusters[1]')).toBe('clusters');
    expect(
      stepOfField(
        steps,
        'spec.namespaceIsolationProfile.allowedNamespaces[0].namespace',
      ),
    ).toBe('allowed');
    expect(
      stepOfField(
        steps,
        'spec.namespaceIsolationProfile.applicationNamespaces[0]',
      ),
    ).toBe('namespaces');
    expect(stepOfField(steps, 'spec.qosProfileDetails')).toBeUndefined();
  });

  it('groups findings by step and keeps those no step owns', () => {
    const findings = [
      { path: 'spec.sliceSubnet', code: 'subnet.overlapsSlice' },
      { path: 'spec.clusters[0]', code: 'cluster.unhealthy' },
      { path: '', code: 'body' },
      { path: 'spec.clusters[2]', code: 'cluster.notFound' },
    ];
    const { byStep, unassigned } = findingsByStep(steps, findings);
    expect(byStep.get('clusters')?.map(f => f.code)).toEqual([
      'cluster.unhealthy',
      'cluster.notFound',
    ]);
    expect(byStep.get('network')?.map(f => f.code)).toEqual([
      'subnet.overlapsSlice',
    ]);
    expect(unassigned.map(f => f.code)).toEqual(['body']);
    expect(firstStepWith(steps, findings)).toBe('clusters');
    expect(firstStepWith(steps, [{ path: 'status' }])).toBeUndefined();
  });

  it('lists the findings of one field', () => {
    const findings = [
      { path: 'spec.clusters[0]' },
      { path: 'spec.sliceSubnet' },
    ];
    expect(findingsForField(findings, 'spec.clusters')).toEqual([
      { path: 'spec.clusters[0]' },
    ]);
  });
});
