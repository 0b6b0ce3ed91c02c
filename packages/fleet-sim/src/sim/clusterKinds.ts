import { CORE_TYPES } from '../api/coreTypes';
import { kubesliceResourceTypes } from '../api/crds';
import type { ResourceType } from '../api/resources';

/**
 * Which kinds each role of virtual cluster serves: the controller's CRDs on
 * the hub, the worker operator's on workers, plus the core kinds each needs.
 */

const HUB_GROUPS = ['controller.kubeslice.io', 'worker.kubeslice.io'];
const WORKER_GROUPS = ['networking.kubeslice.io'];

export function hubResourceTypes(): ResourceType[] {
  const core = [
    'namespaces',
    'secrets',
    'events',
    'serviceaccounts',
    'configmaps',
    'roles',
    'rolebindings',
  ].map(n => CORE_TYPES[n]);
  return [
    ...core,
    ...kubesliceResourceTypes().filter(t => HUB_GROUPS.includes(t.group)),
  ];
}

export function workerResourceTypes(): ResourceType[] {
  const core = [
    'namespaces',
    'pods',
    'services',
    'events',
    'secrets',
    'serviceaccounts',
    'configmaps',
  ].map(n => CORE_TYPES[n]);
  return [
    ...core,
    ...kubesliceResourceTypes().filter(t => WORKER_GROUPS.includes(t.group)),
  ];
}
