/**
 * Slice Portal frontend plugin (new frontend system). Legacy-system exports are at
 * `@slice-portal/plugin-slice/legacy`.
 *
 * @packageDocumentation
 */
export { slicePlugin as default } from './plugin';
export { sliceApiRef, type SliceApi } from './api/SliceApi';
export { SliceClient } from './api/SliceClient';
export {
  SLICE_ANNOTATION,
  SLICE_SERVICE_ANNOTATION,
  isSliceAvailable,
  parseSliceAnnotation,
  parseServiceAnnotation,
  type SliceSelector,
} from './annotations';
export { sliceTranslationRef } from './translation';
export { sliceScaffolderFieldsModule } from './scaffolder/module';
