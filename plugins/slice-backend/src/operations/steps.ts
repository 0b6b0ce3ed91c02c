import type { OperationPhase, OperationStep } from './types';

/**
 * How phases turn into the flat step list an operation shows: a phase not yet reached is
 * one pending step named after it; a reached phase shows the steps its check returned (or
 * one step for itself when it returned none). Pure, so the rules are tested on their own.
 */
export function phaseTitleStep(
  phase: OperationPhase,
  index: number,
  state: OperationStep['state'],
): OperationStep {
  return { id: `phase-${index + 1}`, title: phase.title, state };
}

/** A completed phase's steps: whatever the check left pending or running is done now. */
export function completedSteps(steps: OperationStep[]): OperationStep[] {
  return steps.map(s =>
    s.state === 'pending' || s.state === 'running'
      ? { ...s, state: 'done' }
      : s,
  );
}

/**
 * The steps of the phase that was active when the operation failed or timed out: the
 * running ones failed with it, unless the check already named the step that failed.
 */
export function interruptedSteps(
  steps: OperationStep[],
  detail: string,
): OperationStep[] {
  if (steps.some(s => s.state === 'failed')) return steps;
  return steps.map(s =>
    s.state === 'running'
      ? { ...s, state: 'failed', detail: s.detail ?? detail }
      : s,
  );
}

/** Only the fields of a step, as strings: a check's extra properties are not stored. */
export function cleanStep(step: OperationStep): OperationStep {
  return {
    id: String(step.id),
    title: String(step.title),
    state: step.state,
    ...(step.detail !== undefined ? { detail: String(step.detail) } : {}),
  };
}
