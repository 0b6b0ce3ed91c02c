/** The message of a client-node error, which may be an ApiException, a fetch error or a status object. */
export function describeError(error: unknown): string {
  if (!error) return 'unknown error';
  const e = error as {
    code?: number;
    statusCode?: number;
    body?: unknown;
    message?: string;
    cause?: { code?: string };
  };
  if (typeof e.code === 'number' && e.body) {
    try {
      const body = typeof e.body === 'string' ? JSON.parse(e.body) : e.body;
      if (body?.message) return `HTTP ${e.code}: ${body.message}`;
    } catch {
      // body was not JSON; fall through to the message
    }
    return `HTTP ${e.code}`;
  }
  // client-node's watch reports a refused request as an Error with `statusCode`.
  if (typeof e.statusCode === 'number')
    return `HTTP ${e.statusCode}${e.message ? `: ${e.message}` : ''}`;
  if (e.cause?.code)
    return `${e.message ?? 'request failed'} (${e.cause.code})`;
  return e.message ?? String(error);
}
