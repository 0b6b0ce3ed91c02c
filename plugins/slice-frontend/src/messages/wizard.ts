/** Strings of `wizard.*`. */
export const wizardMessages = {
  next: 'Next',
  back: 'Back',
  review: 'Review',
  cancel: 'Cancel',
  stepHasErrors: '{{n}} to fix',
  reviewTitle: 'Review',
  checking: 'Checking with preflight and a dry run on the hub…',
  yamlTitle: 'What will be written',
  yamlRefused:
    'The hub would refuse this write, so it has not produced the object yet: fix the errors above. What you asked for:',
  downloadYaml: 'Download YAML',
  apply: 'Apply',
  applying: 'Applying…',
  applyBlocked: 'Fix the errors before applying.',
  findingsTitle: 'Preflight',
  noFindings: 'Preflight found nothing to fix.',
  errorsTitle: 'Errors',
  goToStep: 'Go to {{step}}',
  generalProblem: 'About the request as a whole',
  error: 'Error',
  warning: 'Warning',
  forbidden: 'You may not do this: {{message}}',
  unavailable:
    'The backend or the hub could not be reached ({{message}}). Your input is kept; try again.',
  failed: 'The write failed: {{message}}',
  retry: 'Try again',
  conflict: {
    title: 'Someone else changed this',
    message:
      'While you were working, someone else changed it on the hub ({{message}}). Reload what is stored now and apply your input again: nothing you entered is lost.',
    reload: 'Reload and re-apply',
    cancel: 'Keep editing',
  },
  leave: {
    title: 'Leave the wizard?',
    message: 'What you entered has not been applied and will be lost.',
    stay: 'Stay',
    leave: 'Leave',
  },
  progress: {
    title: 'Progress',
    running: 'Working…',
    done: 'Done',
    failed: 'Failed: {{reason}}',
    timedOut: 'Timed out: {{reason}}',
    reconnecting:
      'Connection to the backend lost; reconnecting… (the operation goes on without the browser)',
    pending: 'pending',
    stepRunning: 'running',
    stepDone: 'done',
    stepFailed: 'failed',
  },
} as const;

/** Strings of `codeBlock.*`. */
export const codeBlockMessages = {
  copy: 'Copy',
  copied: 'Copied',
  download: 'Download {{file}}',
} as const;
