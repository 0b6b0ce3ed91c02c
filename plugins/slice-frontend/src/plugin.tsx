import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import DeviceHubIcon from '@material-ui/icons/DeviceHub';
import { sliceApiRef } from './api/SliceApi';
import { SliceClient } from './api/SliceClient';
import { rootRouteRef } from './routes';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { isSliceAvailable } from './annotations';

const sliceApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: sliceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new SliceClient(deps),
    }),
});

const fleetPage = PageBlueprint.make({
  params: {
    path: '/slices',
    routeRef: convertLegacyRouteRef(rootRouteRef),
    title: 'Slices',
    icon: <DeviceHubIcon fontSize="inherit" />,
    loader: () => import('./components/Router').then(m => <m.Router />),
  },
});

/** Entity tab for components annotated with `kubeslice.io/slice` or `kubeslice.io/service`. */
const entitySlicesContent = EntityContentBlueprint.make({
  name: 'slices',
  params: {
    path: '/slices',
    title: 'Slices',
    group: 'deployment',
    filter: isSliceAvailable,
    loader: () =>
      import('./components/EntitySlices/EntitySlicesContent').then(m => (
        <m.EntitySlicesContent />
      )),
  },
});

/** Overview card with the same filter. */
const entitySlicesCard = EntityCardBlueprint.make({
  name: 'slices',
  params: {
    type: 'info',
    filter: isSliceAvailable,
    loader: () =>
      import('./components/EntitySlices/EntitySlicesCard').then(m => (
        <m.EntitySlicesCard />
      )),
  },
});

/** The Slice Portal frontend plugin for the new frontend system. */
export const slicePlugin = createFrontendPlugin({
  pluginId: 'slice',
  title: 'Slices',
  icon: <DeviceHubIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  extensions: [sliceApi, fleetPage, entitySlicesContent, entitySlicesCard],
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
});
