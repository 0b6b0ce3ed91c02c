import {
  parseWriteError,
  type ApiSchema,
} from '@slice-portal/plugin-slice-common';

/** The body the write routes answer a refusal with (`WriteError` in the API document). */
export type WriteErrorBody = ApiSchema<'WriteError'>;
/** One field a refusal is about (`spec.sliceSubnet`), from the request check, preflight or the cluster. */
export type WriteFieldError = NonNullable<
  WriteErrorBody['error']['fields']
>[number];

/**
 * What kind of refusal it is, for the UI to switch on:
 * - `invalid`: 400, the request, preflight or the API server refused it; `fields` name the fields
 * - `forbidden`: 403, the permission policy (`permission`) or the cluster refused it
 * - `conflict`: 409, someone else changed the object (or it already exists)
 * - `notFound`: 404; `unauthenticated`: 401; `unavailable`: 503, the hub could not be reached
 * - `network`: no answer at all (the backend could not be reached; the request may not have arrived)
 * - `unknown`: any other status
 */
export type WriteErrorKind =
  | 'invalid'
  | 'forbidden'
  | 'conflict'
  | 'notFound'
  | 'unauthenticated'
  | 'unavailable'
  | 'network'
  | 'unknown';

const KIND_BY_STATUS: Record<number, WriteErrorKind> = {
  400: 'invalid',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'notFound',
  409: 'conflict',
  503: 'unavailable',
};

/** A write the backend refused or that got no answer, with what the UI needs to show it. */
export class SliceWriteError extends Error {
  readonly name = 'SliceWriteError';
  readonly kind: WriteErrorKind;
  /** HTTP status; 0 when there was no answer. */
  readonly status: number;
  readonly fields: WriteFieldError[];
  /** The permission the policy refused (403 from the policy). */
  readonly permission?: string;
  /** The cluster API server that answered, when it was one. */
  readonly cluster?: WriteErrorBody['error']['cluster'];

  constructor(options: {
    status: number;
    message: string;
    fields?: WriteFieldError[];
    permission?: string;
    cluster?: WriteErrorBody['error']['cluster'];
    kind?: WriteErrorKind;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.status = options.status;
    this.kind = options.kind ?? KIND_BY_STATUS[options.status] ?? 'unknown';
    this.fields = options.fields ?? [];
    this.permission = options.permission;
    this.cluster = options.cluster;
  }

  /** From a non-OK answer; a body that is not the documented JSON still gives status and text. */
  static async fromResponse(response: Response): Promise<SliceWriteError> {
    const text = await response.text().catch(() => '');
    const error = parseWriteError(text);
    return new SliceWriteError({
      status: response.status,
      message:
        error?.message ||
        text.slice(0, 500) ||
        `HTTP ${response.status} ${response.statusText}`.trim(),
      fields: error?.fields ?? [],
      permission: error?.permission,
      cluster: error?.cluster,
    });
  }

  /** The request got no answer (backend down, connection lost). */
  static network(cause: unknown): SliceWriteError {
    return new SliceWriteError({
      status: 0,
      kind: 'network',
      message: `The backend could not be reached: ${
        (cause as Error)?.message ?? String(cause)
      }`,
      cause,
    });
  }
}

export function isSliceWriteError(error: unknown): error is SliceWriteError {
  return error instanceof SliceWriteError;
}
