import { ApiError } from '../api/errors';

/**
 * Consulted before every request to a virtual cluster (fault injection):
 * an optional delay, then optionally an error status instead of the answer.
 * It sees the resource (plural) a request addresses, so one kind can fail
 * while the rest of the cluster works; a watch of it gets the error status
 * instead of a stream, as from a real API server.
 */
export type RequestGate = (request: { cluster: string; resource?: string }) => {
  delayMs: number;
  errorCode?: number;
};

/** The Status a gated request gets, with the reason the API server uses for that code. */
export function gateError(code: number): ApiError {
  switch (code) {
    case 503:
      return new ApiError(
        503,
        'ServiceUnavailable',
        'the server is currently unable to handle the request',
      );
    case 429:
      return new ApiError(
        429,
        'TooManyRequests',
        'the server has received too many requests and has asked us to try again later',
      );
    case 504:
      return new ApiError(
        504,
        'Timeout',
        'the server was unable to return a response in the time allotted',
      );
    default:
      return new ApiError(
        code,
        code >= 500 ? 'InternalError' : 'BadRequest',
        `Internal error occurred: injected fault (HTTP ${code})`,
      );
  }
}
