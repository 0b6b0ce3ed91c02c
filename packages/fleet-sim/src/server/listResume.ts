import { ApiError } from '../api/errors';
import type { ObjectStore } from '../store/ObjectStore';

/**
 * Resuming a list from an earlier revision: `continue` tokens and
 * `resourceVersionMatch=Exact`. Pages are taken from the live state, but a
 * token remembers the revision its list started at, so once that revision
 * is compacted (history limit, `fleet-sim fault compact`) the next page
 * answers 410 Expired like the API server's etcd, and client-go's pager
 * falls back to a full list.
 */

interface ContinueToken {
  /** Key (`<namespace>/<name>`) of the last item already returned. */
  after: string;
  /** Revision of the first page; absent = go on at the current state. */
  rv?: number;
}

/** The API server's wording (staging/src/k8s.io/apiserver/pkg/storage/etcd3). */
const INCONSISTENT_CONTINUE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';
const LIST_EXPIRED = 'The resourceVersion for the provided list is too old.';

/** 410 for a compacted token; its `metadata.continue` goes on from the same key at the current state. */
class ContinueExpired extends ApiError {
  constructor(private readonly next: string) {
    super(410, 'Expired', INCONSISTENT_CONTINUE);
  }

  override toStatus() {
    return { ...super.toStatus(), metadata: { continue: this.next } };
  }
}

export function encodeContinue(token: ContinueToken): string {
  return Buffer.from(JSON.stringify(token), 'utf8').toString('base64url');
}

function decodeContinue(token: string): ContinueToken {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      typeof parsed.after === 'string' &&
      (parsed.rv === undefined || Number.isInteger(parsed.rv))
    )
      return { after: parsed.after, rv: parsed.rv };
  } catch {
    // fall through
  }
  throw ApiError.badRequest(`invalid continue token "${token}"`);
}

/**
 * Where a list request starts: the key to continue after (if any) and the
 * revision its pages belong to. Throws 410 Expired when that revision (or an
 * exact `resourceVersion`) was compacted.
 */
export function listStart(
  store: ObjectStore,
  query: URLSearchParams,
): { after?: string; rv: number } {
  const oldest = store.oldestResumableVersion();
  const cont = query.get('continue');
  if (cont) {
    const token = decodeContinue(cont);
    if (token.rv !== undefined && token.rv < oldest)
      throw new ContinueExpired(encodeContinue({ after: token.after }));
    return { after: token.after, rv: token.rv ?? store.resourceVersion() };
  }
  const rv = Number(query.get('resourceVersion'));
  if (
    query.get('resourceVersionMatch') === 'Exact' &&
    Number.isInteger(rv) &&
    rv > 0 &&
    rv < oldest
  )
    throw new ApiError(410, 'Expired', LIST_EXPIRED);
  return { rv: store.resourceVersion() };
}
