import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import express from 'express';
import { inputError, type FieldProblem } from './kubeErrors';
import { sliceApiSpec } from '@slice-portal/plugin-slice-common';

/**
 * Request validation of the write routes, compiled from the slice API document
 * (`sliceApiSpec`, the write fragment in slice-common): path parameters, query
 * parameters (unknown ones refused) and the JSON body. A refusal is a
 * 400 whose message and `error.fields` name every offending field in the path style of the
 * objects (`spec.clusters[0]`), so it can be shown beside the form field.
 */

/** Largest request body a write route parses; a bigger one is a 400 before any work. */
export const MAX_BODY_BYTES = 100 * 1024;
/** At most this many problems are reported (a 10 000-element list yields one per element). */
const MAX_PROBLEMS = 20;
/** Where jsonBody() leaves a body it could not parse, for validateRequest to throw. */
const BODY_ERROR = Symbol('slice.write.bodyError');

type Parameter = {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema: Record<string, any>;
};
type OperationSpec = {
  operationId: string;
  parameters?: readonly Parameter[];
  requestBody?: {
    required?: boolean;
    content: { 'application/json': { schema: { $ref: string } } };
  };
};

export interface ValidatedRequest {
  params: Record<string, string>;
  query: Record<string, string | boolean>;
  body: any;
}

const ajv = new Ajv({
  allErrors: true,
  strict: false,
  verbose: true,
  // Formats (date-time) appear in response schemas only.
  validateFormats: false,
});
ajv.addSchema({ $id: 'slice', components: sliceApiSpec.components });

function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, segment) => {
      if (/^\d+$/.test(segment)) return `${path}[${segment}]`;
      if (!/^[A-Za-z_][\w-]*$/.test(segment))
        return `${path}[${JSON.stringify(segment)}]`;
      return path ? `${path}.${segment}` : segment;
    }, '');
}

function join(path: string, key: string): string {
  if (!/^[A-Za-z_][\w-]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** One ajv error as a field problem with a sentence a user can act on. */
function problemOf(error: ErrorObject, prefix: string): FieldProblem {
  const at = pointerToPath(error.instancePath);
  const path = (p: string) => {
    if (!prefix) return p;
    return p ? `${prefix}.${p}` : prefix;
  };
  const description = (error.parentSchema as { description?: string })
    ?.description;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = join(at, String(error.params.additionalProperty));
      return {
        path: path(field),
        message: `${path(field)} is not a known field`,
        source: 'request',
      };
    }
    case 'required': {
      const field = join(at, String(error.params.missingProperty));
      return {
        path: path(field),
        message: `${path(field)} is required`,
        source: 'request',
      };
    }
    case 'pattern':
      // Descriptions in the document read after "must be" (as in the read API's 400s).
      return {
        path: path(at),
        message: `${path(at)} must be ${
          description ?? `in the format ${error.params.pattern}`
        }, got ${shown(error.data)}`,
        source: 'request',
      };
    case 'propertyNames':
      return {
        path: path(join(at, String(error.params.propertyName))),
        message: `${path(at)}: key ${shown(
          error.params.propertyName,
        )} is not a valid label key`,
        source: 'request',
      };
    default:
      return {
        path: path(at),
        message: `${path(at) || 'the body'} ${error.message}${
          error.keyword === 'enum'
            ? `: ${(error.params.allowedValues as unknown[]).join(', ')}`
            : ''
        }`,
        source: 'request',
      };
  }
}

function problemsOf(
  validate: ValidateFunction,
  prefix: string,
): FieldProblem[] {
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  for (const error of validate.errors ?? []) {
    // propertyNames reports the inner pattern too; the outer error says it better.
    if (error.propertyName !== undefined && error.keyword === 'pattern')
      continue;
    const problem = problemOf(error, prefix);
    if (seen.has(problem.message)) continue;
    seen.add(problem.message);
    out.push(problem);
  }
  return out;
}

function refuse(what: string, problems: FieldProblem[]): never {
  const listed = problems.slice(0, MAX_PROBLEMS);
  const more =
    problems.length > listed.length
      ? ` (and ${problems.length - listed.length} more)`
      : '';
  throw inputError(
    `Invalid ${what}: ${listed.map(p => p.message).join('; ')}${more}`,
    listed,
  );
}

interface CompiledOperation {
  params: ValidateFunction;
  query: ValidateFunction;
  booleanQuery: Set<string>;
  body?: { validate: ValidateFunction; required: boolean };
}

function compile(operation: OperationSpec): CompiledOperation {
  const parameters = operation.parameters ?? [];
  const group = (where: 'path' | 'query') => {
    const list = parameters.filter(p => p.in === where);
    return ajv.compile({
      type: 'object',
      additionalProperties: where === 'path',
      required: list.filter(p => p.required).map(p => p.name),
      properties: Object.fromEntries(list.map(p => [p.name, p.schema])),
    });
  };
  const bodyRef = operation.requestBody?.content['application/json'].schema;
  return {
    params: group('path'),
    query: group('query'),
    booleanQuery: new Set(
      parameters
        .filter(p => p.in === 'query' && p.schema.type === 'boolean')
        .map(p => p.name),
    ),
    body: bodyRef
      ? {
          validate: ajv.compile({ $ref: `slice${bodyRef.$ref}` }),
          required: operation.requestBody?.required ?? false,
        }
      : undefined,
  };
}

const compiled = new Map<string, CompiledOperation>();

/** The operation of the document with this id, compiled on first use. */
function operationOf(operationId: string): CompiledOperation {
  let op = compiled.get(operationId);
  if (op) return op;
  const spec = Object.values(sliceApiSpec.paths)
    .flatMap(item => Object.values(item) as OperationSpec[])
    .find(o => o.operationId === operationId);
  if (!spec)
    throw new Error(`The API document has no operation ${operationId}`);
  op = compile(spec);
  compiled.set(operationId, op);
  return op;
}

/** Fails (at start) when an operation the write router serves is not in the document. */
export function requireDocumented(operationId: string): void {
  operationOf(operationId);
}

/** Validates one request against its operation in the OpenAPI fragment; throws a 400 naming the fields. */
export function validateRequest(
  operationId: string,
  req: Pick<express.Request, 'params' | 'query' | 'body'>,
): ValidatedRequest {
  const op = operationOf(operationId);
  const bodyError = (req as any)[BODY_ERROR];
  if (bodyError) throw bodyError;

  const params = { ...req.params } as Record<string, string>;
  if (!op.params(params)) refuse('path', problemsOf(op.params, 'params'));

  const query: Record<string, string | boolean> = {};
  const queryProblems: FieldProblem[] = [];
  for (const [key, value] of Object.entries(req.query ?? {})) {
    if (typeof value !== 'string') {
      queryProblems.push({
        path: `query.${key}`,
        message: `query.${key} must be given once, as a plain value`,
        source: 'request',
      });
      continue;
    }
    // Query values are strings on the wire; booleans are spelled true/false.
    if (op.booleanQuery.has(key) && (value === 'true' || value === 'false'))
      query[key] = value === 'true';
    else query[key] = value;
  }
  if (queryProblems.length) refuse('query', queryProblems);
  if (!op.query(query)) refuse('query', problemsOf(op.query, 'query'));

  let body = req.body;
  if (op.body) {
    if (body === undefined && !op.body.required) body = {};
    if (body === undefined) {
      refuse('body', [
        {
          path: '',
          message:
            'the request needs a JSON object body (Content-Type: application/json)',
          source: 'request',
        },
      ]);
    }
    if (!op.body.validate(body))
      refuse('body', problemsOf(op.body.validate, ''));
  }
  return { params, query, body };
}

/**
 * express.json for one write route, with a bounded size. A body that is too large or not
 * JSON is not answered here: the error is kept on the request and thrown by
 * `validateRequest`, inside the route, so the refusal is audited like any other.
 */
export function jsonBody(): express.RequestHandler {
  const parse = express.json({ limit: MAX_BODY_BYTES, strict: true });
  return (req, res, next) => {
    parse(req, res, (error?: any) => {
      if (error) (req as any)[BODY_ERROR] = bodyProblem(error);
      next();
    });
  };
}

function bodyProblem(error: { type?: string; message?: string }) {
  if (error.type === 'entity.too.large') {
    return inputError(
      `Invalid body: larger than ${MAX_BODY_BYTES / 1024} KiB`,
      [{ path: '', message: 'the body is too large', source: 'request' }],
    );
  }
  if (error.type === 'entity.parse.failed') {
    return inputError('Invalid body: not valid JSON', [
      { path: '', message: 'the body is not valid JSON', source: 'request' },
    ]);
  }
  return inputError(`Invalid body: ${error.message}`, [
    { path: '', message: String(error.message), source: 'request' },
  ]);
}
