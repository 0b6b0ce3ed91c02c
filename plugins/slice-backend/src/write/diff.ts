import { dumpYaml } from '@kubernetes/client-node';

/** One change between the stored object and the one a write would store. */
export interface DiffChange {
  /** Field path: `spec.clusters`, `spec.namespaceIsolationProfile.applicationNamespaces[namespace=payments].clusters`. */
  path: string;
  op: 'add' | 'remove' | 'replace';
  before?: unknown;
  after?: unknown;
}

export interface ObjectDiff {
  changes: DiffChange[];
  /** Unified diff of the two objects as YAML (`--- current` / `+++ proposed`); empty when equal. */
  text: string;
}

/** Metadata the API server maintains; a write never sets it, so it is not part of a diff. */
const SERVER_METADATA = [
  'resourceVersion',
  'uid',
  'creationTimestamp',
  'generation',
  'managedFields',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];

/** The object as the user thinks of it: no status, no server-maintained metadata. */
export function withoutServerFields<T>(object: T): T {
  if (!object || typeof object !== 'object') return object;
  const copy = JSON.parse(JSON.stringify(object));
  delete copy.status;
  if (copy.metadata) {
    for (const key of SERVER_METADATA) delete copy.metadata[key];
    if (copy.metadata.annotations) {
      delete copy.metadata.annotations[
        'kubectl.kubernetes.io/last-applied-configuration'
      ];
      if (Object.keys(copy.metadata.annotations).length === 0)
        delete copy.metadata.annotations;
    }
  }
  return copy;
}

export function toYaml(object: unknown): string {
  return dumpYaml(object, { noRefs: true, lineWidth: -1, sortKeys: false });
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) =>
  v === null || (typeof v !== 'object' && typeof v !== 'function');
const same = (a: unknown, b: unknown) =>
  JSON.stringify(a) === JSON.stringify(b);

/** Keys that identify an element of a list of objects, in the order they are tried. */
const IDENTITY_KEYS = ['namespace', 'cluster', 'name'];

/** A key whose values are strings and unique within each of the lists. */
function identityKey(...lists: unknown[][]): string | undefined {
  return IDENTITY_KEYS.find(key =>
    lists.every(items => {
      const values = items.map(i =>
        isPlainObject(i) ? (i as Record<string, unknown>)[key] : undefined,
      );
      return (
        values.every(v => typeof v === 'string') &&
        new Set(values).size === values.length
      );
    }),
  );
}

function diffValues(
  path: string,
  before: unknown,
  after: unknown,
  out: DiffChange[],
): void {
  if (same(before, after)) return;
  if (before === undefined) {
    out.push({ path, op: 'add', after });
    return;
  }
  if (after === undefined) {
    out.push({ path, op: 'remove', before });
    return;
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys)
      diffValues(path ? `${path}.${key}` : key, before[key], after[key], out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if ([...before, ...after].every(isScalar)) {
      // Lists of names (members, clusters of a namespace): what joined and what left.
      for (const v of after)
        if (!before.some(b => same(b, v)))
          out.push({ path, op: 'add', after: v });
      for (const v of before)
        if (!after.some(a => same(a, v)))
          out.push({ path, op: 'remove', before: v });
      return;
    }
    const key = identityKey(before, after);
    if (key) {
      const byKey = (list: unknown[]) =>
        new Map(
          list.map(i => [String((i as Record<string, unknown>)[key]), i]),
        );
      const b = byKey(before);
      const a = byKey(after);
      for (const id of new Set([...b.keys(), ...a.keys()]))
        diffValues(`${path}[${key}=${id}]`, b.get(id), a.get(id), out);
      return;
    }
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i++)
      diffValues(`${path}[${i}]`, before[i], after[i], out);
    return;
  }
  out.push({ path, op: 'replace', before, after });
}

/** Line diff by longest common subsequence; objects here are a few hundred lines at most. */
function unifiedDiff(a: string[], b: string[], context = 3): string {
  if (a.length * b.length > 4_000_000) {
    return [
      '--- current',
      '+++ proposed',
      ...a.map(l => `-${l}`),
      ...b.map(l => `+${l}`),
    ].join('\n');
  }
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () =>
    new Array(m + 1).fill(0),
  );
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] =
        a[i] === b[j]
          ? lcs[i + 1][j + 1] + 1
          : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const lines: {
    kind: ' ' | '-' | '+';
    text: string;
    ai: number;
    bi: number;
  }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      lines.push({ kind: ' ', text: a[i], ai: i++, bi: j++ });
    } else if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      // Removals before additions, as diff(1) shows a changed line.
      lines.push({ kind: '-', text: a[i], ai: i++, bi: j });
    } else {
      lines.push({ kind: '+', text: b[j], ai: i, bi: j++ });
    }
  }
  const changed = lines.map(l => l.kind !== ' ');
  if (!changed.includes(true)) return '';
  const out = ['--- current', '+++ proposed'];
  let k = 0;
  while (k < lines.length) {
    if (!changed[k]) {
      k++;
      continue;
    }
    const start = Math.max(0, k - context);
    let end = k;
    // Extend the hunk while another change is within 2 × context lines.
    for (let e = k; e < lines.length; e++) {
      if (changed[e]) end = e;
      else if (e - end > 2 * context) break;
    }
    const stop = Math.min(lines.length, end + context + 1);
    const hunk = lines.slice(start, stop);
    const aCount = hunk.filter(l => l.kind !== '+').length;
    const bCount = hunk.filter(l => l.kind !== '-').length;
    out.push(
      `@@ -${hunk[0].ai + 1},${aCount} +${hunk[0].bi + 1},${bCount} @@`,
      ...hunk.map(l => `${l.kind}${l.text}`),
    );
    k = stop;
  }
  return out.join('\n');
}

/** What a write would change, field by field and as a YAML diff. `current` is absent for a create. */
export function diffObjects(
  current: unknown | undefined,
  proposed: unknown | undefined,
): ObjectDiff {
  const before =
    current === undefined ? undefined : withoutServerFields(current);
  const after =
    proposed === undefined ? undefined : withoutServerFields(proposed);
  const changes: DiffChange[] = [];
  diffValues('', before, after, changes);
  const lines = (o: unknown) =>
    o === undefined ? [] : toYaml(o).replace(/\n$/, '').split('\n');
  return { changes, text: unifiedDiff(lines(before), lines(after)) };
}
