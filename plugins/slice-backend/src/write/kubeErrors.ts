import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';

/**
 * Errors of the write API. Backstage's error handler serialises every enumerable
 * property of an error, so the extra fields below reach the client as they are; none of
 * them is named `status` or `statusCode`, which the handler would take as the HTTP status.
 */

/** One field a refusal is about, with the path in the object (`spec.clusters[2]`). */
export interface FieldProblem {
  path: string;
  message: string;
  /** Where the problem was found: the request itself, preflight, or the cluster's API server. */
  source: 'request' | 'preflight' | 'cluster';
  /** Preflight code (`subnet.notPrivate`) or the API server's cause reason (`FieldValueInvalid`). */
  code?: string;
}

/** What the API server answered, when the error came from it. */
export interface ClusterAnswer {
  /** `hub demo` or `worker aws-east`. */
  target: string;
  httpStatus: number;
  reason?: string;
}

type Decorated = Error & { fields?: FieldProblem[]; cluster?: ClusterAnswer };

function decorate<E extends Error>(
  error: E,
  extra: { fields?: FieldProblem[]; cluster?: ClusterAnswer },
): E {
  const target = error as E & Decorated;
  if (extra.fields?.length) target.fields = extra.fields;
  if (extra.cluster) target.cluster = extra.cluster;
  return error;
}

/** A 400 that names the fields, for request validation and preflight refusals. */
export function inputError(
  message: string,
  fields: FieldProblem[],
): InputError {
  return decorate(new InputError(message), { fields });
}

interface StatusBody {
  kind?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: {
    causes?: { field?: string; message?: string; reason?: string }[];
  };
}

function parseStatus(body: unknown): StatusBody | undefined {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return body ? { message: body.slice(0, 2000) } : undefined;
    }
  }
  return value && typeof value === 'object' ? (value as StatusBody) : undefined;
}

/** An HTTP answer from an API server, as client-node throws it (`ApiException`). */
function httpCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'number' && code >= 100 && code <= 599
    ? code
    : undefined;
}

/** Whether the error is the API server's 409 for a stale resourceVersion (not "already exists"). */
export function isResourceVersionConflict(error: unknown): boolean {
  const mapped = (error as Decorated | undefined)?.cluster;
  if (mapped)
    return mapped.httpStatus === 409 && mapped.reason !== 'AlreadyExists';
  if (httpCode(error) !== 409) return false;
  const status = parseStatus((error as { body?: unknown }).body);
  return status?.reason !== 'AlreadyExists';
}

export function isNotFound(error: unknown): boolean {
  const mapped = (error as Decorated | undefined)?.cluster;
  return (mapped ? mapped.httpStatus : httpCode(error)) === 404;
}

/**
 * Maps what a cluster's API server (or the way to it) answered to the API's own errors,
 * carrying the server's message and field causes, so nothing the cluster says becomes a
 * 500: 400/422 (schema and admission denials) → 400, 409 → 409, 403 → 403, 404 → 404;
 * 401 (the portal's own credentials refused), 429, 5xx and network failures → 503.
 * Anything that is not an answer from a cluster is returned unchanged.
 */
export function kubeErrorToApiError(error: unknown, target: string): unknown {
  const code = httpCode(error);
  if (code === undefined) {
    if (isTransportError(error)) {
      return new ServiceUnavailableError(
        `${target} could not be reached: ${(error as Error).message}`,
      );
    }
    return error;
  }
  const status = parseStatus((error as { body?: unknown }).body);
  const message =
    status?.message || `${target} answered HTTP ${code} without a message`;
  const cluster: ClusterAnswer = {
    target,
    httpStatus: code,
    reason: status?.reason,
  };
  const fields: FieldProblem[] = (status?.details?.causes ?? [])
    .filter(c => c.field || c.message)
    .map(c => ({
      path: c.field ?? '',
      message: c.message ?? '',
      source: 'cluster',
      code: c.reason,
    }));
  switch (code) {
    case 400:
    case 422:
      return decorate(new InputError(message), { fields, cluster });
    case 409:
      return decorate(new ConflictError(message), { fields, cluster });
    case 403:
      return decorate(
        new NotAllowedError(
          `${target} refused the portal's write credentials: ${message}`,
        ),
        { cluster },
      );
    case 404:
      return decorate(new NotFoundError(message), { cluster });
    case 401:
      return decorate(
        new ServiceUnavailableError(
          `${target} did not accept the portal's credentials (401); check the write credentials in the config`,
        ),
        { cluster },
      );
    default:
      return decorate(
        new ServiceUnavailableError(`${target} answered ${code}: ${message}`),
        { cluster },
      );
  }
}

/** Connection refused, reset, TLS failures, timeouts: the request never got an answer. */
function isTransportError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return true;
  if (error.name === 'FetchError') return true;
  const code = (error as { code?: unknown }).code;
  return (
    typeof code === 'string' &&
    /^(E[A-Z]+|UND_ERR_.*|CERT_.*|DEPTH_ZERO_.*|SELF_SIGNED_.*|UNABLE_TO_.*)$/.test(
      code,
    )
  );
}
