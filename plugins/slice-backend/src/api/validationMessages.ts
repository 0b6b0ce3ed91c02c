import { InputError, isError } from '@backstage/errors';
import type { ErrorRequestHandler } from 'express';

/**
 * Rewords the OpenAPI validator's 400s so they name the parameter and say what it
 * must be. The validator (express-openapi-validator, behind Backstage's
 * `createValidatedOpenApiRouter`) reaches us only as an `InputError` whose message is
 * ajv's text, e.g. `request/query/project must match pattern "^[a-z0-9]…$"`; the rule
 * in words comes from the document itself (the parameter schema's `enum` or
 * `description`), so there is no second copy of any rule here.
 */

interface ParameterDoc {
  name: string;
  in: string;
  schema?: { enum?: unknown[]; description?: string };
}
interface ValidatedRequest {
  query?: Record<string, unknown>;
  openapi?: {
    pathParams?: Record<string, unknown>;
    schema?: { parameters?: ParameterDoc[] };
  };
}

const WHERE = { query: 'query', params: 'path' } as const;
/** ajv's words for a broken rule that the schema's `description` says better. */
const RULE_WORDS =
  /^must (match pattern|be (string|boolean|integer|number)$|NOT have (more|fewer) than)/;

function quote(value: unknown): string {
  const text = String(value);
  return `'${text.length > 100 ? `${text.slice(0, 100)}…` : text}'`;
}

/** What a validator message about one parameter becomes; undefined when it is not one. */
export function describeValidationMessage(
  message: string,
  req: ValidatedRequest,
): string | undefined {
  const missing = /^request\/query must have required property '(.+)'$/.exec(
    message,
  );
  if (missing) return `Missing required query parameter '${missing[1]}'`;

  const body = /^request\/body(\/\S*)? (must .*)$/.exec(message);
  if (body) {
    const field = (body[1] ?? '').split('/').slice(1).join('.');
    return field
      ? `Invalid request body field '${field}': ${body[2]}`
      : `Invalid request body: ${body[2]}`;
  }

  const invalid = /^request\/(query|params)\/([^ /]+) (must .*)$/.exec(message);
  if (!invalid) return undefined;
  const where = WHERE[invalid[1] as keyof typeof WHERE];
  const name = invalid[2];
  const value =
    where === 'query' ? req.query?.[name] : req.openapi?.pathParams?.[name];
  const schema = req.openapi?.schema?.parameters?.find(
    p => p.name === name && p.in === where,
  )?.schema;

  // `a=1&a=2` and `a[x]=1` arrive as an array or an object.
  const repeated = typeof value === 'object' && value !== null;
  let rule = invalid[3];
  if (repeated) {
    rule = 'must be given once, as plain text';
  } else if (schema?.enum) {
    rule = `must be one of ${schema.enum.join(', ')}`;
  } else if (schema?.description && RULE_WORDS.test(rule)) {
    rule = `must be ${schema.description}`;
  }
  const got = value !== undefined && !repeated ? `, got ${quote(value)}` : '';
  return `Invalid ${where} parameter '${name}': ${rule}${got}`;
}

/**
 * Error middleware to install right after the validator: only the validator's and the
 * body parser's errors pass through it (handlers come later in the stack).
 */
export const rewordValidationErrors: ErrorRequestHandler = (
  error,
  req,
  _res,
  next,
) => {
  // By name: the validator's `InputError` may come from another copy of the package.
  const message =
    isError(error) && error.name === 'InputError'
      ? describeValidationMessage(error.message, req as ValidatedRequest)
      : undefined;
  next(message ? new InputError(message) : error);
};
