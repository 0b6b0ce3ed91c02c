/**
 * Health values and their roll-up. Every health carries the reasons that produced it,
 * so the UI can say *why* something is not ok instead of showing a bare colour.
 */
export type HealthState = 'ok' | 'warning' | 'error' | 'unknown';

export interface Health {
  state: HealthState;
  /** Human-readable causes, most important first; empty when ok. */
  reasons: string[];
}

/** How bad a state is, for picking the worst of several. `unknown` ranks between ok and warning. */
const SEVERITY: Record<HealthState, number> = {
  ok: 0,
  unknown: 1,
  warning: 2,
  error: 3,
};

export const HEALTH_STATES: readonly HealthState[] = [
  'ok',
  'warning',
  'error',
  'unknown',
];

export function healthOk(): Health {
  return { state: 'ok', reasons: [] };
}

export function health(state: HealthState, ...reasons: string[]): Health {
  return { state, reasons };
}

/** The worst state of the parts; reasons of the worst parts first, then the rest (deduplicated). */
export function worstHealth(parts: Health[]): Health {
  if (parts.length === 0) return healthOk();
  const sorted = [...parts].sort(
    (a, b) => SEVERITY[b.state] - SEVERITY[a.state],
  );
  const reasons: string[] = [];
  for (const part of sorted) {
    for (const reason of part.reasons) {
      if (!reasons.includes(reason)) reasons.push(reason);
    }
  }
  return { state: sorted[0].state, reasons };
}

export function compareHealth(a: HealthState, b: HealthState): number {
  return SEVERITY[a] - SEVERITY[b];
}
