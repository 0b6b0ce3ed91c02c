/** Pure helpers of the portal's wizards (no I/O): steps ↔ field paths, subnet suggestion, cluster pickability. */
export {
  fieldMatches,
  stepOfField,
  findingsByStep,
  findingsForField,
  firstStepWith,
} from './steps';
export type { WizardStepFields, FieldPathed } from './steps';
export { suggestSliceSubnet, subnetsInUse } from './subnet';
export { whyNotPickable } from './clusters';
export type { UnpickableReason } from './clusters';
export {
  CREATE_SLICE_STEPS,
  DEFAULT_MAX_CLUSTERS,
  createSliceRequest,
  emptyCreateSliceForm,
} from './createSlice';
export type {
  CreateSliceForm,
  CreateSliceStepId,
  NamespaceEntry,
  SliceCreateBody,
} from './createSlice';
