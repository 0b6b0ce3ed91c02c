import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { NamespaceEntry } from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import { useFieldFindings } from '../Wizard';

function Row({
  entry,
  path,
  members,
  testId,
  onChange,
  onRemove,
}: {
  entry: NamespaceEntry;
  path: string;
  members: string[];
  testId: string;
  onChange(entry: NamespaceEntry): void;
  onRemove(): void;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const field = useFieldFindings(path);
  return (
    <Box
      display="flex"
      alignItems="flex-start"
      style={{ gap: 16 }}
      data-testid={testId}
    >
      <TextField
        label={t('createSlice.namespaces.namespace')}
        value={entry.namespace}
        onChange={e =>
          onChange({ ...entry, namespace: e.target.value.toLowerCase() })
        }
        inputProps={{ 'data-testid': `${testId}-name`, maxLength: 63 }}
        {...field}
        style={{ minWidth: 240 }}
      />
      <TextField
        select
        label={t('createSlice.namespaces.clusters')}
        SelectProps={{
          multiple: true,
          renderValue: v =>
            (v as string[]).length
              ? (v as string[]).join(', ')
              : t('createSlice.namespaces.everyCluster'),
          displayEmpty: true,
        }}
        InputLabelProps={{ shrink: true }}
        value={entry.clusters}
        onChange={e =>
          onChange({
            ...entry,
            clusters: e.target.value as unknown as string[],
          })
        }
        style={{ minWidth: 260 }}
      >
        {members.map(m => (
          <MenuItem key={m} value={m}>
            {m}
          </MenuItem>
        ))}
      </TextField>
      <IconButton
        aria-label={t('createSlice.namespaces.remove', {
          namespace: entry.namespace,
        })}
        onClick={onRemove}
      >
        <DeleteIcon />
      </IconButton>
    </Box>
  );
}

/** A list of namespaces, each on every member (`*`) or on some, with its findings beside it. */
export function NamespaceList({
  title,
  entries,
  basePath,
  members,
  testId,
  onChange,
}: {
  title: string;
  entries: NamespaceEntry[];
  /** `spec.namespaceIsolationProfile.applicationNamespaces` */
  basePath: string;
  members: string[];
  testId: string;
  onChange(entries: NamespaceEntry[]): void;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const listField = useFieldFindings(basePath);
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 12 }}>
      <Typography variant="subtitle1">{title}</Typography>
      {entries.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          {t('createSlice.namespaces.none')}
        </Typography>
      )}
      {entries.map((entry, i) => (
        <Row
          key={i}
          entry={entry}
          path={`${basePath}[${i}]`}
          members={members}
          testId={`${testId}-${i}`}
          onChange={e => onChange(entries.map((x, j) => (j === i ? e : x)))}
          onRemove={() => onChange(entries.filter((_, j) => j !== i))}
        />
      ))}
      {listField.error && entries.length === 0 && (
        <Typography color="error" variant="body2">
          {listField.helperText}
        </Typography>
      )}
      <Box>
        <Button
          size="small"
          variant="outlined"
          onClick={() =>
            onChange([...entries, { namespace: '', clusters: [] }])
          }
          data-testid={`${testId}-add`}
        >
          {t('createSlice.namespaces.add')}
        </Button>
      </Box>
    </Box>
  );
}
