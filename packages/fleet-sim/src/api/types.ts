/**
 * Minimal shapes of Kubernetes objects as the simulator stores them.
 *
 * The simulator is schema-agnostic at its core (it stores whatever JSON a client
 * sends, like the real API server stores custom resources), so these types only
 * name the fields the store itself reads or writes.
 */

/** `metadata` of any stored object. */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: unknown[];
  [key: string]: unknown;
}

/** Any Kubernetes object (built-in or custom resource). */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: any;
  status?: any;
  [key: string]: unknown;
}

/** Deep copy through JSON: stored objects never share references with callers. */
export function clone<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}
