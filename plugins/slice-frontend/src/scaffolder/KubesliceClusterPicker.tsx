import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { emptyCreateSliceForm } from '@slice-portal/plugin-slice-common';
import { ClustersStep } from '../components/CreateSlice/ClustersStep';
import { useFleet } from '../components/FleetPage/useFleet';
import { useFleetTunnels } from '../components/FleetMap/useFleetTunnels';

/** `ui:options` of the picker; without them the hub and project come from the form's own fields. */
export interface ClusterPickerOptions {
  hub?: string;
  project?: string;
}

/**
 * `ui:field: KubesliceClusterPicker`: the members of a new slice, picked as in the create-slice
 * wizard — from a list with each cluster's health, provider and region, or on the fleet map —
 * where a cluster that cannot join says why (another project, not registered, no slice network,
 * unhealthy). The hub and project are the form's `hub` and `project` fields unless `ui:options`
 * name them.
 */
export function KubesliceClusterPicker(
  props: FieldExtensionComponentProps<string[], ClusterPickerOptions>,
) {
  // The form lists the field's errors (rawErrors) below it.
  const { formData, onChange, uiSchema, schema, formContext } = props;
  const options = uiSchema?.['ui:options'] ?? {};
  const form = (formContext?.formData ?? {}) as {
    hub?: string;
    project?: string;
  };
  const hub = options.hub ?? form.hub ?? '';
  const project = options.project ?? form.project ?? '';
  // The form starts an array with `minItems` empty entries: they are not clusters.
  const picked = (formData ?? []).filter(
    (name): name is string => typeof name === 'string' && name !== '',
  );
  const { fleet, error } = useFleet();
  const tunnels = useFleetTunnels(Boolean(fleet));
  if (error && !fleet) return <ResponseErrorPanel error={error} />;
  if (!fleet) return <Progress />;
  return (
    <Box data-testid="kubeslice-cluster-picker">
      {schema.title && <Typography variant="h6">{schema.title}</Typography>}
      <ClustersStep
        form={{ ...emptyCreateSliceForm(), hub, project, clusters: picked }}
        onChange={patch => patch.clusters && onChange(patch.clusters)}
        clusters={fleet.clusters}
        tunnels={tunnels.value?.tunnels ?? []}
      />
    </Box>
  );
}
