import { mergeFragments } from './merge';
import { DNS_LABEL_PATTERN, DNS_SUBDOMAIN_PATTERN, isDnsLabel } from './names';
import { sliceApiSpec } from './openapi';

/** Every `$ref` in a value, with where it is. */
function refs(value: unknown, at = '#'): [string, string][] {
  if (Array.isArray(value))
    return value.flatMap((v, i) => refs(v, `${at}/${i}`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === '$ref' ? [[at, v as string]] : refs(v, `${at}/${key}`),
  );
}

type Operation = {
  operationId: string;
  parameters?: readonly { name: string; in: string }[];
};
const operations = Object.entries(sliceApiSpec.paths).flatMap(([path, item]) =>
  Object.entries(item as Record<string, Operation>).map(
    ([method, op]) => [path, method, op] as const,
  ),
);

describe('the API document', () => {
  it('refers only to component schemas it has', () => {
    const schemas = sliceApiSpec.components.schemas as Record<string, unknown>;
    const broken = refs(sliceApiSpec).filter(
      ([, ref]) =>
        !ref.startsWith('#/components/schemas/') ||
        !(ref.slice('#/components/schemas/'.length) in schemas),
    );
    expect(broken).toEqual([]);
  });

  it('declares exactly the path parameters of each path template', () => {
    for (const [path, method, op] of operations) {
      const inTemplate = [...path.matchAll(/\{(\w+)\}/g)].map(m => m[1]);
      const declared = (op.parameters ?? [])
        .filter(p => p.in === 'path')
        .map(p => p.name);
      expect({ path, method, params: declared.sort() }).toEqual({
        path,
        method,
        params: inTemplate.sort(),
      });
    }
  });

  it('gives every operation its own operationId', () => {
    const ids = operations.map(([, , op]) => op.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('mergeFragments', () => {
  const get = { get: { operationId: 'a' } };
  it('merges the methods of a path that two fragments describe', () => {
    const { paths } = mergeFragments([
      { schemas: { A: {} }, paths: { '/x': get } },
      { schemas: { B: {} }, paths: { '/x': { patch: { operationId: 'b' } } } },
    ]);
    expect(Object.keys(paths['/x'])).toEqual(['get', 'patch']);
  });

  it('refuses a schema or a method defined twice', () => {
    expect(() =>
      mergeFragments([
        { schemas: { A: {} }, paths: {} },
        { schemas: { A: {} }, paths: {} },
      ]),
    ).toThrow("OpenAPI fragments both define the schema 'A'");
    expect(() =>
      mergeFragments([
        { schemas: {}, paths: { '/x': get } },
        { schemas: {}, paths: { '/x': get } },
      ]),
    ).toThrow('OpenAPI fragments both define GET /x');
  });
});

describe('name rules', () => {
  it.each([
    ['arcade', true],
    ['a', true],
    ['team-1', true],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['Arcade', false],
    ['-a', false],
    ['a-', false],
    ['a.b', false],
    ['', false],
  ])('%p is a DNS-1123 label: %p', (name, ok) => {
    expect(isDnsLabel(name)).toBe(ok);
    expect(new RegExp(DNS_LABEL_PATTERN).test(name)).toBe(
      ok || name.length > 63,
    );
  });

  it.each([
    ['edge-nyc', true],
    ['edge.nyc', true],
    ['a.b-c.d', true],
    ['a..b', false],
    ['a.-b', false],
    ['.a', false],
    ['Edge', false],
  ])('%p is a DNS-1123 subdomain: %p', (name, ok) => {
    expect(new RegExp(DNS_SUBDOMAIN_PATTERN).test(name)).toBe(ok);
  });
});
