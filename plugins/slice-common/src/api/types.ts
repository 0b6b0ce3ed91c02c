/**
 * TypeScript types derived from the OpenAPI document, for the backend's handlers and
 * the frontend's client alike. Nothing here is written by hand: change the document and
 * these follow. `json-schema-to-ts` (what `@backstage/backend-openapi-utils` uses for its
 * typed router) turns each schema into a type.
 */
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { SliceApiSpec } from './openapi';

type Schemas = SliceApiSpec['components']['schemas'];
type Paths = SliceApiSpec['paths'];

type TupleOf<
  I,
  N extends number,
  T extends readonly unknown[] = [],
> = T['length'] extends N ? T : TupleOf<I, N, readonly [...T, I]>;

/**
 * The schema with every `$ref` replaced by the component it names, as Backstage's typed
 * router does (far cheaper for the compiler than letting `json-schema-to-ts` follow
 * pointers; it is also why a schema may not refer to itself). On the way, a fixed-length
 * array (`minItems` = `maxItems`, how OpenAPI 3.1 writes a pair of cluster names) takes
 * the draft-7 tuple form that `json-schema-to-ts` reads as a tuple, so a pair types as
 * `[string, string]`. Types only: the document itself stays 3.1.
 */
type Inline<S> = S extends {
  readonly $ref: `#/components/schemas/${infer N extends keyof Schemas &
    string}`;
}
  ? Inline<Schemas[N]>
  : S extends {
      readonly type: 'array';
      readonly items: infer I;
      readonly minItems: infer N extends number;
      readonly maxItems: infer M extends number;
    }
  ? [N] extends [M]
    ? Omit<S, 'items'> & { readonly items: TupleOf<Inline<I>, N> }
    : { readonly [K in keyof S]: Inline<S[K]> }
  : S extends object
  ? { readonly [K in keyof S]: Inline<S[K]> }
  : S;

/** The TypeScript type of a schema of the document. */
type Resolve<S> = Inline<S> extends infer W extends JSONSchema
  ? FromSchema<W>
  : never;

export type ApiSchemaName = keyof Schemas & string;

/** The type of a component schema, e.g. `ApiSchema<'SliceDetail'>`. */
export type ApiSchema<N extends ApiSchemaName> = Resolve<Schemas[N]>;

/** Paths of the document, as written there (`/v1/slices/{hub}/{project}/{name}`). */
export type ApiPath = keyof Paths & string;
/** HTTP methods of one path (lowercase, as in the document). */
export type ApiMethod<P extends ApiPath> = keyof Paths[P] & string;

/** The operation, or never when the path has no such method. */
type Operation<P extends ApiPath, M extends string> = Paths[P] extends {
  readonly [K in M]: infer O;
}
  ? O
  : never;
type Parameter<P extends ApiPath, M extends string> = Operation<P, M> extends {
  readonly parameters: readonly (infer X)[];
}
  ? X
  : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type ParametersIn<X, In extends string> = Simplify<
  {
    [K in X as K extends {
      in: In;
      required: true;
      name: infer N extends string;
    }
      ? N
      : never]: K extends { schema: infer S } ? Resolve<S> : never;
  } & {
    [K in X as K extends {
      in: In;
      required: false;
      name: infer N extends string;
    }
      ? N
      : never]?: K extends { schema: infer S } ? Resolve<S> : never;
  }
>;

/** The query parameters of an operation, as the validator hands them to the handler. */
export type ApiQuery<
  P extends ApiPath,
  M extends string = 'get',
> = ParametersIn<Parameter<P, M>, 'query'>;

/** The path parameters of an operation. */
export type ApiPathParams<
  P extends ApiPath,
  M extends string = 'get',
> = ParametersIn<Parameter<P, M>, 'path'>;

type JsonSchemaOf<T> = T extends {
  readonly content: {
    readonly 'application/json': { readonly schema: infer S };
  };
}
  ? S
  : never;

/** The JSON request body of an operation (never when it takes none). */
export type ApiRequestBody<P extends ApiPath, M extends string> = Operation<
  P,
  M
> extends { readonly requestBody: infer B }
  ? Resolve<JsonSchemaOf<B>>
  : never;

/** Success statuses whose bodies `ApiResponse` returns by default. */
export type ApiSuccessStatus = '200' | '201' | '202';

/**
 * The JSON body of an operation's answer with one of `Status` (by default the success
 * answers, as a union when there are several, e.g. a dry run's 200 and a create's 201).
 */
export type ApiResponse<
  P extends ApiPath,
  M extends string = 'get',
  Status extends string = ApiSuccessStatus,
> = Operation<P, M> extends { readonly responses: infer R }
  ? {
      [S in keyof R & Status]: Resolve<JsonSchemaOf<R[S]>>;
    }[keyof R & Status]
  : never;

/** The paths that answer `GET`. */
export type ApiGetPath = {
  [P in ApiPath]: 'get' extends ApiMethod<P> ? P : never;
}[ApiPath];
