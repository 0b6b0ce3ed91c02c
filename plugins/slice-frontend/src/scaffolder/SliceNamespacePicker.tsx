import { useMemo } from 'react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import FormHelperText from '@material-ui/core/FormHelperText';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  buildNamespaceGrid,
  isNamespaceName,
} from '@slice-portal/plugin-slice-common';
import { useFleet } from '../components/FleetPage/useFleet';
import { useBindingText } from '../components/OnboardWizard/bindingText';
import { useOnboardData } from '../components/OnboardWizard/useOnboardData';
import { sliceTranslationRef } from '../translation';
import type { SliceFormData } from './validation';

const useStyles = makeStyles(theme => ({
  conflict: { color: theme.palette.error.main },
  chips: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
}));

/**
 * `ui:field: SliceNamespacePicker`: a namespace for the form's slice (`hub`, `project`,
 * `slice` fields), with what it is bound to today on each member — on this slice (onboarded or
 * pending), on another slice (a conflict, explained), or free — and the namespaces the members
 * report, to pick from. The value is the namespace's name.
 */
export function SliceNamespacePicker(
  props: FieldExtensionComponentProps<string>,
) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const classes = useStyles();
  const binding = useBindingText();
  const { formData, onChange, rawErrors, required, schema, formContext } =
    props;
  const form = (formContext?.formData ?? {}) as SliceFormData;
  const ref =
    form.hub && form.project && form.slice
      ? { hub: form.hub, project: form.project, name: form.slice }
      : undefined;
  const data = useOnboardData(ref);
  const { fleet } = useFleet();
  const namespace = formData ?? '';
  const grid = useMemo(
    () =>
      data.slice &&
      buildNamespaceGrid({
        slice: data.slice,
        clusters: data.clusters,
        otherSlices: fleet?.slices ?? [],
        extraNamespaces: isNamespaceName(namespace) ? [namespace] : [],
      }),
    [data.slice, data.clusters, fleet, namespace],
  );
  const row = grid?.rows.find(r => r.namespace === namespace);
  const suggestions = (grid?.rows ?? [])
    .filter(r => !r.reserved && r.namespace !== namespace)
    .map(r => r.namespace);
  // The form lists the field's errors (rawErrors) below it; here they only colour the input.
  const invalid = Boolean(data.error) || Boolean(rawErrors?.length);
  return (
    <Box data-testid="slice-namespace-picker">
      <TextField
        fullWidth
        margin="normal"
        label={schema.title ?? t('scaffolder.namespacePicker.label')}
        required={required}
        disabled={!ref}
        value={namespace}
        onChange={e => onChange(e.target.value)}
        error={invalid}
        helperText={
          data.error?.message ??
          (ref ? schema.description : t('scaffolder.namespacePicker.pickSlice'))
        }
      />
      {suggestions.length > 0 && (
        <Box mb={1}>
          <Typography variant="caption" color="textSecondary">
            {t('scaffolder.namespacePicker.suggestions')}
          </Typography>
          <Box className={classes.chips}>
            {suggestions.map(ns => (
              <Chip
                key={ns}
                size="small"
                label={ns}
                onClick={() => onChange(ns)}
              />
            ))}
          </Box>
        </Box>
      )}
      {row && (
        <Table size="small" aria-label={namespace}>
          <TableHead>
            <TableRow>
              <TableCell>{t('scaffolder.namespacePicker.cluster')}</TableCell>
              <TableCell>{t('scaffolder.namespacePicker.binding')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {row.cells.map(cell => (
              <TableRow
                key={cell.cluster}
                data-testid={`binding-${cell.cluster}`}
              >
                <TableCell>{cell.cluster}</TableCell>
                <TableCell
                  className={
                    cell.binding.kind === 'otherSlice'
                      ? classes.conflict
                      : undefined
                  }
                  title={binding.source(cell.binding)}
                >
                  {binding.text(cell.binding)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {row?.cells
        .filter(c => c.binding.kind === 'otherSlice')
        .map(c => (
          <FormHelperText key={c.cluster} error>
            {t('scaffolder.namespacePicker.conflict', {
              slice: c.binding.kind === 'otherSlice' ? c.binding.slice : '',
              cluster: c.cluster,
            })}
          </FormHelperText>
        ))}
    </Box>
  );
}
