/**
 * Builders for the OpenAPI fragments. They only shorten the data: each returns a
 * literal whose type keeps every detail (`as const`, `const` type parameters), because
 * the TypeScript types of requests and responses are read off those literals.
 */

/** `{ $ref }` to a component schema of the document. */
export const ref = <const N extends string>(name: N) =>
  ({
    $ref: `#/components/schemas/${name}` as `#/components/schemas/${N}`,
  } as const);

/**
 * An object schema with exactly these properties, all required unless named in
 * `optional`. Closed (`additionalProperties: false`) so that the response checks catch
 * a field the server sends but the document does not describe, and so that the derived
 * type has no index signature to hide a missing field.
 */
export function closed<
  const P extends Record<string, object>,
  const O extends keyof P & string = never,
>(properties: P, optional: readonly O[] = []) {
  return {
    type: 'object',
    required: Object.keys(properties).filter(
      k => !(optional as readonly string[]).includes(k),
    ) as Exclude<keyof P & string, O>[],
    additionalProperties: false,
    properties,
  } as const;
}

/** `closed` with every property optional. */
export const closedOptional = <const P extends Record<string, object>>(
  properties: P,
) => closed(properties, Object.keys(properties) as (keyof P & string)[]);

export const arrayOf = <const S extends object>(items: S) =>
  ({ type: 'array', items } as const);

export const string = { type: 'string' } as const;
export const strings = arrayOf(string);
export const integer = { type: 'integer' } as const;
export const number = { type: 'number' } as const;
export const boolean = { type: 'boolean' } as const;
export const dateTime = { type: 'string', format: 'date-time' } as const;

/** A query parameter; `required` stays a literal so the derived query type knows it. */
export const queryParam = <
  const N extends string,
  const S extends object,
  const R extends boolean = false,
>(
  name: N,
  schema: S,
  description: string,
  required?: R,
) =>
  ({
    name,
    in: 'query',
    required: (required ?? false) as R,
    description,
    schema,
  } as const);

export const pathParam = <const N extends string, const S extends object>(
  name: N,
  schema: S,
  description: string,
) => ({ name, in: 'path', required: true, description, schema } as const);

/** A JSON response whose body is the named component schema. */
export const jsonResponse = <const N extends string>(
  schemaName: N,
  description: string,
) =>
  ({
    description,
    content: { 'application/json': { schema: ref(schemaName) } },
  } as const);

/** A JSON request body whose schema is the named component schema. */
export const jsonRequestBody = <const N extends string>(
  schemaName: N,
  required = true,
) =>
  ({
    required,
    content: { 'application/json': { schema: ref(schemaName) } },
  } as const);

const errorResponse = (description: string) =>
  jsonResponse('Error', description);

/** The error answers every read route can give (bodies are `Error`). */
export const readErrors = (badRequest: string) =>
  ({
    '400': errorResponse(badRequest),
    '401': errorResponse('Not authenticated'),
    '403': errorResponse('Not allowed by the permission policy'),
    '404': errorResponse('No such hub, slice or cluster'),
  } as const);
