/** Pure helpers of the portal's wizards (no I/O): steps ↔ field paths, subnet suggestion, cluster pickability. */
export {
  fieldMatches,
  stepOfField,
  findingsByStep,
  findingsForField,
  firstStepWith,
} from './steps';
export type { WizardStepFields, FieldPathed } from './steps';
export { freeSubnetFor, suggestSliceSubnet, subnetsInUse } from './subnet';
export { whyNotPickable } from './clusters';
export type { UnpickableReason } from './clusters';
export {
  CREATE_SLICE_STEPS,
  DEFAULT_MAX_CLUSTERS,
  createSliceRequest,
  createSliceRequestFor,
  emptyCreateSliceForm,
  needsSubnetSuggestion,
} from './createSlice';
export {
  DEFAULT_NETWORK_INTERFACE,
  REGISTER_CLUSTER_STEPS,
  coordinateProblem,
  emptyRegisterClusterForm,
  formatPickedPoint,
  locationProblem,
  parseCoordinates,
  pickedPoint,
  registerClusterRequest,
  splitList,
} from './registerCluster';
export type {
  ClusterRegisterBody,
  CoordinateProblem,
  RegisterClusterForm,
  RegisterClusterStepId,
} from './registerCluster';
export {
  KUBESLICE_HELM_REPO,
  installCommands,
  registrationWait,
  valuesFileName,
} from './workerInstall';
export type { RegistrationWait } from './workerInstall';
export {
  EXPORT_SERVICE_STEPS,
  emptyExportServiceForm,
  emptyPortRow,
  exportDnsNames,
  exportServiceRequest,
  importsReady,
  parseLabels,
  portNameWarning,
  portProblems,
} from './exportService';
export type {
  ExportPortRow,
  ExportServiceForm,
  ExportServiceStepId,
  PortProtocol,
  ServiceExportBody,
} from './exportService';
export type {
  CreateSliceForm,
  CreateSliceOptions,
  CreateSliceStepId,
  NamespaceEntry,
  SliceCreateBody,
} from './createSlice';
export {
  EVERY_CLUSTER,
  buildNamespaceGrid,
  conflictsOf,
  currentNamespaces,
  expandClusters,
  profileOf,
  selectionClusters,
} from './namespaceGrid';
export type {
  CellBinding,
  GridCell,
  NamespaceClusters,
  NamespaceGrid,
  NamespaceGridInput,
  NamespaceGridRow,
} from './namespaceGrid';
export {
  effectiveClusters,
  emptyNamespaceEdits,
  namespacePlanBase,
  planNamespaceChanges,
  projectProfile,
  setClusters,
  toggleCell,
} from './namespacePlan';
export type {
  NamespaceChange,
  NamespaceEdits,
  NamespacePlan,
  NamespacePlanBase,
  NamespaceWriteRequest,
} from './namespacePlan';
export {
  ALLOWED_NAMESPACES,
  APPLICATION_NAMESPACES,
  ISOLATION_ENABLED,
  NAMESPACE_WIZARD_STEPS,
  allowedNamespaceField,
  applicationNamespaceField,
  isNamespaceName,
  keyFindingPath,
  namespaceProblems,
} from './namespaceWizard';
export type {
  NamespaceProblem,
  NamespaceWizardStepId,
} from './namespaceWizard';
export {
  CHANGE_SLICE_STEPS,
  applySliceUpdate,
  changeSliceForm,
  changesSomething,
  memberHold,
  sliceUpdateRequest,
} from './changeSlice';
export type {
  ChangeSliceStepId,
  MemberHold,
  SliceUpdateBody,
} from './changeSlice';
export { deleteConfirmed, sliceRemoval } from './deleteSlice';
export type { SliceRemoval } from './deleteSlice';
