import { humanDuration } from '../api/duration';
import type { PrinterColumn, ResourceType } from '../api/resources';
import type { KubeObject } from '../api/types';

/**
 * The `meta.k8s.io/v1` Table representation that `kubectl get` asks for
 * (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`).
 */

const NAME_COLUMN = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description:
    'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically.',
  priority: 0,
};

const AGE_COLUMN: PrinterColumn = {
  name: 'Age',
  type: 'date',
  description:
    'CreationTimestamp is a timestamp representing the server time when this object was created.',
  jsonPath: '.metadata.creationTimestamp',
};

/** True when the Accept header asks for a Table (kubectl get). */
export function wantsTable(accept: string | undefined): boolean {
  return Boolean(
    accept && /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept),
  );
}

/** Evaluates the simple JSONPath subset CRD printer columns use: `.a.b`, `.a[0].b`, `.a[*].b`. */
export function evaluateJsonPath(obj: unknown, path: string): unknown {
  const tokens = path
    .replace(/^\{?\$?/, '')
    .replace(/\}$/, '')
    .split(/\.|\[|\]/)
    .filter(t => t.length > 0);
  let values: unknown[] = [obj];
  for (const t of tokens) {
    const next: unknown[] = [];
    for (const v of values) {
      if (v === null || v === undefined) continue;
      if (t === '*') {
        if (Array.isArray(v)) next.push(...v);
        else if (typeof v === 'object')
          next.push(...Object.values(v as object));
      } else if (Array.isArray(v) && /^\d+$/.test(t)) {
        next.push(v[Number(t)]);
      } else if (typeof v === 'object') {
        next.push((v as Record<string, unknown>)[t]);
      }
    }
    values = next;
  }
  const defined = values.filter(v => v !== undefined);
  if (defined.length === 0) return undefined;
  return defined.length === 1 ? defined[0] : defined;
}

function columnsFor(rt: ResourceType): PrinterColumn[] {
  if (rt.completeTable) return rt.printerColumns;
  // Custom resources: the API server shows Age when a CRD defines no columns;
  // we also append it when it defines some, so every listing answers "how old".
  const columns = rt.printerColumns.some(c => c.name === 'Age')
    ? rt.printerColumns
    : [...rt.printerColumns, AGE_COLUMN];
  return [
    { ...NAME_COLUMN, value: (o: KubeObject) => o.metadata.name },
    ...columns,
  ];
}

function cell(column: PrinterColumn, obj: KubeObject, now: Date): unknown {
  const raw = column.value
    ? column.value(obj, now)
    : evaluateJsonPath(obj, column.jsonPath ?? '');
  if (raw === undefined || raw === null)
    return column.type === 'string' ? '' : null;
  if (column.type === 'date' && typeof raw === 'string')
    return humanDuration(raw, now);
  if (typeof raw === 'object') return JSON.stringify(raw);
  return raw;
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export function toTable(
  rt: ResourceType,
  objects: KubeObject[],
  options: {
    now: Date;
    resourceVersion?: string;
    includeObject?: IncludeObject;
    continueToken?: string;
  },
) {
  const columns = columnsFor(rt);
  const include = options.includeObject ?? 'Metadata';
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {
      ...(options.resourceVersion
        ? { resourceVersion: options.resourceVersion }
        : {}),
      ...(options.continueToken ? { continue: options.continueToken } : {}),
    },
    columnDefinitions: [
      ...columns.map(c => ({
        name: c.name,
        type: c.type === 'date' ? 'string' : c.type,
        format: c.format ?? '',
        description: c.description ?? '',
        priority: c.priority ?? 0,
      })),
    ],
    rows: objects.map(o => ({
      cells: columns.map(c => cell(c, o, options.now)),
      ...(include === 'None'
        ? {}
        : {
            object:
              include === 'Object'
                ? o
                : {
                    kind: 'PartialObjectMetadata',
                    apiVersion: 'meta.k8s.io/v1',
                    metadata: o.metadata,
                  },
          }),
    })),
  };
}
