import { createContext, useContext } from 'react';

/** Lets the review (or anything in a step) send the user to another step. */
export interface WizardNav {
  goTo(stepId: string): void;
  stepTitle(stepId: string): string | undefined;
}

export const WizardNavContext = createContext<WizardNav>({
  goTo: () => {},
  stepTitle: () => undefined,
});

export const useWizardNav = () => useContext(WizardNavContext);
