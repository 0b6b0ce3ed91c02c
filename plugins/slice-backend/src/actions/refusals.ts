import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { SliceApiError } from '@slice-portal/plugin-slice-node';

/**
 * A refusal of the slice API as one of Backstage's errors, which the MCP server passes to the
 * AI client by name and message ("NotAllowedError: …"); anything else would reach it only as
 * an internal error. Field errors are listed under the message, by input path.
 */
export function asActionError(error: unknown): Error {
  if (!(error instanceof SliceApiError)) return error as Error;
  const fields = error.fields.map(f => `- ${f.path}: ${f.message}`);
  const message = [error.message, ...fields].join('\n');
  switch (error.status) {
    case 400:
      return new InputError(message);
    case 403:
      return new NotAllowedError(
        error.permission
          ? `${message} (permission ${error.permission})`
          : message,
      );
    case 404:
      return new NotFoundError(message);
    case 409:
      return new ConflictError(message);
    default:
      return new ServiceUnavailableError(message);
  }
}

/** Runs a call of the slice API, its refusals turned into Backstage errors. */
export async function refusalsAsErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asActionError(error);
  }
}
