/**
 * Slice Portal frontend plugin for apps on the legacy frontend system.
 *
 * @packageDocumentation
 */
import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { sliceApiRef } from './api/SliceApi';
import { SliceClient } from './api/SliceClient';
import { rootRouteRef } from './routes';
import { KubesliceClusterPicker } from './scaffolder/KubesliceClusterPicker';
import { SliceNamespacePicker } from './scaffolder/SliceNamespacePicker';
import { SlicePicker } from './scaffolder/SlicePicker';
import {
  validateClusters,
  validateSlice,
  validateSliceNamespace,
} from './scaffolder/validation';

export const slicePlugin = createPlugin({
  id: 'slice',
  routes: { root: rootRouteRef },
  apis: [
    createApiFactory({
      api: sliceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new SliceClient(deps),
    }),
  ],
});

/**
 * The fleet page and, below it, each slice's page (`/:hub/:project/:name`); mount it with
 * `<Route path="/slices" element={<SliceFleetPage />} />`.
 */
export const SliceFleetPage = slicePlugin.provide(
  createRoutableExtension({
    name: 'SliceFleetPage',
    component: () => import('./components/Router').then(m => m.Router),
    mountPoint: rootRouteRef,
  }),
);

/** Entity tab: `<EntityLayout.Route path="/slices" title="Slices" if={isSliceAvailable}>`. */
export const EntitySlicesContent = slicePlugin.provide(
  createComponentExtension({
    name: 'EntitySlicesContent',
    component: {
      lazy: () =>
        import('./components/EntitySlices/EntitySlicesContent').then(
          m => m.EntitySlicesContent,
        ),
    },
  }),
);

/** Entity overview card. */
export const EntitySlicesCard = slicePlugin.provide(
  createComponentExtension({
    name: 'EntitySlicesCard',
    component: {
      lazy: () =>
        import('./components/EntitySlices/EntitySlicesCard').then(
          m => m.EntitySlicesCard,
        ),
    },
  }),
);

export {
  SLICE_ANNOTATION,
  SLICE_SERVICE_ANNOTATION,
  isSliceAvailable,
} from './annotations';
export { sliceApiRef, type SliceApi } from './api/SliceApi';
export { SliceClient } from './api/SliceClient';
export { sliceTranslationRef } from './translation';

/**
 * The scaffolder fields for apps on the legacy frontend system: put them inside
 * `<ScaffolderFieldExtensions>` under the scaffolder's route.
 */
export const KubesliceClusterPickerFieldExtension = slicePlugin.provide(
  createScaffolderFieldExtension({
    name: 'KubesliceClusterPicker',
    component: KubesliceClusterPicker,
    validation: validateClusters,
  }),
);
export const SlicePickerFieldExtension = slicePlugin.provide(
  createScaffolderFieldExtension({
    name: 'SlicePicker',
    component: SlicePicker,
    validation: validateSlice,
  }),
);
export const SliceNamespacePickerFieldExtension = slicePlugin.provide(
  createScaffolderFieldExtension({
    name: 'SliceNamespacePicker',
    component: SliceNamespacePicker,
    validation: validateSliceNamespace,
  }),
);
