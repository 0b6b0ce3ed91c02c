import type { ResourceType } from '../api/resources';

/**
 * How kube-apiserver names things in its OpenAPI documents: definitions of
 * built-in kinds by Go package (`io.k8s.api.core.v1.Pod`,
 * `io.k8s.api.rbac.v1.Role`), those of custom resources by reversed group
 * (`io.kubeslice.controller.v1alpha1.SliceConfig`), and operation ids like
 * `patchControllerKubesliceIoV1alpha1NamespacedSliceConfig`.
 */

export const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

/** Whether a kind is built into the API server (no CRD, so no schema of its own). */
export function isBuiltIn(rt: Pick<ResourceType, 'schema'>): boolean {
  return rt.schema === undefined;
}

function builtInPackage(group: string): string {
  if (group === '') return 'core';
  return group.replace(/\.k8s\.io$/, '').split('.')[0];
}

export function definitionName(
  rt: Pick<ResourceType, 'group' | 'version' | 'schema'>,
  kind: string,
): string {
  if (isBuiltIn(rt))
    return `io.k8s.api.${builtInPackage(rt.group)}.${rt.version}.${kind}`;
  const reversed = rt.group.split('.').reverse().join('.');
  return `${reversed}.${rt.version}.${kind}`;
}

function camel(word: string): string {
  return word ? word[0].toUpperCase() + word.slice(1) : word;
}

/** `controller.kubeslice.io` → `ControllerKubesliceIo`, core → `Core`, `rbac.authorization.k8s.io` → `RbacAuthorization`. */
function groupWord(group: string): string {
  if (group === '') return 'Core';
  return group
    .replace(/\.k8s\.io$/, '')
    .split(/[.-]/)
    .map(camel)
    .join('');
}

export function operationId(
  verb: string,
  rt: Pick<ResourceType, 'group' | 'version' | 'kind'>,
  options: { namespaced?: boolean; suffix?: string } = {},
): string {
  return `${verb}${groupWord(rt.group)}${camel(rt.version)}${
    options.namespaced ? 'Namespaced' : ''
  }${rt.kind}${options.suffix ?? ''}`;
}

/** The OpenAPI v3 discovery key of a group/version: `api/v1`, `apis/<group>/<version>`. */
export function groupVersionPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}
