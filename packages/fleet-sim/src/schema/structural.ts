/**
 * What the API server does with a custom resource against its CRD's
 * structural schema (`openAPIV3Schema`), in its order: prune unknown fields,
 * apply defaults, then validate types, required fields, enums, bounds,
 * lengths, patterns and formats — reporting each problem as a field cause
 * with the API server's wording, so a 422 from the simulator reads like one
 * from a real cluster. Only the keywords structural schemas allow are handled.
 */

export interface JsonSchema {
  type?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  nullable?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
}

export interface SchemaCause {
  /** `FieldValueRequired`, `FieldValueInvalid`, `FieldValueNotSupported`, `FieldValueTypeInvalid`. */
  reason: string;
  field: string;
  message: string;
}

type Json = any;

const isObject = (v: unknown): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Go-style rendering of an invalid value in messages (`"text"`, `40`, `map[...]`). */
function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[]interface {}{...}`;
  if (isObject(v)) return 'map[string]interface {}{...}';
  return String(v);
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Removes fields the schema does not declare (the API server drops them silently). */
export function prune(schema: JsonSchema | undefined, value: Json): Json {
  if (!schema || schema['x-kubernetes-preserve-unknown-fields']) return value;
  if (isObject(value)) {
    if (schema.properties) {
      for (const key of Object.keys(value)) {
        const sub = schema.properties[key];
        if (!sub) delete value[key];
        else value[key] = prune(sub, value[key]);
      }
    } else if (isObject(schema.additionalProperties)) {
      for (const key of Object.keys(value))
        value[key] = prune(schema.additionalProperties, value[key]);
    }
  } else if (Array.isArray(value) && schema.items) {
    return value.map(v => prune(schema.items, v));
  }
  return value;
}

/** Fills in `default`s of absent fields, inside objects that are present. */
export function applyDefaults(
  schema: JsonSchema | undefined,
  value: Json,
): Json {
  if (!schema) return value;
  if (isObject(value)) {
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      if (value[key] === undefined && sub.default !== undefined)
        value[key] = JSON.parse(JSON.stringify(sub.default));
      if (value[key] !== undefined) value[key] = applyDefaults(sub, value[key]);
    }
    if (isObject(schema.additionalProperties))
      for (const key of Object.keys(value))
        value[key] = applyDefaults(schema.additionalProperties, value[key]);
  } else if (Array.isArray(value) && schema.items) {
    return value.map(v => applyDefaults(schema.items, v));
  }
  return value;
}

function typeMatches(schema: JsonSchema, v: unknown): boolean {
  if (schema['x-kubernetes-int-or-string'])
    return typeof v === 'string' || Number.isInteger(v);
  switch (schema.type) {
    case undefined:
      return true;
    case 'object':
      return isObject(v);
    case 'array':
      return Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    default:
      return true;
  }
}

/** Every violation of the schema in `value`, with field paths like `spec.clusters[2]`. */
export function validate(
  schema: JsonSchema | undefined,
  value: Json,
  path = '',
): SchemaCause[] {
  const out: SchemaCause[] = [];
  walk(schema, value, path, out);
  return out;
}

function walk(
  schema: JsonSchema | undefined,
  v: Json,
  path: string,
  out: SchemaCause[],
): void {
  if (!schema) return;
  const field = path || '<root>';
  if (v === null) {
    if (!schema.nullable && schema.type)
      out.push({
        reason: 'FieldValueTypeInvalid',
        field,
        message: `Invalid value: "null": ${field} in body must be of type ${schema.type}: "null"`,
      });
    return;
  }
  if (!typeMatches(schema, v)) {
    out.push({
      reason: 'FieldValueTypeInvalid',
      field,
      message: `Invalid value: "${typeOf(
        v,
      )}": ${field} in body must be of type ${schema.type}: "${typeOf(v)}"`,
    });
    return;
  }
  if (schema.enum && !schema.enum.some(e => e === v)) {
    out.push({
      reason: 'FieldValueNotSupported',
      field,
      message: `Unsupported value: ${show(v)}: supported values: ${schema.enum
        .map(e => show(e))
        .join(', ')}`,
    });
  }
  if (typeof v === 'number') {
    if (schema.minimum !== undefined && v < schema.minimum)
      out.push({
        reason: 'FieldValueInvalid',
        field,
        message: `Invalid value: ${v}: ${field} in body should be greater than or equal to ${schema.minimum}`,
      });
    if (schema.maximum !== undefined && v > schema.maximum)
      out.push({
        reason: 'FieldValueInvalid',
        field,
        message: `Invalid value: ${v}: ${field} in body should be less than or equal to ${schema.maximum}`,
      });
  }
  if (typeof v === 'string') {
    if (schema.minLength !== undefined && v.length < schema.minLength)
      out.push({
        reason: 'FieldValueInvalid',
        field,
        message: `Invalid value: ${show(
          v,
        )}: ${field} in body should be at least ${schema.minLength} chars long`,
      });
    if (schema.maxLength !== undefined && v.length > schema.maxLength)
      out.push({
        reason: 'FieldValueTooLong',
        field,
        message: `Too long: may not be longer than ${schema.maxLength}`,
      });
    if (schema.pattern && !new RegExp(schema.pattern).test(v))
      out.push({
        reason: 'FieldValueInvalid',
        field,
        message: `Invalid value: ${show(v)}: ${field} in body should match '${
          schema.pattern
        }'`,
      });
    if (schema.format === 'date-time' && !DATE_TIME.test(v))
      out.push({
        reason: 'FieldValueInvalid',
        field,
        message: `Invalid value: ${show(
          v,
        )}: ${field} in body must be of type date-time: ${show(v)}`,
      });
  }
  if (
    typeof v === 'number' &&
    schema.format === 'int32' &&
    (v > 2147483647 || v < -2147483648)
  )
    out.push({
      reason: 'FieldValueInvalid',
      field,
      message: `Invalid value: ${v}: ${field} in body must be of type int32: "${v}"`,
    });
  if (Array.isArray(v)) {
    if (schema.minItems !== undefined && v.length < schema.minItems)
      out.push({
        reason: 'FieldValueInvalid',
        field,
        message: `Invalid value: ${v.length}: ${field} in body should have at least ${schema.minItems} items`,
      });
    if (schema.maxItems !== undefined && v.length > schema.maxItems)
      out.push({
        reason: 'FieldValueTooMany',
        field,
        message: `Too many: ${v.length}: must have at most ${schema.maxItems} items`,
      });
    v.forEach((item, i) => walk(schema.items, item, `${path}[${i}]`, out));
  }
  if (isObject(v)) {
    for (const req of schema.required ?? []) {
      if (v[req] === undefined)
        out.push({
          reason: 'FieldValueRequired',
          field: path ? `${path}.${req}` : req,
          message: 'Required value',
        });
    }
    for (const [key, item] of Object.entries(v)) {
      const sub =
        schema.properties?.[key] ??
        (isObject(schema.additionalProperties)
          ? schema.additionalProperties
          : undefined);
      walk(sub, item, path ? `${path}.${key}` : key, out);
    }
  }
}

/**
 * Prune, default and validate a whole object. `metadata`, `apiVersion` and
 * `kind` are the API server's own business (validated elsewhere), so only
 * the remaining top-level fields are checked against the schema.
 */
export function admitCustomResource(
  schema: JsonSchema | undefined,
  obj: Record<string, Json>,
): { object: Record<string, Json>; causes: SchemaCause[] } {
  if (!schema) return { object: obj, causes: [] };
  const { apiVersion, kind, metadata, ...rest } = obj;
  const body = applyDefaults(schema, prune(schema, rest));
  const properties = { ...(schema.properties ?? {}) };
  delete properties.apiVersion;
  delete properties.kind;
  delete properties.metadata;
  const causes = validate({ ...schema, properties }, body);
  return { object: { apiVersion, kind, metadata, ...body }, causes };
}
