import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFleetSim, type FleetSim } from './startFleetSim';
import { requireKubectl, type Kubectl } from './testClient';

/**
 * The real kubectl (from PATH) against the simulator over verified TLS,
 * with validation on: it reads `/openapi/v3`, finds `fieldValidation` on
 * the kinds' PATCH operations and leaves unknown fields to the server
 * (`fieldValidation=Strict`). Also server-side apply, `explain` (v3 and the
 * protobuf v2) and `--as` impersonation.
 */

let sim: FleetSim;
let dir: string;
let kubectl: Kubectl;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-sim-kubectl-openapi-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  sim = await startFleetSim({
    kubeconfigPath: kubeconfig,
    statusIntervalMs: 0,
  });
  kubectl = await requireKubectl(kubeconfig, path.join(dir, 'cache'));
});
afterAll(async () => {
  await sim?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
}

const slice = (
  extra = '',
  subnet = '10.50.0.0/16',
) => `apiVersion: controller.kubeslice.io/v1alpha1
kind: SliceConfig
metadata:
  name: arcade-net
  namespace: kubeslice-arcade
spec:
  clusters: [aws-east, gcp-west]
  maxClusters: 4
  sliceSubnet: ${subnet}
  sliceGatewayProvider:
    sliceGatewayType: OpenVPN
    sliceCaType: Local
  standardQosProfileName: default
${extra}`;

const qos = (priority: number) => `apiVersion: controller.kubeslice.io/v1alpha1
kind: SliceQoSConfig
metadata:
  name: bronze
  namespace: kubeslice-arcade
spec:
  queueType: HTB
  priority: ${priority}
  tcType: BANDWIDTH_CONTROL
  bandwidthCeilingKbps: 20000
  bandwidthGuaranteedKbps: 5000
  dscpClass: AF21
`;

const NS = ['-n', 'kubeslice-arcade'];

describe('kubectl with validation', () => {
  it('applies a valid SliceConfig (created, then configured)', async () => {
    expect(await kubectl('apply', '-f', file('slice.yaml', slice()))).toContain(
      'sliceconfig.controller.kubeslice.io/arcade-net created',
    );
    const labelled = slice().replace(
      '  namespace: kubeslice-arcade\n',
      '  namespace: kubeslice-arcade\n  labels:\n    tier: gold\n',
    );
    expect(
      await kubectl('apply', '-f', file('slice2.yaml', labelled)),
    ).toContain('arcade-net configured');
    expect(
      await kubectl(
        'get',
        'sliceconfig',
        'arcade-net',
        ...NS,
        '-o',
        'jsonpath={.metadata.labels.tier}',
      ),
    ).toBe('gold');
  });

  it('rejects unknown fields in apply and create, and stores nothing', async () => {
    const bad = file(
      'bad.yaml',
      slice('  foo: bar\n', '10.51.0.0/16').replace('arcade-net', 'arcade-bad'),
    );
    await expect(kubectl('apply', '-f', bad)).rejects.toThrow(
      /SliceConfig in version "v1alpha1" cannot be handled as a SliceConfig: strict decoding error: unknown field "spec\.foo"/,
    );
    await expect(kubectl('create', '-f', bad)).rejects.toThrow(
      /strict decoding error: unknown field "spec\.foo"/,
    );
    await expect(
      kubectl('get', 'sliceconfig', 'arcade-bad', ...NS),
    ).rejects.toThrow(/NotFound/);
    // On an existing object the merge patch is checked too.
    const badPatch = file('bad-existing.yaml', slice('  foo: bar\n'));
    await expect(kubectl('apply', '-f', badPatch)).rejects.toThrow(
      /error when patching .*strict decoding error: unknown field "spec\.foo"/s,
    );
    // Without validation the field is dropped, as the API server prunes it.
    expect(await kubectl('apply', '--validate=false', '-f', badPatch)).toMatch(
      /arcade-net (configured|unchanged)/,
    );
    expect(
      await kubectl(
        'get',
        'sliceconfig',
        'arcade-net',
        ...NS,
        '-o',
        'jsonpath={.spec.foo}',
      ),
    ).toBe('');
  });

  it('explains a custom resource from the v3 and the protobuf v2 documents', async () => {
    const v3 = await kubectl('explain', 'sliceconfig.spec');
    expect(v3).toMatch(/KIND:\s+SliceConfig/);
    expect(v3).toMatch(/maxClusters\s+<integer> -required-/);
    const v2 = await kubectl(
      'explain',
      'sliceconfig.spec',
      '--output',
      'plaintext-openapiv2',
    );
    expect(v2).toMatch(/RESOURCE: spec <Object>/);
    expect(v2).toMatch(/maxClusters\s+<integer> -required-/);
  });
});

describe('kubectl apply --server-side', () => {
  it('creates, conflicts with another manager, and takes over with --force-conflicts', async () => {
    expect(
      await kubectl('apply', '--server-side', '-f', file('qos.yaml', qos(2))),
    ).toContain(
      'sliceqosconfig.controller.kubeslice.io/bronze serverside-applied',
    );
    const other = file('qos-bob.yaml', qos(1));
    await expect(
      kubectl('apply', '--server-side', '--field-manager', 'bob', '-f', other),
    ).rejects.toThrow(
      /Apply failed with 1 conflict: conflict with "kubectl": \.spec\.priority/,
    );
    expect(
      await kubectl(
        'apply',
        '--server-side',
        '--field-manager',
        'bob',
        '--force-conflicts',
        '-f',
        other,
      ),
    ).toContain('serverside-applied');
    const managed = JSON.parse(
      await kubectl(
        'get',
        'sliceqosconfig',
        'bronze',
        ...NS,
        '-o',
        'json',
        '--show-managed-fields',
      ),
    ).metadata.managedFields;
    const owners = Object.fromEntries(
      managed.map((e: any) => [e.manager, Object.keys(e.fieldsV1['f:spec'])]),
    );
    expect(owners.bob).toContain('f:priority');
    expect(owners.kubectl).not.toContain('f:priority');
    expect(owners.kubectl).toContain('f:queueType');
  });
  it('takes over a client-side-applied object, migrating its managed fields', async () => {
    const cm = (data: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: kubeslice-arcade
data:
${data}`;
    const f = file('cm.yaml', cm('  a: "1"\n  b: "2"\n'));
    expect(await kubectl('apply', '-f', f)).toContain(
      'configmap/settings created',
    );
    file('cm.yaml', cm('  a: "1"\n  c: "3"\n'));
    expect(await kubectl('apply', '-f', f)).toContain('configured');
    const ssa = await kubectl.full('apply', '--server-side', '-f', f);
    expect(ssa.stdout).toContain('serverside-applied');
    // kubectl moves the client-side manager's fields to its apply manager by JSON patch.
    expect(ssa.stderr).toBe('');
    const obj = JSON.parse(
      await kubectl(
        'get',
        'configmap',
        'settings',
        ...NS,
        '-o',
        'json',
        '--show-managed-fields',
      ),
    );
    expect(obj.data).toEqual({ a: '1', c: '3' });
    const managers = obj.metadata.managedFields.map(
      (e: any) => `${e.manager}/${e.operation}`,
    );
    expect(managers).toContain('kubectl/Apply');
    expect(managers).not.toContain('kubectl-client-side-apply/Update');
  });
});

describe('kubectl --as', () => {
  const viewer =
    'system:serviceaccount:kubeslice-arcade:kubeslice-rbac-ro-viewer';

  it('runs with the impersonated service account rights', async () => {
    expect(
      await kubectl('get', 'sliceconfigs', ...NS, '--as', viewer),
    ).toContain('pacman');
    await expect(
      kubectl('delete', 'sliceconfig', 'pacman', ...NS, '--as', viewer),
    ).rejects.toThrow(
      `sliceconfigs.controller.kubeslice.io "pacman" is forbidden: User "${viewer}" cannot delete resource "sliceconfigs" in API group "controller.kubeslice.io" in the namespace "kubeslice-arcade"`,
    );
    await expect(
      kubectl('get', 'sliceconfigs', ...NS, '--as', 'alice'),
    ).rejects.toThrow(/User "alice" cannot list resource "sliceconfigs"/);
    expect(
      await kubectl(
        'get',
        'sliceconfigs',
        ...NS,
        '--as',
        'alice',
        '--as-group',
        'system:masters',
      ),
    ).toContain('pacman');
  });
});
