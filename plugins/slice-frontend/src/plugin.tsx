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

/** The Slice Portal frontend plugin for the new frontend system. */
export const slicePlugin = createFrontendPlugin({
  pluginId: 'slice',
  title: 'Slices',
  icon: <DeviceHubIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  extensions: [sliceApi, fleetPage],
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
});
