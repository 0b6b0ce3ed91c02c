import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  bundledScenarioNames,
  checkSliceSubnet,
  loadScenario,
  ScenarioError,
  validateScenario,
} from './load';
import type { ScenarioSpec } from './types';

describe('loadScenario', () => {
  it('loads the bundled demo by name', () => {
    const demo = loadScenario('demo');
    expect(bundledScenarioNames()).toContain('demo');
    expect(demo.hub.name).toBe('hub');
    expect(demo.projects.map(p => p.name)).toEqual(['arcade', 'acme']);
  });

  it('loads a scenario file by path (YAML or JSON)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-sim-scenario-'));
    const file = path.join(dir, 'tiny.json');
    const spec: ScenarioSpec = {
      name: 'tiny',
      hub: { name: 'hub' },
      projects: [
        {
          name: 'p',
          clusters: [
            {
              name: 'c1',
              cloudProvider: 'aws',
              cloudRegion: 'us-east-1',
              latitude: 1,
              longitude: 2,
            },
          ],
          slices: [],
        },
      ],
    };
    fs.writeFileSync(file, JSON.stringify(spec));
    expect(loadScenario(file).name).toBe('tiny');
  });

  it('explains unknown names and missing files', () => {
    expect(() => loadScenario('nope')).toThrow(
      /Unknown scenario "nope": expected one of \[demo/,
    );
    expect(() => loadScenario('./missing.yaml')).toThrow(
      /Scenario file not found/,
    );
  });
});

describe('validateScenario', () => {
  const base = (): ScenarioSpec =>
    JSON.parse(JSON.stringify(loadScenario('demo')));

  it('lists every problem found', () => {
    const spec = base();
    spec.projects[1].clusters.push({ ...spec.projects[0].clusters[0] });
    spec.projects[0].slices[0].sliceSubnet = '10.2.0.0/16';
    spec.projects[0].slices[1].clusters.push('aws-eu');
    spec.projects[0].clusters.push({
      ...spec.projects[0].clusters[1],
      name: 'a-very-long-cluster-name',
    });
    let error: ScenarioError | undefined;
    try {
      validateScenario(spec, 'test');
    } catch (e) {
      error = e as ScenarioError;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error!.message).toMatch(/already belongs to project arcade/);
    expect(error!.message).toMatch(
      /sliceSubnet 10.2.0.0\/16 is already used by slice pacman/,
    );
    expect(error!.message).toMatch(/aws-eu is not a cluster of project arcade/);
    expect(error!.message).toMatch(/at most 15 characters/);
  });

  it('applies the SliceConfig subnet rules', () => {
    expect(checkSliceSubnet('10.1.0.0/16')).toBeUndefined();
    expect(checkSliceSubnet('192.168.0.0/16')).toBeUndefined();
    expect(checkSliceSubnet('10.1.0.0/17')).toMatch(/\/16/);
    expect(checkSliceSubnet('8.8.0.0/16')).toMatch(/private/);
    expect(checkSliceSubnet('10.1.1.0/16')).toMatch(/\.0\.0/);
  });

  it('rejects services on no-network slices and on clusters without the namespace', () => {
    const spec = base();
    const analytics = spec.projects[1].slices.find(
      s => s.name === 'analytics',
    )!;
    analytics.services = [
      {
        name: 'x',
        namespace: 'analytics',
        exportedFrom: ['aws-eu'],
        ports: [{ name: 'tcp', containerPort: 1 }],
      },
    ];
    const payments = spec.projects[1].slices.find(s => s.name === 'payments')!;
    payments.services![0].exportedFrom.push('gcp-asia');
    expect(() => validateScenario(spec)).toThrow(
      /cannot be exported on a no-network slice/,
    );
    expect(() => validateScenario(spec)).toThrow(
      /namespace ledger is not onboarded on gcp-asia/,
    );
  });
});
