import { ApiError } from '../api/errors';
import type { KubeObject } from '../api/types';

/**
 * Label and field selectors with the API server's grammar:
 * `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x,y)`, `a`, `!a`, comma = AND.
 */

export type LabelRequirement =
  | { key: string; op: 'eq' | 'neq'; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'notexists' };

const KEY_RE =
  /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE_RE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Splits on commas that are not inside parentheses (the `in (a,b)` sets). */
function splitTopLevel(input: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of input) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(p => p.length > 0);
}

function checkKey(key: string, selector: string): string {
  if (!KEY_RE.test(key))
    throw ApiError.badRequest(
      `unable to parse requirement: invalid label key "${key}" in selector "${selector}"`,
    );
  return key;
}

function checkValue(value: string, selector: string): string {
  if (!VALUE_RE.test(value) || value.length > 63) {
    throw ApiError.badRequest(
      `unable to parse requirement: invalid label value "${value}" in selector "${selector}"`,
    );
  }
  return value;
}

export function parseLabelSelector(
  selector: string | undefined,
): LabelRequirement[] {
  if (!selector || !selector.trim()) return [];
  return splitTopLevel(selector).map((term): LabelRequirement => {
    const set = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(term);
    if (set) {
      const values = set[3].split(',').map(v => checkValue(v.trim(), selector));
      return {
        key: checkKey(set[1], selector),
        op: set[2] as 'in' | 'notin',
        values,
      };
    }
    const cmp = /^([^!=\s]+)\s*(==|!=|=)\s*(.*)$/.exec(term);
    if (cmp) {
      return {
        key: checkKey(cmp[1], selector),
        op: cmp[2] === '!=' ? 'neq' : 'eq',
        value: checkValue(cmp[3].trim(), selector),
      };
    }
    if (term.startsWith('!'))
      return { key: checkKey(term.slice(1).trim(), selector), op: 'notexists' };
    if (/^\S+$/.test(term))
      return { key: checkKey(term, selector), op: 'exists' };
    throw ApiError.badRequest(
      `unable to parse requirement: found '${term}', expected: in, notin, =, ==, !=, gt, lt`,
    );
  });
}

export function matchesLabels(
  requirements: LabelRequirement[],
  labels: Record<string, string> | undefined,
): boolean {
  const l = labels ?? {};
  return requirements.every(r => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'eq':
        return has && l[r.key] === r.value;
      case 'neq':
        return !has || l[r.key] !== r.value;
      case 'in':
        return has && r.values.includes(l[r.key]);
      case 'notin':
        return !has || !r.values.includes(l[r.key]);
      case 'exists':
        return has;
      case 'notexists':
        return !has;
      default:
        return false;
    }
  });
}

export interface FieldRequirement {
  field: string;
  op: 'eq' | 'neq';
  value: string;
}

/**
 * Parses a field selector. Like the API server, only a fixed set of fields per
 * kind is selectable (`metadata.name` and `metadata.namespace` always).
 */
export function parseFieldSelector(
  selector: string | undefined,
  selectable: string[] = [],
): FieldRequirement[] {
  if (!selector || !selector.trim()) return [];
  const allowed = ['metadata.name', 'metadata.namespace', ...selectable];
  return splitTopLevel(selector).map(term => {
    const m = /^([^!=\s]+)\s*(==|!=|=)\s*(.*)$/.exec(term);
    if (!m)
      throw ApiError.badRequest(
        `invalid selector: '${selector}'; can't understand '${term}'`,
      );
    if (!allowed.includes(m[1])) {
      throw ApiError.badRequest(`field label not supported: ${m[1]}`);
    }
    return {
      field: m[1],
      op: m[2] === '!=' ? 'neq' : 'eq',
      value: m[3].trim(),
    } as FieldRequirement;
  });
}

function fieldValue(obj: KubeObject, field: string): string {
  let cur: any = obj;
  for (const part of field.split('.')) cur = cur?.[part];
  // Unset fields compare as the empty string, as on the API server.
  return cur === undefined || cur === null ? '' : String(cur);
}

export function matchesFields(
  requirements: FieldRequirement[],
  obj: KubeObject,
): boolean {
  return requirements.every(
    r => (fieldValue(obj, r.field) === r.value) === (r.op === 'eq'),
  );
}

/** A compiled label + field selector. */
export interface ObjectFilter {
  namespace?: string;
  labels: LabelRequirement[];
  fields: FieldRequirement[];
}

export function compileFilter(opts: {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  selectableFields?: string[];
}): ObjectFilter {
  return {
    namespace: opts.namespace,
    labels: parseLabelSelector(opts.labelSelector),
    fields: parseFieldSelector(opts.fieldSelector, opts.selectableFields),
  };
}

export function matchesFilter(filter: ObjectFilter, obj: KubeObject): boolean {
  if (
    filter.namespace !== undefined &&
    obj.metadata.namespace !== filter.namespace
  )
    return false;
  return (
    matchesLabels(filter.labels, obj.metadata.labels) &&
    matchesFields(filter.fields, obj)
  );
}
