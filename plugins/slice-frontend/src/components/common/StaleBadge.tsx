import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { formatAge } from '../FleetPage/age';

/**
 * "Updated 12 s ago", or, when the last refresh failed, a warning that the data shown is
 * stale with its age and the error in a tooltip. Nothing before the first load (then there
 * is no data to be stale; the page shows the error instead).
 */
export function StaleBadge({
  loadedAt,
  error,
}: {
  loadedAt?: number;
  error?: Error;
}) {
  if (loadedAt === undefined) return null;
  const age = formatAge(new Date(loadedAt).toISOString());
  if (error) {
    return (
      <Tooltip title={`Refresh failed: ${error.message}`}>
        <Chip
          size="small"
          data-testid="stale-badge"
          style={{ backgroundColor: '#ffe0b2', color: '#5d4037' }}
          label={`Stale · data from ${age}`}
        />
      </Tooltip>
    );
  }
  return (
    <Chip
      size="small"
      variant="outlined"
      data-testid="fresh-badge"
      label={`Updated ${age}`}
    />
  );
}
