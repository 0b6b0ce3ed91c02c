import { EmptyState, InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import type { SliceRef } from '../../api/SliceApi';
import { useAudit } from '../../hooks/useSliceData';
import { sliceTranslationRef } from '../../translation';
import { Loaded } from '../common/Loaded';
import { ChangeTimeline, type AuditEntry } from './ChangeTimeline';

const ALL = '';
type ResultFilter = AuditEntry['result'] | typeof ALL;
const RESULTS: AuditEntry['result'][] = [
  'succeeded',
  'denied',
  'rejected',
  'failed',
];

/** How many records the tab asks for (the API's default is 100, its maximum 1000). */
export const CHANGES_LIMIT = 200;

/**
 * Who changed the slice through the portal, what, when and how it ended (the audit log),
 * newest first; dry runs (previews) are hidden unless asked for.
 */
export function ChangesTab({ sliceRef }: { sliceRef: SliceRef }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const [result, setResult] = useState<ResultFilter>(ALL);
  const [dryRuns, setDryRuns] = useState(false);
  const state = useAudit({
    hub: sliceRef.hub,
    project: sliceRef.project,
    slice: sliceRef.name,
    limit: CHANGES_LIMIT,
  });

  return (
    <InfoCard title={t('changes.title')} subheader={t('changes.subheader')}>
      <Grid
        container
        spacing={2}
        alignItems="flex-end"
        style={{ marginBottom: 8 }}
      >
        <Grid item>
          <FormControl style={{ minWidth: 160 }}>
            <InputLabel shrink id="change-result">
              {t('changes.filters.result')}
            </InputLabel>
            <Select
              labelId="change-result"
              SelectDisplayProps={
                { 'data-testid': 'change-result-select' } as object
              }
              value={result}
              onChange={e => setResult(e.target.value as ResultFilter)}
              displayEmpty
            >
              <MenuItem value={ALL}>{t('changes.filters.all')}</MenuItem>
              {RESULTS.map(r => (
                <MenuItem key={r} value={r}>
                  {t(`changes.results.${r}`)}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        </Grid>
        <Grid item>
          <FormControlLabel
            control={
              <Checkbox
                checked={dryRuns}
                onChange={e => setDryRuns(e.target.checked)}
                color="primary"
              />
            }
            label={t('changes.filters.dryRuns')}
          />
        </Grid>
      </Grid>
      <Loaded state={state} what={t('changes.what')}>
        {({ items }) => {
          const shown = items.filter(
            e => (dryRuns || !e.dryRun) && (!result || e.result === result),
          );
          const hiddenDryRuns = dryRuns
            ? 0
            : items.filter(e => e.dryRun && (!result || e.result === result))
                .length;
          if (shown.length === 0) {
            return (
              <EmptyState
                missing="data"
                title={
                  items.length === 0
                    ? t('changes.empty.title')
                    : t('changes.empty.filteredTitle')
                }
                description={
                  items.length === 0
                    ? t('changes.empty.none')
                    : t('changes.empty.filtered')
                }
              />
            );
          }
          return (
            <>
              <ChangeTimeline entries={shown} />
              <Typography
                variant="caption"
                color="textSecondary"
                component="p"
                style={{ marginTop: 8 }}
                data-testid="changes-footer"
              >
                {hiddenDryRuns > 0 &&
                  t('changes.hiddenDryRuns', { n: String(hiddenDryRuns) })}
                {hiddenDryRuns > 0 && ' · '}
                {items.length >= CHANGES_LIMIT
                  ? t('changes.limited', { n: String(CHANGES_LIMIT) })
                  : t('changes.outsidePortal')}
              </Typography>
            </>
          );
        }}
      </Loaded>
    </InfoCard>
  );
}
