/**
 * Merges the per-area fragments of the document. Two fragments may describe the same
 * path with different methods (the fleet's `GET /v1/slices/{hub}/{project}/{name}` and
 * the writes' `PATCH`/`DELETE` of it), so path items are merged method by method; the
 * same component name or the same method of a path twice is a mistake and throws, since
 * a plain object spread would silently keep only the later one.
 */

/** One area's part of the document. */
export interface ApiFragment {
  readonly schemas: Readonly<Record<string, object>>;
  readonly paths: Readonly<Record<string, Readonly<Record<string, object>>>>;
}

type UnionToIntersection<U> = (
  U extends unknown ? (u: U) => void : never
) extends (i: infer I) => void
  ? I
  : never;

/** The fragments' schemas as one map (flattened so types read as one object). */
export type MergedSchemas<F extends readonly ApiFragment[]> =
  UnionToIntersection<F[number]['schemas']> extends infer S
    ? { [K in keyof S]: S[K] }
    : never;

/** The fragments' paths as one map, each path item with the methods of every fragment. */
export type MergedPaths<F extends readonly ApiFragment[]> = UnionToIntersection<
  F[number]['paths']
> extends infer P
  ? { [K in keyof P]: { [M in keyof P[K]]: P[K][M] } }
  : never;

export function mergeFragments<const F extends readonly ApiFragment[]>(
  fragments: F,
): { schemas: MergedSchemas<F>; paths: MergedPaths<F> } {
  const schemas: Record<string, object> = {};
  const paths: Record<string, Record<string, object>> = {};
  for (const fragment of fragments) {
    for (const [name, schema] of Object.entries(fragment.schemas)) {
      if (name in schemas) {
        throw new Error(`OpenAPI fragments both define the schema '${name}'`);
      }
      schemas[name] = schema;
    }
    for (const [path, item] of Object.entries(fragment.paths)) {
      const merged = (paths[path] ??= {});
      for (const [method, operation] of Object.entries(item)) {
        if (method in merged) {
          throw new Error(
            `OpenAPI fragments both define ${method.toUpperCase()} ${path}`,
          );
        }
        merged[method] = operation;
      }
    }
  }
  return { schemas, paths } as {
    schemas: MergedSchemas<F>;
    paths: MergedPaths<F>;
  };
}
