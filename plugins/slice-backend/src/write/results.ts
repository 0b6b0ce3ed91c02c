import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { PreflightResult } from '@slice-portal/plugin-slice-common';
import type { Operation, OperationTarget } from './contracts';
import {
  diffObjects,
  toYaml,
  withoutServerFields,
  type ObjectDiff,
} from './diff';
import { inputError } from './kubeErrors';
import type { KubeObj } from './kubeClient';

/** A preflight finding; the write API adds a few codes of its own (`export.*`). */
export type Finding = Omit<PreflightResult, 'code'> & { code: string };

/** The body every write route answers with (dry run or not). */
export interface WriteResultBody {
  dryRun: boolean;
  object: KubeObj;
  yaml: string;
  diff: ObjectDiff;
  preflight: Finding[];
  resourceVersion?: string;
  attempts?: number;
  applied?: boolean;
  instructions?: string;
  plan?: string[];
  operation?: Operation;
}

/** What a write kind hands back to the router: the HTTP answer and what the audit row says. */
export interface WriteOutcome {
  status: number;
  body: WriteResultBody | Record<string, unknown>;
  summary: string;
  operationId?: string;
  /** Extra headers (e.g. Cache-Control: no-store for secret values). */
  headers?: Record<string, string>;
}

/** Everything a write kind needs to know about the request. */
export interface WriteRequest<B = unknown> {
  hub: string;
  project: string;
  params: Record<string, string>;
  query: Record<string, string | boolean>;
  body: B;
  dryRun: boolean;
  actor: string;
  credentials: BackstageCredentials;
  target: OperationTarget;
}

/** Refuses the write (400, nothing sent to the cluster) when preflight found errors; returns the warnings. */
export function requirePreflight(
  results: readonly Finding[],
  what: string,
): Finding[] {
  const errors = results.filter(r => r.severity === 'error');
  if (errors.length) {
    throw inputError(
      `Preflight refused ${what}: ${errors
        .map(e => `${e.path}: ${e.message}`)
        .join('; ')}`,
      errors.map(e => ({
        path: e.path,
        message: e.message,
        code: e.code,
        source: 'preflight',
      })),
    );
  }
  return results.filter(r => r.severity !== 'error');
}

export function resultBody(options: {
  dryRun: boolean;
  current?: KubeObj;
  stored: KubeObj;
  preflight: Finding[];
  attempts?: number;
  operation?: Operation;
}): WriteResultBody {
  const { dryRun, current, stored, preflight, attempts, operation } = options;
  const body: WriteResultBody = {
    dryRun,
    object: withoutManagedFields(stored),
    yaml: toYaml(withoutServerFields(stored)),
    diff: diffObjects(current, stored),
    preflight,
  };
  const rv = current?.metadata?.resourceVersion;
  if (rv) body.resourceVersion = rv;
  if (attempts !== undefined) body.attempts = attempts;
  if (operation) body.operation = operation;
  return body;
}

/** managedFields say which client set which field: noise in an answer meant for a person. */
function withoutManagedFields(object: KubeObj): KubeObj {
  if (!object.metadata?.managedFields) return object;
  const { managedFields: _, ...metadata } = object.metadata;
  return { ...object, metadata };
}

/** Spec and metadata the user controls are equal: nothing to write. */
export function sameContent(a: KubeObj, b: KubeObj): boolean {
  const strip = (o: KubeObj) => {
    const c = withoutServerFields(o) as KubeObj;
    return JSON.stringify({ metadata: c.metadata, spec: c.spec });
  };
  return strip(a) === strip(b);
}
