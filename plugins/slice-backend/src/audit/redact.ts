/**
 * Defensive scrubbing of audit text. Audit rows are read back through the API and kept for
 * a long time, so nothing that might be a credential is stored, even when a caller passes an
 * error message that quotes a kubeconfig or an Authorization header. Over-redacting a
 * harmless string is the accepted cost.
 */
export const REDACTED = '[REDACTED]';

/** Field names whose values are never kept (token, password, secret, caData, key, ...). */
const SENSITIVE_NAME =
  /(token|passw(or)?d|secret|cadata|ca\.crt|tls\.key|certificate|authorization|credential|private|cookie|(^|[-_.])key$|[a-z0-9]Key$|^key$)/i;

export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

const PEM = /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(?:-----END [A-Z0-9 ]+-----|$)/g;
const AUTH_SCHEME = /\b(bearer|basic)\s+[A-Za-z0-9\-._~+/]+=*/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
/** `token: x`, `"password":"x"`, `caData=x`, `client-key-data: x` ... */
// The name prefix is bounded so that a long run of name characters cannot make this quadratic.
const NAMED_VALUE =
  /(["']?)([A-Za-z0-9_.-]{0,64}(?:token|passw(?:or)?d|secret|cadata|ca\.crt|tls\.key|certificate-data|key-data|private[-_]?key|api[-_]?key|authorization|cookie|key))\1(\s*[:=]\s*)(?!(?:bearer|basic)\s)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;&}\]]+)/gi;
const BASE64_RUN = /[A-Za-z0-9+/_-]{40,}={0,2}/g;

/** A long run of base64 (or hex) characters that looks like key material rather than a name or a path. */
function looksLikeKeyMaterial(run: string): boolean {
  if (/=$/.test(run) || /\+/.test(run)) return true;
  if (/^[0-9a-f]{40,}$/i.test(run)) return true;
  return /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run);
}

/** The text with PEM blocks, bearer/basic credentials, JWTs, named secrets and key-like runs replaced. */
export function redactText(text: string): string {
  return text
    .replace(PEM, REDACTED)
    .replace(AUTH_SCHEME, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(
      NAMED_VALUE,
      (_m, quote: string, name: string, sep: string, value: string) => {
        const q = /^["']/.test(value) ? value[0] : '';
        return `${quote}${name}${quote}${sep}${q}${REDACTED}${q}`;
      },
    )
    .replace(BASE64_RUN, run => (looksLikeKeyMaterial(run) ? REDACTED : run));
}

/** Deep copy with sensitive fields replaced and every string scrubbed. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return REDACTED; // nothing legitimate in an audit record is this deep
  if (Array.isArray(value)) return value.map(v => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = isSensitiveName(key) ? REDACTED : redactValue(v, depth + 1);
  }
  return out;
}

/** Scrubbed and cut to `max` characters (audit rows stay small). */
export function redactAndLimit(
  text: string | undefined,
  max: number,
): string | undefined {
  if (text === undefined || text === null) return undefined;
  // Cut before scrubbing too, so that scrubbing time is bounded by `max`, not by the input.
  const clean = redactText(String(text).slice(0, 2 * max));
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
