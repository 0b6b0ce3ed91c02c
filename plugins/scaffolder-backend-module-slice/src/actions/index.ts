import type { SliceActionDeps } from './common';
import { createSliceAction } from './createSlice';
import { exportServiceAction } from './exportService';
import { offboardNamespaceAction, onboardNamespaceAction } from './namespaces';
import { registerClusterAction } from './registerCluster';
import { renderManifestsAction } from './renderManifests';
import { waitForOperationAction } from './waitForOperation';

export type { SliceActionDeps } from './common';
export {
  createSliceAction,
  exportServiceAction,
  offboardNamespaceAction,
  onboardNamespaceAction,
  registerClusterAction,
  renderManifestsAction,
  waitForOperationAction,
};

/** Every kubeslice action, the GitOps renderer built over the write actions. */
export function createSliceActions(deps: SliceActionDeps) {
  const writes = [
    createSliceAction(deps),
    onboardNamespaceAction(deps),
    offboardNamespaceAction(deps),
    exportServiceAction(deps),
    registerClusterAction(deps),
  ];
  return [
    ...writes,
    waitForOperationAction(deps),
    renderManifestsAction(writes),
  ];
}
