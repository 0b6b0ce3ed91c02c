/**
 * Slice Portal frontend plugin (new frontend system). Legacy-system exports are at
 * `@slice-portal/plugin-slice/legacy`.
 *
 * @packageDocumentation
 */
export { slicePlugin as default } from './plugin';
export { sliceApiRef, type SliceApi } from './api/SliceApi';
export { SliceClient } from './api/SliceClient';
