import { useMemo, useState, type ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import Step from '@material-ui/core/Step';
import StepButton from '@material-ui/core/StepButton';
import StepLabel from '@material-ui/core/StepLabel';
import Stepper from '@material-ui/core/Stepper';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { findingsByStep } from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import { FindingsProvider, type WizardFinding } from './findings';
import { WizardNavContext } from './WizardContext';

/** One step, declared as data: what it is called, which fields it edits, what it shows. */
export interface WizardStep {
  id: string;
  title: string;
  /** Field paths (prefixes) this step edits: findings about them show here. */
  fields: readonly string[];
  content: ReactNode;
  /** Why the user cannot go on yet (shown beside Next), or undefined. */
  blocker?: string;
}

export interface WizardProps {
  steps: WizardStep[];
  /** The last step: usually a `<ReviewStep>`. */
  review: { title: string; content: ReactNode };
  findings: WizardFinding[];
  /** Called when the user reaches the review (run the dry run there). */
  onReview(): void;
  /** Hides the stepper's navigation (while applying and after). */
  locked?: boolean;
}

/**
 * The stepper every wizard of the plugin uses: steps as data, a review at the end, each
 * step's findings beside its fields and counted on its label (click a label to go there).
 * A step the user has not reached yet cannot be skipped to.
 */
export function Wizard({
  steps,
  review,
  findings,
  onReview,
  locked,
}: WizardProps) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const [active, setActive] = useState(0);
  const [reached, setReached] = useState(0);
  const reviewIndex = steps.length;
  const { byStep } = useMemo(
    () => findingsByStep(steps, findings),
    [steps, findings],
  );

  const go = (index: number) => {
    if (locked) return;
    setActive(index);
    setReached(r => Math.max(r, index));
    if (index === reviewIndex) onReview();
  };
  const nav = useMemo(
    () => ({
      goTo: (id: string) => {
        const index = steps.findIndex(s => s.id === id);
        if (index >= 0 && !locked) setActive(index);
      },
      stepTitle: (id: string) => steps.find(s => s.id === id)?.title,
    }),
    [steps, locked],
  );
  const current = steps[active];
  const firstBlocked = steps.findIndex(s => s.blocker);
  const canReach = (index: number) =>
    index <= reached && (firstBlocked < 0 || index <= firstBlocked);

  return (
    <WizardNavContext.Provider value={nav}>
      <FindingsProvider findings={findings}>
        <Paper variant="outlined">
          <Stepper activeStep={active} nonLinear alternativeLabel>
            {[...steps, { id: 'review', title: review.title }].map(
              (step, index) => {
                const errors = (byStep.get(step.id) ?? []).filter(
                  f => f.severity === 'error',
                ).length;
                return (
                  <Step
                    key={step.id}
                    completed={index < active}
                    data-testid={`wizard-step-${step.id}`}
                  >
                    <StepButton
                      onClick={() => go(index)}
                      disabled={locked || !canReach(index)}
                      optional={
                        errors > 0 ? (
                          <Typography variant="caption" color="error">
                            {t('wizard.stepHasErrors', {
                              n: String(errors),
                            })}
                          </Typography>
                        ) : undefined
                      }
                    >
                      <StepLabel error={errors > 0}>{step.title}</StepLabel>
                    </StepButton>
                  </Step>
                );
              },
            )}
          </Stepper>
          <Box
            px={3}
            pb={3}
            data-testid={`wizard-panel-${current?.id ?? 'review'}`}
          >
            <Typography variant="h5" gutterBottom>
              {current?.title ?? review.title}
            </Typography>
            {current ? current.content : review.content}
            {!locked && (
              <Box mt={3} display="flex" alignItems="center" style={{ gap: 8 }}>
                <Button disabled={active === 0} onClick={() => go(active - 1)}>
                  {t('wizard.back')}
                </Button>
                {current && (
                  <Button
                    variant="contained"
                    color="primary"
                    disabled={Boolean(current.blocker)}
                    aria-describedby={
                      current.blocker ? 'wizard-blocker' : undefined
                    }
                    onClick={() => go(active + 1)}
                    data-testid="wizard-next"
                  >
                    {active + 1 === reviewIndex
                      ? t('wizard.review')
                      : t('wizard.next')}
                  </Button>
                )}
                {current?.blocker && (
                  <Typography
                    variant="body2"
                    color="textSecondary"
                    id="wizard-blocker"
                    data-testid="wizard-blocker"
                  >
                    {current.blocker}
                  </Typography>
                )}
              </Box>
            )}
          </Box>
        </Paper>
      </FindingsProvider>
    </WizardNavContext.Provider>
  );
}
