import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import FormHelperText from '@material-ui/core/FormHelperText';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  whyNotPickable,
  type ClusterSummary,
  type CreateSliceForm,
  type FleetTunnel,
} from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import { HealthStatus } from '../HealthStatus/HealthStatus';
import { FleetMap } from '../FleetMap/FleetMap';
import { useFieldFindings } from '../Wizard';

/**
 * Step 2: members, from a list (with why a cluster cannot join) or on the fleet map.
 * `held` (changing a slice): members that cannot leave, with why; they stay selected.
 */
export function ClustersStep({
  form,
  onChange,
  clusters,
  tunnels,
  held,
}: {
  form: CreateSliceForm;
  onChange(patch: Partial<CreateSliceForm>): void;
  clusters: ClusterSummary[];
  tunnels: FleetTunnel[];
  held?: Readonly<Record<string, string>>;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const field = useFieldFindings('spec.clusters');
  const target = {
    hub: form.hub,
    project: form.project,
    needsNetwork: form.mode !== 'no-network',
  };
  const inProject = clusters.filter(
    c => c.hub === form.hub && c.project === form.project,
  );
  const reasonsOf = (c: ClusterSummary) => whyNotPickable(c, target);
  const toggle = (c: ClusterSummary) => {
    const selected = form.clusters.includes(c.name);
    if (!selected && reasonsOf(c).length) return;
    if (selected && held?.[c.name]) return;
    onChange({
      clusters: selected
        ? form.clusters.filter(n => n !== c.name)
        : [...form.clusters, c.name],
    });
  };
  return (
    <Box>
      <Typography>
        {t('createSlice.clusters.hint', { project: form.project })}
      </Typography>
      <Box
        my={1}
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 4 }}
      >
        <Typography variant="body2" data-testid="clusters-selected">
          {t('createSlice.clusters.selected', {
            n: String(form.clusters.length),
          })}
        </Typography>
        {form.clusters.map(name => (
          <Chip
            key={name}
            size="small"
            color="primary"
            label={name}
            onDelete={
              held?.[name]
                ? undefined
                : () =>
                    onChange({
                      clusters: form.clusters.filter(n => n !== name),
                    })
            }
          />
        ))}
      </Box>
      {field.helperText && (
        <FormHelperText error={field.error} data-testid="clusters-findings">
          {field.helperText}
        </FormHelperText>
      )}
      <Table size="small" data-testid="cluster-table">
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox" />
            <TableCell>{t('createSlice.clusters.name')}</TableCell>
            <TableCell>{t('createSlice.clusters.health')}</TableCell>
            <TableCell>{t('createSlice.clusters.provider')}</TableCell>
            <TableCell>{t('createSlice.clusters.pickable')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {inProject.map(c => {
            const reasons = reasonsOf(c);
            const selected = form.clusters.includes(c.name);
            const hold = selected ? held?.[c.name] : undefined;
            return (
              <TableRow
                key={c.name}
                hover
                data-testid={`cluster-row-${c.name}`}
              >
                <TableCell padding="checkbox">
                  <Checkbox
                    color="primary"
                    checked={selected}
                    disabled={
                      (!selected && reasons.length > 0) || Boolean(hold)
                    }
                    onChange={() => toggle(c)}
                    inputProps={{ 'aria-label': c.name }}
                  />
                </TableCell>
                <TableCell>{c.name}</TableCell>
                <TableCell>
                  <HealthStatus health={c.health} />
                </TableCell>
                <TableCell>
                  {[c.geo.cloudProvider, c.geo.cloudRegion]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                </TableCell>
                <TableCell data-testid={`cluster-why-${c.name}`}>
                  {hold ??
                    (reasons.length
                      ? reasons
                          .map(r => t(`createSlice.clusters.reasons.${r}`))
                          .join(', ')
                      : t('createSlice.clusters.yes'))}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Box mt={2}>
        <Typography variant="body2" color="textSecondary">
          {t('createSlice.clusters.mapHint')}
        </Typography>
        <FleetMap
          clusters={inProject}
          tunnels={tunnels.filter(
            x => x.hub === form.hub && x.project === form.project,
          )}
          onClusterClick={toggle}
          selected={new Set(form.clusters)}
        />
      </Box>
    </Box>
  );
}
