import type {
  PreflightCode,
  PreflightResult,
  PreflightSeverity,
} from './types';

/**
 * Collects the results of the rule modules. Identical findings (same path,
 * code and severity) are kept once: two rules may reach the same conclusion
 * from different sides (e.g. a bad cluster listed in two places).
 */
export class Findings {
  private readonly list: PreflightResult[] = [];
  private readonly seen = new Set<string>();

  add(
    severity: PreflightSeverity,
    path: string,
    code: PreflightCode,
    message: string,
  ): void {
    const key = `${severity}\u0000${path}\u0000${code}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ path, code, message, severity });
  }

  error(path: string, code: PreflightCode, message: string): void {
    this.add('error', path, code, message);
  }

  warning(path: string, code: PreflightCode, message: string): void {
    this.add('warning', path, code, message);
  }

  /** `error` when the webhook checks this now, else `warning` (the controller or worker finds out later). */
  enforcedOrLater(
    enforced: boolean,
    path: string,
    code: PreflightCode,
    message: string,
  ): void {
    this.add(enforced ? 'error' : 'warning', path, code, message);
  }

  get results(): PreflightResult[] {
    return [...this.list];
  }
}

/** Whether any result would make the hub refuse the write. */
export function hasPreflightErrors(
  results: readonly PreflightResult[],
): boolean {
  return results.some(r => r.severity === 'error');
}
