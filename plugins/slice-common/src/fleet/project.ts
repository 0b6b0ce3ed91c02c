import { PROJECT_NAMESPACE_PREFIX } from '../kube/objects';

/** `kubeslice-arcade` → `arcade`; namespaces without the prefix are kept as they are. */
export function projectOfNamespace(namespace: string | undefined): string {
  if (!namespace) return '';
  return namespace.startsWith(PROJECT_NAMESPACE_PREFIX)
    ? namespace.slice(PROJECT_NAMESPACE_PREFIX.length)
    : namespace;
}

export function namespaceOfProject(project: string): string {
  return `${PROJECT_NAMESPACE_PREFIX}${project}`;
}
