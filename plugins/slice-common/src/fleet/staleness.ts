/** Workers refresh status about every 120 s; after 5 min without an update we call it stale. */
export const STALE_AFTER_MS = 5 * 60 * 1000;

export function isStale(lastUpdated: string | undefined, now: Date): boolean {
  if (!lastUpdated) return false;
  const at = Date.parse(lastUpdated);
  if (Number.isNaN(at)) return false;
  return now.getTime() - at > STALE_AFTER_MS;
}

/** "last update 12 min ago", for reasons shown to people. */
export function describeAge(
  lastUpdated: string | undefined,
  now: Date,
): string {
  if (!lastUpdated) return 'never updated';
  const ms = now.getTime() - Date.parse(lastUpdated);
  if (Number.isNaN(ms)) return 'unparseable time';
  const minutes = Math.round(ms / 60000);
  if (minutes < 120) return `last update ${minutes} min ago`;
  return `last update ${Math.round(minutes / 60)} h ago`;
}
