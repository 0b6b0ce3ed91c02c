/** The wizard foundation every wizard of the plugin uses. */
export { Wizard, type WizardStep, type WizardProps } from './Wizard';
export { ReviewStep, type ReviewStepProps } from './ReviewStep';
export { OperationProgress } from './OperationProgress';
export { useOperation, DEFAULT_POLL, type PollTiming } from './useOperation';
export { ConflictDialog } from './ConflictDialog';
export { WriteWizard, type WizardWrite } from './WriteWizard';
export { WriteErrorAlert } from './WriteErrorAlert';
export { useLeaveGuard } from './useLeaveGuard';
export { useWizardWrite } from './useWizardWrite';
export { useWizardNav } from './WizardContext';
export {
  useFieldFindings,
  collectFindings,
  FindingsProvider,
  type WizardFinding,
} from './findings';
export { downloadYaml } from './downloadYaml';
