import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  coordinateProblem,
  formatPickedPoint,
  locationProblem,
  parseCoordinates,
  pickedPoint,
  type ClusterSummary,
  type RegisterClusterForm,
} from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import { FleetMap } from '../FleetMap/FleetMap';
import { useFieldFindings } from '../Wizard';

const GEO = 'spec.clusterProperty.geoLocation';

/** Whether the step's coordinates can be sent (in range, both or neither). */
export function locationBlocked(form: RegisterClusterForm): boolean {
  return Boolean(
    coordinateProblem(form.latitude, 90) ||
      coordinateProblem(form.longitude, 180) ||
      locationProblem(form),
  );
}

function CoordinateField({
  form,
  onChange,
  which,
}: {
  form: RegisterClusterForm;
  onChange(patch: Partial<RegisterClusterForm>): void;
  which: 'latitude' | 'longitude';
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const findings = useFieldFindings(
    `${GEO}.${which}`,
    t('registerClusterWizard.location.coordinateHelp'),
  );
  const coordinate = coordinateProblem(
    form[which],
    which === 'latitude' ? 90 : 180,
  );
  let problem: string | undefined;
  if (coordinate?.code === 'notANumber')
    problem = t('registerClusterWizard.location.problems.notANumber', {
      value: coordinate.value,
    });
  else if (coordinate?.code === 'outOfRange')
    problem = t('registerClusterWizard.location.problems.outOfRange', {
      limit: String(coordinate.limit),
    });
  else if (locationProblem(form) === which)
    problem = t('registerClusterWizard.location.both');
  return (
    <TextField
      fullWidth
      margin="normal"
      variant="outlined"
      label={t(`registerClusterWizard.location.${which}`)}
      value={form[which]}
      onChange={e => {
        const pair = parseCoordinates(e.target.value);
        onChange(pair ?? { [which]: e.target.value });
      }}
      inputProps={{ 'data-testid': `cluster-${which}`, inputMode: 'decimal' }}
      {...findings}
      error={findings.error || Boolean(problem)}
      helperText={findings.error || !problem ? findings.helperText : problem}
    />
  );
}

/**
 * Step 2: provider, region and where the cluster is: typed as coordinates (a pasted
 * "lat, lon" pair fills both) or picked on the fleet map, beside the clusters there are.
 */
export function LocationStep({
  form,
  onChange,
  clusters,
}: {
  form: RegisterClusterForm;
  onChange(patch: Partial<RegisterClusterForm>): void;
  clusters: ClusterSummary[];
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const picked = pickedPoint(form);
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={6}>
        <TextField
          fullWidth
          margin="normal"
          variant="outlined"
          label={t('registerClusterWizard.location.provider')}
          value={form.provider}
          onChange={e => onChange({ provider: e.target.value })}
          inputProps={{ 'data-testid': 'cluster-provider' }}
          {...useFieldFindings(
            `${GEO}.cloudProvider`,
            t('registerClusterWizard.location.providerHelp'),
          )}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <TextField
          fullWidth
          margin="normal"
          variant="outlined"
          label={t('registerClusterWizard.location.region')}
          value={form.region}
          onChange={e => onChange({ region: e.target.value })}
          inputProps={{ 'data-testid': 'cluster-region' }}
          {...useFieldFindings(
            `${GEO}.cloudRegion`,
            t('registerClusterWizard.location.regionHelp'),
          )}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <CoordinateField form={form} onChange={onChange} which="latitude" />
      </Grid>
      <Grid item xs={12} md={6}>
        <CoordinateField form={form} onChange={onChange} which="longitude" />
      </Grid>
      <Grid item xs={12}>
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <Typography
            variant="body2"
            color="textSecondary"
            style={{ flexGrow: 1 }}
          >
            {t('registerClusterWizard.location.mapHint')}
          </Typography>
          <Button
            size="small"
            disabled={!form.latitude && !form.longitude}
            onClick={() => onChange({ latitude: '', longitude: '' })}
          >
            {t('registerClusterWizard.location.clear')}
          </Button>
        </Box>
        <FleetMap
          clusters={clusters}
          tunnels={[]}
          picked={picked}
          onPick={point => onChange(formatPickedPoint(point))}
        />
      </Grid>
    </Grid>
  );
}
