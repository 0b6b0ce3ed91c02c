/** Strings of `changeSlice.*`. */
export const changeSliceMessages = {
  title: 'Change slice {{name}}',
  subtitle: 'Members, QoS and isolation of a slice that exists',
  button: 'Change',
  notAllowed: 'You may not change this slice ({{permission}}).',
  notAllowedTitle: 'Not allowed',
  steps: {
    clusters: 'Members',
    namespaces: 'Isolation and allowed namespaces',
    qos: 'QoS',
    review: 'Review the change',
    applied: 'Follow the change',
  },
  nothingChanged: 'Change something first: it is all as stored.',
  held: {
    namespaces:
      'cannot leave: namespaces {{list}} are onboarded here; offboard them first',
    exports: 'cannot leave: it exports {{list}}; delete those exports first',
  },
  applicationNote:
    'Application namespaces are onboarded and offboarded with the onboarding wizard ({{list}}).',
  noApplication: 'none yet',
  onboardLink: 'Onboard or offboard namespaces',
  diffTitle: 'What changes (diff of the SliceConfig)',
  noDiff: 'The hub would store the slice as it is: nothing changes.',
  done: 'Slice {{name}} is changed.',
  open: 'Back to slice {{name}}',
} as const;

/** Strings of `deleteSlice.*`. */
export const deleteSliceMessages = {
  button: 'Delete',
  notAllowed: 'You may not delete this slice ({{permission}}).',
  title: 'Delete slice {{name}}?',
  checking: 'Asking the hub what the delete would remove…',
  removes: 'This removes:',
  members: 'The slice from its {{n}} members: {{list}}',
  namespaces: 'Namespaces offboarded on {{cluster}}: {{list}}',
  noNamespaces: 'No namespace is onboarded: nothing to offboard.',
  allowed: 'Allowed namespaces: {{list}}',
  exports:
    'Service exports that hold the delete until they are deleted on the workers:',
  exportOn: '{{service}}.{{namespace}} on {{clusters}}',
  plan: 'Steps, in order',
  confirm: 'Type {{name}} to confirm',
  cancel: 'Cancel',
  delete: 'Delete slice',
  deleting: 'Deleting…',
  close: 'Hide (the delete goes on)',
  deleted: 'Slice {{name}} was deleted.',
  backToFleet: 'Back to the Slices page',
} as const;
