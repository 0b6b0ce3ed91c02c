import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { formatAge } from '../FleetPage/age';

/**
 * "Updated 12 s ago", or, when the last refresh failed, a warning that the data shown is
 * stale with its age and the error in a tooltip.
 */
export function StaleBadge({
  loadedAt,
  error,
}: {
  loadedAt?: number;
  error?: Error;
}) {
  const age = formatAge(
    loadedAt !== undefined ? new Date(loadedAt).toISOString() : undefined,
  );
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
