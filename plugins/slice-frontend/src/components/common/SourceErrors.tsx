import { WarningPanel } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import type { SourceError } from '@slice-portal/plugin-slice-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { sliceTranslationRef } from '../../translation';

/** One panel per source (hub, kind, worker) that could not be read, shown beside the data that could. */
export function SourceErrors({ errors }: { errors: SourceError[] }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  if (errors.length === 0) return null;
  return (
    <Grid container spacing={1} data-testid="source-errors">
      {errors.map(e => (
        <Grid item xs={12} key={`${e.source}:${e.message}`}>
          <WarningPanel
            severity={e.state === 'unreachable' ? 'error' : 'warning'}
            title={t('common.sourceError', {
              source: e.source,
              state: e.state,
            })}
            message={e.message}
          />
        </Grid>
      ))}
    </Grid>
  );
}
