import { createRouteRef, useRouteRef } from '@backstage/core-plugin-api';

/** The fleet page, mounted at `/slices` by default; slices live below it. */
export const rootRouteRef = createRouteRef({ id: 'slice' });

/** Builds links to the fleet page and to a slice's tabs, wherever the plugin is mounted. */
export function useSliceLinks() {
  const root = useRouteRef(rootRouteRef)();
  const base = root.endsWith('/') ? root.slice(0, -1) : root;
  return {
    fleet: () => base || '/',
    /** The create-slice wizard. */
    create: () => `${base}/create`,
    slice: (
      ref: { hub: string; project: string; name: string },
      tab?: string,
    ) =>
      `${base}/${[ref.hub, ref.project, ref.name]
        .map(encodeURIComponent)
        .join('/')}${tab ? `/${tab}` : ''}`,
  };
}
