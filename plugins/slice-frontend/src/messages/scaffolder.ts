/** The scaffolder's KubeSlice form fields. */
export const scaffolderMessages = {
  slicePicker: {
    label: 'Slice',
    none: 'No slice you can see here: check the project, or create a slice first.',
    notAllowed: 'you may not change it',
  },
  namespacePicker: {
    label: 'Namespace',
    pickSlice:
      'Pick a slice first: the namespace is checked against its members.',
    suggestions: 'Namespaces on its members:',
    cluster: 'Member',
    binding: 'Today',
    conflict:
      'On slice {{slice}} on {{cluster}}: a namespace can be on one slice per cluster. Offboard it there first, or pick other members.',
  },
  /** Errors the fields' validation adds (beside the field, when the user moves on). */
  validation: {
    mayNotChange:
      'You may not change slice {{slice}} ({{permission}}): pick another slice.',
  },
} as const;
