import type { SliceDetail } from '@slice-portal/plugin-slice-common';
import { sliceDetail } from './fixtures';

const ok = { state: 'ok' as const, reasons: [] };

/**
 * pacman for the change/delete tests: aws-east has an onboarded namespace and exports mongo
 * (it cannot just leave), gcp-west and edge-nyc have nothing on them.
 */
export const changeDetail: SliceDetail = {
  ...sliceDetail,
  namespaces: ['pacman'],
  allowedNamespaces: ['monitoring'],
  members: [
    { cluster: 'aws-east', onboardedNamespaces: ['pacman'], health: ok },
    { cluster: 'gcp-west', onboardedNamespaces: [], health: ok },
    { cluster: 'edge-nyc', onboardedNamespaces: [], health: ok },
  ],
  namespaceStates: [
    {
      namespace: 'pacman',
      cluster: 'aws-east',
      role: 'application',
      requested: true,
      onboarded: true,
      state: 'onboarded',
    },
  ],
  sliceConfig: {
    apiVersion: 'controller.kubeslice.io/v1alpha1',
    kind: 'SliceConfig',
    metadata: { name: 'pacman', namespace: 'kubeslice-arcade' },
    spec: {
      sliceSubnet: '10.1.0.0/16',
      maxClusters: 16,
      overlayNetworkDeploymentMode: 'single-network',
      clusters: ['aws-east', 'gcp-west', 'edge-nyc'],
      standardQosProfileName: 'gold',
      namespaceIsolationProfile: {
        isolationEnabled: true,
        applicationNamespaces: [
          { namespace: 'pacman', clusters: ['aws-east'] },
        ],
        allowedNamespaces: [{ namespace: 'monitoring', clusters: ['*'] }],
      },
    },
  },
};

export const sliceOperation = (
  kind: string,
  state: 'running' | 'done',
  steps: { id: string; title: string; state: string }[],
) => ({
  id: 'op-9',
  kind,
  target: { hub: 'demo', project: 'arcade', slice: 'pacman' },
  actor: 'user:default/ana',
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
  state,
  steps,
});
