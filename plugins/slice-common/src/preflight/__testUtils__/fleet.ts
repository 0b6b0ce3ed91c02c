import type { ClusterObject } from '../../kube/objects';
import type {
  PreflightFleet,
  PreflightResult,
  PreflightSliceConfig,
  PreflightSliceConfigSpec,
} from '../types';

/** A small project `kubeslice-demo` for the rule tests: three good clusters and some trouble. */
export const NS = 'kubeslice-demo';

export function cluster(
  name: string,
  status: NonNullable<ClusterObject['status']> = {},
  spec: ClusterObject['spec'] = {},
): ClusterObject {
  return {
    metadata: { name, namespace: NS },
    spec,
    status: {
      registrationStatus: 'Registered',
      networkPresent: true,
      cniSubnet: [`10.${200 + name.length}.0.0/16`],
      nodeIPs: ['192.0.2.10'],
      clusterHealth: { clusterHealthStatus: 'Normal' },
      ...status,
    },
  };
}

export function fleet(extra: Partial<PreflightFleet> = {}): PreflightFleet {
  return {
    projectNamespaces: [NS, 'kubeslice-other'],
    clusters: [
      cluster('c1', { cniSubnet: ['100.64.0.0/20'] }),
      cluster('c2', {
        cniSubnet: ['172.20.0.0/16'],
        namespaces: [{ name: 'taken', sliceName: 'owner' }, { name: 'free' }],
      }),
      cluster('c3', { cniSubnet: ['10.96.0.0/12'] }),
      cluster('pending', { registrationStatus: 'Pending' }),
      cluster('sick', {
        clusterHealth: {
          clusterHealthStatus: 'Warning',
          componentStatuses: [
            { component: 'forwarder', componentHealthStatus: 'Error' },
          ],
        },
      }),
      cluster('nonet', { networkPresent: false, cniSubnet: [] }),
      cluster('noips', { nodeIPs: [] }),
      // Same name in another project: must never count for kubeslice-demo.
      {
        ...cluster('elsewhere'),
        metadata: { name: 'elsewhere', namespace: 'kubeslice-other' },
      },
    ],
    sliceQosConfigs: [
      { metadata: { name: 'default', namespace: NS }, spec: {} },
    ],
    sliceConfigs: [],
    workerSliceConfigs: [],
    serviceExportConfigs: [],
    ...extra,
  };
}

/** A network slice every rule accepts. */
export function slice(
  spec: Partial<PreflightSliceConfigSpec> = {},
  name = 'web',
): PreflightSliceConfig {
  return {
    metadata: { name, namespace: NS },
    spec: {
      sliceSubnet: '10.1.0.0/16',
      maxClusters: 4,
      clusters: ['c1', 'c2'],
      sliceGatewayProvider: {
        sliceGatewayType: 'OpenVPN',
        sliceCaType: 'Local',
      },
      standardQosProfileName: 'default',
      ...spec,
    },
  };
}

export const codes = (results: PreflightResult[], severity?: string) =>
  results.filter(r => !severity || r.severity === severity).map(r => r.code);

export const errors = (results: PreflightResult[]) => codes(results, 'error');
export const warnings = (results: PreflightResult[]) =>
  codes(results, 'warning');
