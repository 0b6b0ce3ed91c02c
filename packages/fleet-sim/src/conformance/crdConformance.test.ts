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
      // Built-in kinds (core, RBAC) have no CRD.
      if (!rt.group || rt.group.endsWith('.k8s.io')) continue;
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

  it('objects the controller and worker emulation generate validate too', async () => {
    const sim = await startFleetSim({ tls: false, statusIntervalMs: 0 });
    const post = async (cluster: string, path: string, body: unknown) => {
      const res = await fetch(`${sim.clusterUrl(cluster)}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${sim.adminToken}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(201);
    };
    try {
      await post(
        'hub',
        '/apis/controller.kubeslice.io/v1alpha1/namespaces/kubeslice-arcade/sliceconfigs',
        {
          apiVersion: 'controller.kubeslice.io/v1alpha1',
          kind: 'SliceConfig',
          metadata: { name: 'tetris' },
          spec: {
            sliceSubnet: '10.3.0.0/16',
            maxClusters: 4,
            clusters: ['aws-east', 'gcp-west', 'azure-eu'],
            sliceGatewayProvider: {
              sliceGatewayType: 'OpenVPN',
              sliceCaType: 'Local',
              sliceGatewayServiceType: [
                { cluster: 'azure-eu', type: 'LoadBalancer', protocol: 'TCP' },
              ],
            },
            qosProfileDetails: {
              queueType: 'HTB',
              priority: 2,
              tcType: 'BANDWIDTH_CONTROL',
              bandwidthCeilingKbps: 5000,
              bandwidthGuaranteedKbps: 1000,
              dscpClass: 'AF31',
            },
            namespaceIsolationProfile: {
              applicationNamespaces: [{ namespace: 'tetris', clusters: ['*'] }],
            },
          },
        },
      );
      await post(
        'hub',
        '/apis/controller.kubeslice.io/v1alpha1/namespaces/kubeslice-controller/projects',
        {
          apiVersion: 'controller.kubeslice.io/v1alpha1',
          kind: 'Project',
          metadata: { name: 'newco' },
          spec: { serviceAccount: { readWrite: ['dev'] } },
        },
      );
      await sim.settle();
      await post('gcp-west', '/api/v1/namespaces/tetris/pods', {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'blocks-0', labels: { app: 'blocks' } },
        spec: { containers: [{ name: 'blocks', image: 'blocks:1' }] },
      });
      await post(
        'gcp-west',
        '/apis/networking.kubeslice.io/v1beta1/namespaces/tetris/serviceexports',
        {
          apiVersion: 'networking.kubeslice.io/v1beta1',
          kind: 'ServiceExport',
          metadata: { name: 'blocks' },
          spec: {
            slice: 'tetris',
            selector: { matchLabels: { app: 'blocks' } },
            ports: [{ name: 'tcp-blocks', containerPort: 7000 }],
          },
        },
      );
      await sim.settle();
      const vc = sim.cluster('azure-eu')!;
      expect(
        vc.store.get(
          vc.resourceType('serviceimports', 'networking.kubeslice.io'),
          'tetris',
          'blocks',
        )?.status?.importStatus,
      ).toBe('READY');
      expect(problems(sim)).toEqual([]);
    } finally {
      await sim.close();
    }
  });
});
