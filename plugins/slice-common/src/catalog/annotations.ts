/**
 * The annotations a catalog entity uses to say which slices it runs on, read by the portal's
 * entity tab and cards and by the catalog module (which relates the entity to its slices).
 */

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

/** Whether a slice is one a selector names (missing parts match any hub or project). */
export function sliceMatches(
  slice: { hub: string; project: string; name: string },
  selector: SliceSelector,
): boolean {
  return (
    slice.name === selector.name &&
    (!selector.hub || slice.hub === selector.hub) &&
    (!selector.project || slice.project === selector.project)
  );
}
