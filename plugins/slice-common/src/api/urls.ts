/**
 * URLs of the API document's routes, for every client of the slice backend (the app's
 * SliceClient, the scaffolder actions, the catalog provider).
 */

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
