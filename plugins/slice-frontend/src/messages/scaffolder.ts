/** The scaffolder's KubeSlice form fields. */
export const scaffolderMessages = {
  slicePicker: {
    label: 'Slice',
    none: 'No slice you can see here: check the project, or create a slice first.',
  },
} as const;
