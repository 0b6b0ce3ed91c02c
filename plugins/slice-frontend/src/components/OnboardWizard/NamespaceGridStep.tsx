import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormHelperText from '@material-ui/core/FormHelperText';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { alpha, makeStyles } from '@material-ui/core/styles';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  EVERY_CLUSTER,
  applicationNamespaceField,
  effectiveClusters,
  expandClusters,
  isNamespaceName,
  type NamespaceEdits,
  type NamespaceGrid,
  type NamespaceGridRow,
  type NamespacePlanBase,
  type NamespaceProblem,
} from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import { useFieldFindings } from '../Wizard';
import { useBindingText } from './bindingText';

const useStyles = makeStyles(theme => ({
  // A tint of the primary colour and a bar on the left: the grey of action.selected is
  // hard to tell from the table's striping, and the theme's odd-row rule
  // (`.MuiTableRow-root:nth-of-type(odd)`) outweighs one class, hence the doubled selector.
  changed: {
    '&&': {
      backgroundColor: alpha(
        theme.palette.primary.main,
        theme.palette.action.selectedOpacity * 1.5,
      ),
    },
    '& > td:first-child': {
      boxShadow: `inset 4px 0 0 ${theme.palette.primary.main}`,
    },
  },
  conflict: { color: theme.palette.error.main },
  state: { display: 'block', lineHeight: 1.2 },
}));

export interface NamespaceGridStepProps {
  grid: NamespaceGrid;
  base: NamespacePlanBase;
  edits: NamespaceEdits;
  problems: NamespaceProblem[];
  onToggle(namespace: string, cluster: string): void;
  onEvery(namespace: string, every: boolean): void;
  onAdd(namespace: string): void;
}

function GridRow(props: NamespaceGridStepProps & { row: NamespaceGridRow }) {
  const { row, base, edits, grid } = props;
  const { t } = useTranslationRef(sliceTranslationRef);
  const classes = useStyles();
  const binding = useBindingText();
  const ns = row.namespace;
  const wanted = effectiveClusters(base, edits, ns);
  const on = expandClusters(wanted, grid.clusters);
  const changed = edits.namespaces[ns] !== undefined;
  const findings = useFieldFindings(applicationNamespaceField(ns));
  const messages = props.problems
    .filter(
      p =>
        p.namespace === ns && p.path.startsWith(applicationNamespaceField(ns)),
    )
    .map(p =>
      p.code === 'conflict'
        ? (p.conflicts ?? [])
            .map(c =>
              t('onboardWizard.grid.conflict', {
                namespace: ns,
                slice: c.slice,
                cluster: c.cluster,
              }),
            )
            .join(' ')
        : t(`onboardWizard.grid.${p.code}`, { namespace: ns }),
    );
  const error =
    findings.error ||
    props.problems.some(p => p.namespace === ns && p.severity === 'error');
  return (
    <TableRow
      className={changed ? classes.changed : undefined}
      data-testid={`grid-row-${ns}`}
      data-changed={changed}
    >
      <TableCell>
        <Typography variant="body2">
          <strong>{ns}</strong>
          {changed && ` · ${t('onboardWizard.grid.change')}`}
        </Typography>
        {(messages.length > 0 || findings.helperText) && (
          <FormHelperText error={error} data-testid={`grid-help-${ns}`}>
            {[...messages, findings.helperText].filter(Boolean).join(' ')}
          </FormHelperText>
        )}
      </TableCell>
      <TableCell padding="checkbox">
        <Checkbox
          color="primary"
          checked={wanted === EVERY_CLUSTER}
          onChange={e => props.onEvery(ns, e.target.checked)}
          inputProps={{
            'aria-label': t('onboardWizard.grid.everyLabel', { namespace: ns }),
            // @ts-expect-error data attributes are passed through to the input
            'data-testid': `every-${ns}`,
          }}
        />
      </TableCell>
      {row.cells.map(cell => {
        const conflict = cell.binding.kind === 'otherSlice';
        return (
          <TableCell
            key={cell.cluster}
            data-testid={`cell-${ns}-${cell.cluster}`}
          >
            <Checkbox
              color="primary"
              checked={on.includes(cell.cluster)}
              disabled={conflict && !on.includes(cell.cluster)}
              onChange={() => props.onToggle(ns, cell.cluster)}
              inputProps={{
                'aria-label': t('onboardWizard.grid.cellLabel', {
                  namespace: ns,
                  cluster: cell.cluster,
                }),
                // @ts-expect-error data attributes are passed through to the input
                'data-testid': `toggle-${ns}-${cell.cluster}`,
              }}
            />
            <Typography
              variant="caption"
              className={`${classes.state} ${conflict ? classes.conflict : ''}`}
              title={binding.source(cell.binding)}
            >
              {binding.text(cell.binding)}
            </Typography>
          </TableCell>
        );
      })}
    </TableRow>
  );
}

/** Step 2: the clusters × namespaces grid — what each namespace is bound to today, and the change. */
export function NamespaceGridStep(props: NamespaceGridStepProps) {
  const { grid } = props;
  const { t } = useTranslationRef(sliceTranslationRef);
  const [name, setName] = useState('');
  const valid = isNamespaceName(name);
  const add = () => {
    if (!valid) return;
    props.onAdd(name);
    setName('');
  };
  return (
    <Box data-testid="namespace-grid">
      <Typography variant="body2" paragraph>
        {t('onboardWizard.grid.hint')}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('onboardWizard.grid.namespace')}</TableCell>
            <TableCell padding="checkbox">
              {t('onboardWizard.grid.every')}
            </TableCell>
            {grid.clusters.map(c => (
              <TableCell key={c}>{c}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {grid.rows.map(row => (
            <GridRow key={row.namespace} {...props} row={row} />
          ))}
          {grid.rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={grid.clusters.length + 2}>
                {t('onboardWizard.grid.empty')}
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      <Box mt={2} display="flex" alignItems="flex-start" style={{ gap: 8 }}>
        <TextField
          size="small"
          variant="outlined"
          label={t('onboardWizard.grid.addLabel')}
          value={name}
          onChange={e => setName(e.target.value)}
          onKeyDown={e => e.key === 'Enter' && add()}
          error={Boolean(name) && !valid}
          helperText={
            name && !valid
              ? t('onboardWizard.grid.invalidName', { namespace: name })
              : t('onboardWizard.grid.addHelp')
          }
          inputProps={{ 'data-testid': 'add-namespace' }}
        />
        <Button variant="outlined" disabled={!valid} onClick={add}>
          {t('onboardWizard.grid.add')}
        </Button>
      </Box>
    </Box>
  );
}
