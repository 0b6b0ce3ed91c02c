import { createRouteRef } from '@backstage/core-plugin-api';

/** The fleet page, mounted at `/slices` by default. */
export const rootRouteRef = createRouteRef({ id: 'slice' });
