import type { Entity } from '@backstage/catalog-model';
import {
  SLICE_ANNOTATION,
  SLICE_SERVICE_ANNOTATION,
} from '@slice-portal/plugin-slice-common';

export {
  SLICE_ANNOTATION,
  SLICE_SERVICE_ANNOTATION,
  parseServiceAnnotation,
  parseSliceAnnotation,
  type SliceSelector,
} from '@slice-portal/plugin-slice-common';

/** Whether an entity carries either slice annotation (used as the tab and card filter). */
export function isSliceAvailable(entity: Entity): boolean {
  const a = entity.metadata.annotations ?? {};
  return Boolean(a[SLICE_ANNOTATION] || a[SLICE_SERVICE_ANNOTATION]);
}
