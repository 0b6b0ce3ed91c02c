/**
 * Scaffolder actions for KubeSlice slices, through the Slice Portal backend.
 *
 * @packageDocumentation
 */
export { scaffolderModuleSlice as default } from './module';
export * from './actions';
