import { ApiError } from '../api/errors';
import type { ResourceType } from '../api/resources';
import type { KubeObject } from '../api/types';
import { resolvedKindSchema } from '../openapi/schemas';
import { prune, type JsonSchema } from '../schema/structural';

/**
 * Server-side field validation (`?fieldValidation=Ignore|Warn|Strict`, Warn
 * when absent, as on kube-apiserver ≥ 1.27) and the request-option checks
 * that come with it. Unknown fields are those the kind's schema (the CRD's,
 * or the built-in one from the OpenAPI documents, metadata included) does
 * not declare: Strict answers 400 `strict decoding error: unknown field
 * "spec.foo"`, Warn adds a `Warning` header per field, and either way they
 * are dropped before the object is stored.
 */

export type FieldValidation = 'Ignore' | 'Warn' | 'Strict';

export function isDryRun(query: URLSearchParams): boolean {
  return query.getAll('dryRun').includes('All');
}

/** RFC 3339 in seconds, as the API server writes timestamps. */
export const timestamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export type OptionsKind =
  | 'CreateOptions'
  | 'UpdateOptions'
  | 'PatchOptions'
  | 'DeleteOptions';

const OPTIONS_REF = (kind: OptionsKind) => ({
  kind,
  group: 'meta.k8s.io',
  plural: '',
});

/** Validates the write options of a request like the API server (422 on the options object). */
export function validateWriteOptions(
  query: URLSearchParams,
  kind: OptionsKind,
  extra: Array<{ field: string; message: string; reason: string }> = [],
): void {
  const causes = [...extra];
  for (const dryRun of query.getAll('dryRun'))
    if (dryRun !== 'All')
      causes.push({
        field: 'dryRun',
        reason: 'FieldValueNotSupported',
        message: `Unsupported value: "${dryRun}": supported values: "All"`,
      });
  const fv = query.get('fieldValidation');
  if (
    kind !== 'DeleteOptions' &&
    fv !== null &&
    !['', 'Ignore', 'Warn', 'Strict'].includes(fv)
  )
    causes.push({
      field: 'fieldValidation',
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: "${fv}": supported values: "", "Ignore", "Strict", "Warn"`,
    });
  const manager = query.get('fieldManager');
  if (manager !== null && manager.length > 128)
    causes.push({
      field: 'fieldManager',
      reason: 'FieldValueTooLong',
      message: 'Too long: may not be longer than 128',
    });
  if (causes.length)
    throw ApiError.invalidFields(OPTIONS_REF(kind), '', causes);
}

export function fieldValidationOf(query: URLSearchParams): FieldValidation {
  const v = query.get('fieldValidation');
  return v === 'Ignore' || v === 'Strict' ? v : 'Warn';
}

const isObject = (v: unknown): v is Record<string, any> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Paths (`spec.foo`, `spec.items[0].bar`, `metadata.foo`) of fields the schema does not declare. */
export function unknownFieldPaths(
  schema: JsonSchema | undefined,
  value: unknown,
  path = '',
  out: string[] = [],
): string[] {
  if (!schema || schema['x-kubernetes-preserve-unknown-fields']) return out;
  const join = (key: string) => (path ? `${path}.${key}` : key);
  if (isObject(value)) {
    if (schema.properties) {
      for (const [key, v] of Object.entries(value)) {
        const sub = schema.properties[key];
        if (!sub) out.push(join(key));
        else unknownFieldPaths(sub, v, join(key), out);
      }
    } else if (isObject(schema.additionalProperties)) {
      for (const [key, v] of Object.entries(value))
        unknownFieldPaths(schema.additionalProperties, v, join(key), out);
    }
  } else if (Array.isArray(value) && schema.items) {
    value.forEach((v, i) =>
      unknownFieldPaths(schema.items, v, `${path}[${i}]`, out),
    );
  }
  return out;
}

export interface FieldCheck {
  rt: ResourceType;
  query: URLSearchParams;
  /** Collects `Warning` header texts (Warn). */
  warnings?: string[];
  /** `create`/`update` name the kind in the error, as the API server's decoder does; `patch` does not. */
  operation: 'create' | 'update' | 'patch';
}

/**
 * Applies the request's field validation to the object about to be
 * admitted: throws (Strict), warns (Warn) or ignores, then returns it with
 * the unknown fields dropped.
 */
export function checkUnknownFields(
  check: FieldCheck,
  obj: KubeObject,
): KubeObject {
  const schema = resolvedKindSchema(check.rt) as JsonSchema | undefined;
  if (!schema) return obj;
  const unknown = unknownFieldPaths(schema, obj).sort();
  if (!unknown.length) return obj;
  const directive = fieldValidationOf(check.query);
  const texts = unknown.map(p => `unknown field "${p}"`);
  if (directive === 'Strict') {
    const strict = `strict decoding error: ${texts.join(', ')}`;
    const { kind, version } = check.rt;
    throw ApiError.badRequest(
      check.operation === 'patch'
        ? strict
        : `${kind} in version "${version}" cannot be handled as a ${kind}: ${strict}`,
    );
  }
  if (directive === 'Warn') check.warnings?.push(...texts);
  return prune(schema, obj) as KubeObject;
}

/**
 * Server-side apply converts the applied configuration to the kind's schema
 * first, whatever the directive: an undeclared field fails it like on
 * kube-apiserver (an error without a reason, code 500).
 */
export function rejectUndeclaredApplyFields(
  rt: ResourceType,
  obj: KubeObject,
): void {
  const schema = resolvedKindSchema(rt) as JsonSchema | undefined;
  const unknown = schema ? unknownFieldPaths(schema, obj).sort() : [];
  if (!unknown.length) return;
  const lines = unknown.map(p => `.${p}: field not declared in schema`);
  const gvk = `${rt.group}/${rt.version}, Kind=${rt.kind}`;
  throw new ApiError(
    500,
    '',
    `failed to create typed patch object (${obj.metadata?.namespace ?? ''}/${
      obj.metadata?.name ?? ''
    }; ${gvk}): ${
      lines.length === 1 ? lines[0] : `errors:\n  ${lines.join('\n  ')}`
    }`,
  );
}
