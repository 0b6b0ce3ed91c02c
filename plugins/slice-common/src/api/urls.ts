/**
 * URLs of the API document's routes, and its refusals' bodies, for every client of the slice
 * backend (the app's SliceClient, SliceApiClient of the node library).
 */
import type { ApiSchema } from './types';

/** A path of the document with its `{name}` parameters filled in, each URL-encoded. */
export function fillApiPath(template: string, params: object): string {
  const values = params as Record<string, string>;
  return template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(values[name]),
  );
}

/** `?a=1&b=2` from the defined, non-empty values; '' when there are none. */
export function apiQueryString(query: object = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The `error` of a refusal's body (`{ error: { message, fields, permission, cluster } }`), or
 * undefined when the body is not that JSON (a proxy's HTML page, say): callers then fall back
 * to the status and text.
 */
export function parseWriteError(
  text: string,
): Partial<ApiSchema<'WriteError'>['error']> | undefined {
  try {
    const body = JSON.parse(text) as Partial<ApiSchema<'WriteError'>>;
    const error = body?.error;
    if (!error || typeof error !== 'object') return undefined;
    return {
      ...error,
      fields: Array.isArray(error.fields) ? error.fields : [],
    };
  } catch {
    return undefined;
  }
}
