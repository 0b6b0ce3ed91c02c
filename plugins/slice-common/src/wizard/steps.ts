/**
 * Which wizard step a field belongs to, so an error about `spec.sliceSubnet` (from
 * preflight, the request check or the API server) is shown beside that field and the
 * review can send the user back to the step that has it. Pure: no I/O.
 */

/** What a step declares about itself: the field paths (prefixes) it edits. */
export interface WizardStepFields {
  id: string;
  /** Field paths or prefixes: `spec.clusters` owns `spec.clusters[2]` and `spec.clusters.x`. */
  fields: readonly string[];
}

/** Anything with a field path: a preflight finding, a 400's field. */
export interface FieldPathed {
  path: string;
}

/** Whether `path` is the field `prefix` or inside it. */
export function fieldMatches(prefix: string, path: string): boolean {
  if (prefix === path) return true;
  if (!path.startsWith(prefix)) return false;
  const next = path.charAt(prefix.length);
  return next === '.' || next === '[';
}

/**
 * The step owning `path`: the one with the longest matching prefix (so a step owning
 * `spec.namespaceIsolationProfile.allowedNamespaces` wins over one owning
 * `spec.namespaceIsolationProfile`), or undefined when no step declares it.
 */
export function stepOfField(
  steps: readonly WizardStepFields[],
  path: string,
): string | undefined {
  let best: { id: string; length: number } | undefined;
  for (const step of steps) {
    for (const prefix of step.fields) {
      if (
        fieldMatches(prefix, path) &&
        (!best || prefix.length > best.length)
      ) {
        best = { id: step.id, length: prefix.length };
      }
    }
  }
  return best?.id;
}

/**
 * Findings grouped by the step that owns their field; those no step owns (the body as a
 * whole, a field the wizard does not edit) under `unassigned`, so none is dropped.
 */
export function findingsByStep<F extends FieldPathed>(
  steps: readonly WizardStepFields[],
  findings: readonly F[],
): { byStep: Map<string, F[]>; unassigned: F[] } {
  const byStep = new Map<string, F[]>();
  const unassigned: F[] = [];
  for (const finding of findings) {
    const id = stepOfField(steps, finding.path);
    if (id === undefined) {
      unassigned.push(finding);
    } else {
      byStep.set(id, [...(byStep.get(id) ?? []), finding]);
    }
  }
  return { byStep, unassigned };
}

/** The findings about exactly `field` or inside it (what a form field shows beside it). */
export function findingsForField<F extends FieldPathed>(
  findings: readonly F[],
  field: string,
): F[] {
  return findings.filter(f => fieldMatches(field, f.path));
}

/** The first step, in wizard order, that has one of `findings`; undefined when none has. */
export function firstStepWith(
  steps: readonly WizardStepFields[],
  findings: readonly FieldPathed[],
): string | undefined {
  const { byStep } = findingsByStep(steps, findings);
  return steps.find(s => byStep.has(s.id))?.id;
}
