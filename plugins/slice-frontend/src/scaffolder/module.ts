import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  FormFieldBlueprint,
  createFormField,
} from '@backstage/plugin-scaffolder-react/alpha';
import {
  validateClusters,
  validateSlice,
  validateSliceNamespace,
} from './validation';

/**
 * The scaffolder's KubeSlice fields (new frontend system): `ui:field: KubesliceClusterPicker`,
 * `SlicePicker` and `SliceNamespacePicker` in a template's parameters. Each validates through
 * the slice backend (a preflight dry run, or the permission policy) when the user moves on.
 */
export const sliceScaffolderFieldsModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [
    FormFieldBlueprint.make({
      name: 'kubeslice-cluster-picker',
      params: {
        field: () =>
          import('./KubesliceClusterPicker').then(m =>
            createFormField({
              name: 'KubesliceClusterPicker',
              component: m.KubesliceClusterPicker,
              validation: validateClusters,
            }),
          ),
      },
    }),
    FormFieldBlueprint.make({
      name: 'kubeslice-slice-picker',
      params: {
        field: () =>
          import('./SlicePicker').then(m =>
            createFormField({
              name: 'SlicePicker',
              component: m.SlicePicker,
              validation: validateSlice,
            }),
          ),
      },
    }),
    FormFieldBlueprint.make({
      name: 'kubeslice-namespace-picker',
      params: {
        field: () =>
          import('./SliceNamespacePicker').then(m =>
            createFormField({
              name: 'SliceNamespacePicker',
              component: m.SliceNamespacePicker,
              validation: validateSliceNamespace,
            }),
          ),
      },
    }),
  ],
});
