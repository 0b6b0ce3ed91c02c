import { loadCrdDirectory, BUNDLED_CRD_DIR } from '../api/crds';
import { clone } from '../api/types';
import {
  admitCustomResource,
  prune,
  type JsonSchema,
} from '../schema/structural';
import { startFleetSim, type FleetSim } from '../sim/startFleetSim';

/**
 * Conformance: every custom resource the simulator serves — seeded,
 * refreshed, and after faults — validates against the real upstream CRDs
 * (the bundled copies in `crds/`), and carries no field the CRD does not
 * declare (a real API server would have pruned it).
 */

const crds = loadCrdDirectory(BUNDLED_CRD_DIR);

function problems(sim: FleetSim): string[] {
  const out: string[] = [];
  let checked = 0;
  for (const name of sim.clusterNames()) {
    const vc = sim.cluster(name)!;
    for (const rt of vc.registry.all()) {
      const crd = crds.find(
        c =>
          c.group === rt.group &&
          c.plural === rt.plural &&
          c.version === rt.version,
      );
      if (!rt.group) continue;
      if (!crd?.schema) {
        out.push(`${name}: ${rt.plural}.${rt.group} has no CRD schema`);
        continue;
      }
      for (const obj of vc.store.list(rt)) {
        checked++;
        const where = `${name}: ${rt.kind} ${obj.metadata.namespace}/${obj.metadata.name}`;
        const { object, causes } = admitCustomResource(
          crd.schema as JsonSchema,
          clone(obj) as Record<string, any>,
        );
        causes.forEach(c => out.push(`${where}: ${c.field}: ${c.message}`));
        expect(object.kind).toBe(rt.kind);
        const { metadata: _m, ...served } = obj;
        // Nothing the simulator wrote may be pruned away.
        if (
          JSON.stringify(prune(crd.schema as JsonSchema, clone(served))) !==
          JSON.stringify(served)
        )
          out.push(`${where}: carries fields the CRD does not declare`);
      }
    }
  }
  expect(checked).toBeGreaterThan(100);
  return out;
}

describe('CRD conformance of served objects', () => {
  it.each(['demo', 'scale:30x12'])(
    '%s: every custom resource validates against its CRD',
    async scenario => {
      const sim = await startFleetSim({
        scenario,
        tls: false,
        statusIntervalMs: 0,
      });
      try {
        expect(problems(sim)).toEqual([]);
        // After a status round and faults, too.
        sim.refreshStatus();
        const workers = sim.clusterNames().slice(1);
        sim.faults.clusterDown(workers[0]);
        sim.faults.cutLink(workers[1], workers[2]);
        expect(problems(sim)).toEqual([]);
      } finally {
        await sim.close();
      }
    },
  );
});
