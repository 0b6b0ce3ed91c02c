import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { WriteResult } from '../../api/SliceApi';
import { sliceTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  diff: {
    fontFamily: 'monospace',
    fontSize: theme.typography.body2.fontSize,
    background: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(1, 0),
    margin: 0,
    overflowX: 'auto',
  },
  line: { padding: theme.spacing(0, 1.5), whiteSpace: 'pre' },
  added: {
    color: theme.palette.success.dark,
    background: theme.palette.action.hover,
  },
  removed: {
    color: theme.palette.error.dark,
    background: theme.palette.action.hover,
  },
  meta: { color: theme.palette.text.secondary },
}));

/** The dry run's answer as a diff of the stored SliceConfig against what would be stored. */
export function ChangeDiff({ result }: { result: WriteResult }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const classes = useStyles();
  const lines = result.diff.text ? result.diff.text.split('\n') : [];
  const classOf = (line: string) => {
    if (
      line.startsWith('+++') ||
      line.startsWith('---') ||
      line.startsWith('@@')
    )
      return classes.meta;
    if (line.startsWith('+')) return classes.added;
    if (line.startsWith('-')) return classes.removed;
    return undefined;
  };
  return (
    <Box mb={3} data-testid="change-diff">
      <Typography variant="h6">{t('changeSlice.diffTitle')}</Typography>
      {lines.length ? (
        <pre className={classes.diff}>
          {lines.map((line, i) => (
            <div key={i} className={`${classes.line} ${classOf(line) ?? ''}`}>
              {line || ' '}
            </div>
          ))}
        </pre>
      ) : (
        <Typography data-testid="no-diff">{t('changeSlice.noDiff')}</Typography>
      )}
    </Box>
  );
}
