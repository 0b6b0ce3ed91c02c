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
    /** The onboarding wizard, for one slice or starting with the choice of a slice. */
    onboard: (
      ref?: { hub: string; project: string; name: string },
      start: { namespace?: string; mode?: 'onboard' | 'offboard' } = {},
    ) => {
      const query = new URLSearchParams();
      if (start.namespace) query.set('namespace', start.namespace);
      if (start.mode === 'offboard') query.set('mode', 'offboard');
      const path = ref
        ? `${base}/${[ref.hub, ref.project, ref.name]
            .map(encodeURIComponent)
            .join('/')}/onboard`
        : `${base}/onboard`;
      const search = query.toString();
      return search ? `${path}?${search}` : path;
    },
    slice: (
      ref: { hub: string; project: string; name: string },
      tab?: string,
    ) =>
      `${base}/${[ref.hub, ref.project, ref.name]
        .map(encodeURIComponent)
        .join('/')}${tab ? `/${tab}` : ''}`,
  };
}
