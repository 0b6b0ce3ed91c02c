import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormHelperText from '@material-ui/core/FormHelperText';
import IconButton from '@material-ui/core/IconButton';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import DeleteIcon from '@material-ui/icons/Delete';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  emptyPortRow,
  portNameWarning,
  portProblems,
  type ExportPortRow,
  type ExportServiceForm,
} from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import { useFieldFindings } from '../Wizard';

/** What keeps the ports step from going on, said as what to fix in which row, or undefined. */
export function usePortsBlocker(form: ExportServiceForm): string | undefined {
  const { t } = useTranslationRef(sliceTranslationRef);
  if (form.ports.length === 0) return t('exportWizard.ports.blockers.none');
  for (const [i, row] of form.ports.entries()) {
    const problems = portProblems(row);
    const n = String(i + 1);
    if (problems.containerPort)
      return row.containerPort.trim()
        ? t('exportWizard.ports.blockers.containerPortInvalid', { n })
        : t('exportWizard.ports.blockers.containerPortRequired', { n });
    if (problems.servicePort)
      return t('exportWizard.ports.blockers.servicePortInvalid', { n });
    if (problems.name)
      return t('exportWizard.ports.blockers.nameInvalid', { n });
  }
  return undefined;
}

function PortRow({
  row,
  index,
  onChange,
  onRemove,
}: {
  row: ExportPortRow;
  index: number;
  onChange(patch: Partial<ExportPortRow>): void;
  onRemove?: () => void;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const problems = portProblems(row);
  const findings = useFieldFindings(`spec.ports[${index}]`);
  const typed = row.containerPort.trim() !== '';
  return (
    <Box data-testid={`port-row-${index}`} mb={1}>
      <Box display="flex" alignItems="flex-start" style={{ gap: 8 }}>
        <TextField
          margin="dense"
          variant="outlined"
          label={t('exportWizard.ports.name')}
          value={row.name}
          onChange={e => onChange({ name: e.target.value })}
          inputProps={{ 'data-testid': `port-name-${index}` }}
          error={Boolean(problems.name)}
          helperText={
            problems.name ??
            (portNameWarning(row) ? t('exportWizard.ports.nameWarning') : ' ')
          }
        />
        <TextField
          margin="dense"
          variant="outlined"
          label={t('exportWizard.ports.containerPort')}
          value={row.containerPort}
          onChange={e => onChange({ containerPort: e.target.value })}
          inputProps={{
            'data-testid': `port-container-${index}`,
            inputMode: 'numeric',
          }}
          error={typed && Boolean(problems.containerPort)}
          helperText={(typed && problems.containerPort) || ' '}
        />
        <TextField
          margin="dense"
          variant="outlined"
          label={t('exportWizard.ports.servicePort')}
          value={row.servicePort}
          onChange={e => onChange({ servicePort: e.target.value })}
          inputProps={{
            'data-testid': `port-service-${index}`,
            inputMode: 'numeric',
          }}
          error={Boolean(problems.servicePort)}
          helperText={
            problems.servicePort ?? t('exportWizard.ports.servicePortHelp')
          }
        />
        <TextField
          select
          margin="dense"
          variant="outlined"
          label={t('exportWizard.ports.protocol')}
          value={row.protocol}
          onChange={e =>
            onChange({ protocol: e.target.value as ExportPortRow['protocol'] })
          }
          style={{ minWidth: 110 }}
          helperText=" "
        >
          {['TCP', 'UDP', 'SCTP'].map(p => (
            <MenuItem key={p} value={p}>
              {p}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          margin="dense"
          variant="outlined"
          label={t('exportWizard.ports.serviceProtocol')}
          value={row.serviceProtocol}
          onChange={e =>
            onChange({
              serviceProtocol: e.target
                .value as ExportPortRow['serviceProtocol'],
            })
          }
          style={{ minWidth: 150 }}
          SelectProps={{ displayEmpty: true }}
          InputLabelProps={{ shrink: true }}
          helperText=" "
        >
          <MenuItem value="">{t('exportWizard.ports.none')}</MenuItem>
          <MenuItem value="HTTP">HTTP</MenuItem>
          <MenuItem value="HTTPS">HTTPS</MenuItem>
        </TextField>
        {onRemove && (
          <IconButton
            aria-label={t('exportWizard.ports.remove', {
              n: String(index + 1),
            })}
            title={t('exportWizard.ports.remove', { n: String(index + 1) })}
            onClick={onRemove}
            style={{ marginTop: 8 }}
          >
            <DeleteIcon />
          </IconButton>
        )}
      </Box>
      {findings.error && (
        <FormHelperText error>{findings.helperText}</FormHelperText>
      )}
    </Box>
  );
}

/** Step 2: the ports to export, one row each. */
export function PortsStep({
  form,
  onChange,
}: {
  form: ExportServiceForm;
  onChange(patch: Partial<ExportServiceForm>): void;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const all = useFieldFindings('spec.ports');
  const setRow = (i: number, patch: Partial<ExportPortRow>) =>
    onChange({
      ports: form.ports.map((r, j) => (j === i ? { ...r, ...patch } : r)),
    });
  return (
    <Box>
      {form.ports.map((row, i) => (
        <PortRow
          key={i}
          row={row}
          index={i}
          onChange={patch => setRow(i, patch)}
          onRemove={
            form.ports.length > 1
              ? () => onChange({ ports: form.ports.filter((_, j) => j !== i) })
              : undefined
          }
        />
      ))}
      {all.error && <FormHelperText error>{all.helperText}</FormHelperText>}
      <Button
        size="small"
        variant="outlined"
        onClick={() => onChange({ ports: [...form.ports, emptyPortRow()] })}
      >
        {t('exportWizard.ports.add')}
      </Button>
    </Box>
  );
}
