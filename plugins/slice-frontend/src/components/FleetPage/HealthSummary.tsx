import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  HEALTH_STATES,
  type HealthCounts,
} from '@slice-portal/plugin-slice-common';
import { HealthIcon } from '../HealthStatus/HealthStatus';
import { sliceTranslationRef } from '../../translation';

/** "7 clusters" and a chip per state that occurs: "6 Healthy", "1 Warning". */
export function HealthSummary({
  kind,
  counts,
}: {
  kind: 'clusters' | 'slices';
  counts: HealthCounts;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const total = HEALTH_STATES.reduce((sum, s) => sum + counts[s], 0);
  return (
    <div data-testid={`summary-${kind}`}>
      <Typography variant="h6">
        {t(`fleetPage.summary.${kind}`, { total: String(total) })}
      </Typography>
      {HEALTH_STATES.filter(s => counts[s] > 0).map(state => (
        <Chip
          key={state}
          size="small"
          variant="outlined"
          label={
            <HealthIcon state={state}>
              {t('fleetPage.summary.state', {
                n: String(counts[state]),
                label: t(`health.${state}`),
              })}
            </HealthIcon>
          }
          style={{ marginRight: 8 }}
        />
      ))}
    </div>
  );
}
