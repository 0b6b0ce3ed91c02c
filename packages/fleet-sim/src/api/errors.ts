/**
 * Kubernetes `Status` errors.
 *
 * Clients (client-node, kubectl, the plugin's own error mapping) branch on
 * `code` and `reason`, so every failure the simulator returns is a real
 * `meta/v1 Status` object with the same reason/code pairs as the API server.
 */

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: Array<{ reason?: string; message?: string; field?: string }>;
  retryAfterSeconds?: number;
}

export interface StatusObject {
  kind: 'Status';
  apiVersion: 'v1';
  /** ListMeta: only a 410 for a compacted `continue` token carries one (a token to go on inconsistently). */
  metadata: { continue?: string };
  status: 'Failure' | 'Success';
  message: string;
  reason: string;
  code: number;
  details?: StatusDetails;
}

/** Names a resource in error messages the way the API server does (`sliceconfigs.controller.kubeslice.io`). */
export interface ResourceRef {
  plural: string;
  group: string;
}

export function qualifiedResource(ref: ResourceRef): string {
  return ref.group ? `${ref.plural}.${ref.group}` : ref.plural;
}

/** An error that is rendered to the client as a `Status` object. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toStatus(): StatusObject {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      code: this.code,
      ...(this.details ? { details: this.details } : {}),
    };
  }

  static badRequest(message: string): ApiError {
    return new ApiError(400, 'BadRequest', message);
  }

  static unauthorized(): ApiError {
    return new ApiError(401, 'Unauthorized', 'Unauthorized');
  }

  static forbidden(
    message: string,
    ref?: ResourceRef,
    name?: string,
  ): ApiError {
    return new ApiError(
      403,
      'Forbidden',
      message,
      ref ? { name, group: ref.group, kind: ref.plural } : undefined,
    );
  }

  static notFound(ref: ResourceRef, name: string): ApiError {
    return new ApiError(
      404,
      'NotFound',
      `${qualifiedResource(ref)} "${name}" not found`,
      {
        name,
        group: ref.group,
        kind: ref.plural,
      },
    );
  }

  /** 404 for a URL that names no known resource or endpoint. */
  static pathNotFound(): ApiError {
    return new ApiError(
      404,
      'NotFound',
      'the server could not find the requested resource',
      {},
    );
  }

  static methodNotAllowed(verb: string, what: string): ApiError {
    return new ApiError(
      405,
      'MethodNotAllowed',
      `${verb} is not supported on ${what}`,
    );
  }

  static alreadyExists(ref: ResourceRef, name: string): ApiError {
    return new ApiError(
      409,
      'AlreadyExists',
      `${qualifiedResource(ref)} "${name}" already exists`,
      {
        name,
        group: ref.group,
        kind: ref.plural,
      },
    );
  }

  static conflict(
    ref: ResourceRef,
    name: string,
    why = 'the object has been modified; please apply your changes to the latest version and try again',
  ): ApiError {
    return new ApiError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualifiedResource(
        ref,
      )} "${name}": ${why}`,
      {
        name,
        group: ref.group,
        kind: ref.plural,
      },
    );
  }

  /** 410: the requested resourceVersion has been compacted out of the watch history. */
  static gone(requested: number, oldest: number): ApiError {
    return new ApiError(
      410,
      'Expired',
      `too old resource version: ${requested} (${oldest})`,
    );
  }

  static unsupportedMediaType(contentType: string): ApiError {
    return new ApiError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json, application/merge-patch+json, application/json-patch+json (got "${contentType}")`,
    );
  }

  /** 422 with field causes, like admission/validation failures. */
  static invalid(
    ref: ResourceRef & { kind: string },
    name: string,
    causes: Array<{ field: string; message: string }>,
  ): ApiError {
    const summary = causes.map(c => `${c.field}: ${c.message}`).join(', ');
    return new ApiError(
      422,
      'Invalid',
      `${ref.kind}.${ref.group || 'core'} "${name}" is invalid: ${summary}`,
      {
        name,
        group: ref.group,
        kind: ref.kind,
        causes: causes.map(c => ({
          reason: 'FieldValueInvalid',
          message: c.message,
          field: c.field,
        })),
      },
    );
  }

  /**
   * 422 with typed causes (schema validation, admission), worded like the
   * API server: `Kind.group "name" is invalid: [field: message, ...]`.
   */
  static invalidFields(
    ref: ResourceRef & { kind: string },
    name: string,
    causes: Array<{ field: string; message: string; reason?: string }>,
  ): ApiError {
    const parts = causes.map(c => `${c.field}: ${c.message}`);
    const summary = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
    return new ApiError(
      422,
      'Invalid',
      `${ref.kind}.${ref.group || 'core'} "${name}" is invalid: ${summary}`,
      {
        name,
        group: ref.group,
        kind: ref.kind,
        causes: causes.map(c => ({
          reason: c.reason ?? 'FieldValueInvalid',
          message: c.message,
          field: c.field,
        })),
      },
    );
  }

  /** 422 for a patch that cannot be applied (failed `test`, missing path). */
  static invalidPatch(message: string): ApiError {
    return new ApiError(
      422,
      'Invalid',
      `the server rejected our request due to an error in our request: ${message}`,
    );
  }

  static internal(message: string): ApiError {
    return new ApiError(
      500,
      'InternalError',
      `Internal error occurred: ${message}`,
    );
  }
}
