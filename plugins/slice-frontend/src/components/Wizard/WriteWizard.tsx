import type { ReactNode } from 'react';
import { ConflictDialog } from './ConflictDialog';
import { ReviewStep, type ReviewStepProps } from './ReviewStep';
import type { useWizardWrite } from './useWizardWrite';
import { Wizard, type WizardStep } from './Wizard';

/** The review → apply cycle a write wizard runs (from `useWizardWrite`). */
export type WizardWrite = ReturnType<typeof useWizardWrite>;

/**
 * A wizard whose last step writes: the steps, then the review (the dry run's YAML and
 * findings, Download YAML, Apply) or, once applied, what follows the write; and the 409
 * dialog. Every write wizard is this, so they all behave alike.
 */
export function WriteWizard(props: {
  write: WizardWrite;
  steps: WizardStep[];
  /** The review step's title. */
  title: string;
  /** Shown once the write was applied, instead of the review (progress, the result). */
  applied?: ReactNode;
  /** Shown above the review (a diff, a plan). */
  beforeReview?: ReactNode;
  review: Pick<ReviewStepProps, 'steps' | 'fileName' | 'request'>;
}) {
  const { write } = props;
  return (
    <>
      <ConflictDialog
        open={Boolean(write.conflict)}
        message={write.conflict?.message ?? ''}
        onReload={write.reloadAndReapply}
        onClose={write.dismissConflict}
      />
      <Wizard
        steps={props.steps}
        findings={write.findings}
        onReview={write.runReview}
        locked={Boolean(props.applied) || write.applying}
        review={{
          title: props.title,
          content: props.applied ?? (
            <>
              {props.beforeReview}
              <ReviewStep
                {...props.review}
                checking={write.checking}
                result={write.review}
                error={write.error}
                findings={write.findings}
                applying={write.applying}
                onApply={write.apply}
                onRetry={write.runReview}
              />
            </>
          ),
        }}
      />
    </>
  );
}
