/**
 * Human-readable age, as the API server's `duration.HumanDuration` prints it in
 * Table cells (`45s`, `12m`, `5h3m`, `20d`, `2y45d`).
 */
export function humanDuration(since: string | undefined, now: Date): string {
  if (!since) return '<unknown>';
  const seconds = Math.floor((now.getTime() - Date.parse(since)) / 1000);
  if (!Number.isFinite(seconds)) return '<invalid>';
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10)
    return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8)
    return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8)
    return hours % 24 === 0
      ? `${Math.floor(hours / 24)}d`
      : `${Math.floor(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  const days = Math.floor(hours / 24);
  return `${Math.floor(days / 365)}y${
    days % 365 === 0 ? '' : `${days % 365}d`
  }`;
}
