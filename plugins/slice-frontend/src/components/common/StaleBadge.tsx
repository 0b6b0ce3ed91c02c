import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { formatAge } from '../FleetPage/age';
import { useSliceColors } from '../../theme/sliceColors';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { sliceTranslationRef } from '../../translation';

/**
 * "Updated 12 s ago", or, when the last refresh failed, a warning that the data shown is
 * stale with its age and the error in a tooltip. Nothing before the first load (then there
 * is no data to be stale; the page shows the error instead).
 */
export function StaleBadge({
  loadedAt,
  error,
  color,
}: {
  loadedAt?: number;
  error?: Error;
  /** Text and outline colour where the default text colour does not read (a page header). */
  color?: string;
}) {
  const colors = useSliceColors();
  const { t } = useTranslationRef(sliceTranslationRef);
  if (loadedAt === undefined) return null;
  const age = formatAge(new Date(loadedAt).toISOString(), t);
  if (error) {
    return (
      <Tooltip
        title={t('common.stale.refreshFailed', { message: error.message })}
      >
        <Chip
          size="small"
          data-testid="stale-badge"
          style={{
            backgroundColor: colors.warningBackground,
            color: color ?? colors.text,
          }}
          label={t('common.stale.stale', { age })}
        />
      </Tooltip>
    );
  }
  return (
    <Chip
      size="small"
      variant="outlined"
      data-testid="fresh-badge"
      style={color ? { color, borderColor: color } : undefined}
      label={t('common.stale.updated', { age })}
    />
  );
}
