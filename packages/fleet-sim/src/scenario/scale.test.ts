import { greatCircleKm } from './geo';
import { loadScenario } from './load';
import { startFleetSim } from '../sim/startFleetSim';

describe('scale:<clusters>x<slices> scenarios', () => {
  it('generates 200 clusters and 100 slices with sizes spread from 2 to 32', () => {
    const spec = loadScenario('scale:200x100');
    const clusters = spec.projects.flatMap(p => p.clusters);
    const slices = spec.projects.flatMap(p => p.slices);
    expect(clusters).toHaveLength(200);
    expect(slices).toHaveLength(100);
    const sizes = slices.map(s => s.clusters.length);
    expect(Math.min(...sizes)).toBe(2);
    expect(Math.max(...sizes)).toBe(32);
    expect(new Set(sizes).size).toBeGreaterThanOrEqual(8);
    // Mostly small slices: the median is well below the maximum.
    expect([...sizes].sort((a, b) => a - b)[50]).toBeLessThanOrEqual(8);
    expect(new Set(clusters.map(c => c.name)).size).toBe(200);
    expect(clusters.every(c => c.name.length <= 15)).toBe(true);
  });

  it('spreads clusters over clouds and continents, and every tenant spans the globe', () => {
    const spec = loadScenario('scale:200x100');
    const clusters = spec.projects.flatMap(p => p.clusters);
    expect(new Set(clusters.map(c => c.cloudProvider))).toEqual(
      new Set(['aws', 'gcp', 'azure', 'onprem']),
    );
    expect(new Set(clusters.map(c => c.cloudRegion)).size).toBeGreaterThan(30);
    for (const project of spec.projects) {
      const pts = project.clusters;
      const widest = Math.max(
        ...pts.flatMap(a => pts.map(b => greatCircleKm(a, b))),
      );
      expect(widest).toBeGreaterThan(10000);
    }
  });

  it('has onboarded namespaces and exported services on network slices', () => {
    const slices = loadScenario('scale:50x20').projects.flatMap(p => p.slices);
    const network = slices.filter(
      s => s.overlayNetworkDeploymentMode !== 'no-network',
    );
    expect(network.length).toBeGreaterThan(0);
    expect(network.length).toBeLessThan(slices.length);
    for (const s of network) {
      expect(s.applicationNamespaces!.length).toBeGreaterThan(0);
      expect(s.services!.length).toBeGreaterThan(0);
    }
  });

  it('is deterministic and rejects sizes out of range', () => {
    expect(loadScenario('scale:30x12')).toEqual(loadScenario('scale:30x12'));
    expect(() => loadScenario('scale:201x10')).toThrow(/2 to 200 clusters/);
    expect(() => loadScenario('scale:10x0')).toThrow(/1 to 250 slices/);
    expect(() => loadScenario('scale:10by3')).toThrow(/Unknown scenario/);
  });

  it('starts as a running fleet', async () => {
    const sim = await startFleetSim({
      scenario: 'scale:12x6',
      tls: false,
      statusIntervalMs: 0,
    });
    try {
      expect(sim.clusterNames()).toHaveLength(13);
      const res = await fetch(
        `${sim.clusterUrl(
          'hub',
        )}/apis/controller.kubeslice.io/v1alpha1/sliceconfigs`,
        { headers: { authorization: `Bearer ${sim.adminToken}` } },
      );
      expect((await res.json()).items).toHaveLength(6);
    } finally {
      await sim.close();
    }
  });
});
