import type { Entity } from '@backstage/catalog-model';

/**
 * The slices a catalog entity runs on: a comma-separated list of `<slice>`,
 * `<project>/<slice>` or `<hub>/<project>/<slice>`.
 */
export const SLICE_ANNOTATION = 'kubeslice.io/slice';

/**
 * The service the entity exports on its slices, as `<namespace>/<name>` (the
 * `ServiceExport`'s namespace and name). Without it, the entity's slices are shown
 * without service detail.
 */
export const SLICE_SERVICE_ANNOTATION = 'kubeslice.io/service';

/** A `kubeslice.io/slice` entry; missing parts match any hub or project. */
export interface SliceSelector {
  hub?: string;
  project?: string;
  name: string;
}

export function parseSliceAnnotation(
  value: string | undefined,
): SliceSelector[] {
  if (!value) return [];
  return value
    .split(',')
    .map(v => v.trim())
    .filter(Boolean)
    .map(v => {
      const parts = v.split('/');
      if (parts.length >= 3) {
        return { hub: parts[0], project: parts[1], name: parts[2] };
      }
      if (parts.length === 2) return { project: parts[0], name: parts[1] };
      return { name: parts[0] };
    });
}

export function parseServiceAnnotation(
  value: string | undefined,
): { namespace: string; name: string } | undefined {
  const m = value?.trim().match(/^([a-z0-9-]+)\/([a-z0-9-]+)$/);
  return m ? { namespace: m[1], name: m[2] } : undefined;
}

/** Whether an entity carries either slice annotation (used as the tab and card filter). */
export function isSliceAvailable(entity: Entity): boolean {
  const a = entity.metadata.annotations ?? {};
  return Boolean(a[SLICE_ANNOTATION] || a[SLICE_SERVICE_ANNOTATION]);
}
