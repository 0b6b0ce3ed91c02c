import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  HEALTH_STATES,
  type HealthCounts,
} from '@slice-portal/plugin-slice-common';
import { HealthIcon, healthLabel } from '../HealthStatus/HealthStatus';

/** "Clusters: 6 Healthy · 1 Warning", only the states that occur. */
export function HealthSummary({
  title,
  counts,
}: {
  title: string;
  counts: HealthCounts;
}) {
  const total = HEALTH_STATES.reduce((sum, s) => sum + counts[s], 0);
  return (
    <div data-testid={`summary-${title.toLowerCase()}`}>
      <Typography variant="h6">
        {total} {title.toLowerCase()}
      </Typography>
      {HEALTH_STATES.filter(s => counts[s] > 0).map(state => (
        <Chip
          key={state}
          size="small"
          variant="outlined"
          label={
            <HealthIcon state={state}>{`${counts[state]} ${healthLabel(
              state,
            )}`}</HealthIcon>
          }
          style={{ marginRight: 8 }}
        />
      ))}
    </div>
  );
}
