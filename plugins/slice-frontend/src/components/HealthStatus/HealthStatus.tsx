import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import type { Health, HealthState } from '@slice-portal/plugin-slice-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { sliceTranslationRef } from '../../translation';

const STATUS: Record<HealthState, typeof StatusOK> = {
  ok: StatusOK,
  warning: StatusWarning,
  error: StatusError,
  unknown: StatusPending,
};

/** `color`: the label's colour where the default text colour does not read (a page header). */
export function HealthIcon({
  state,
  children,
  color,
}: {
  state: HealthState;
  children?: React.ReactNode;
  color?: string;
}) {
  // The Status components pass further props on to their Typography; their types omit them.
  const Status = STATUS[state] as React.ComponentType<{
    children?: React.ReactNode;
    style?: React.CSSProperties;
  }>;
  return <Status style={color ? { color } : undefined}>{children}</Status>;
}

/** A health value with its label and, below it, why it is not ok. */
export function HealthStatus({
  health,
  showReasons = true,
  color,
}: {
  health: Health;
  showReasons?: boolean;
  /** The label's colour, e.g. the page header's text colour on the header. */
  color?: string;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const label = t(`health.${health.state}`);
  const status = (
    <HealthIcon state={health.state} color={color}>
      {label}
    </HealthIcon>
  );
  if (health.reasons.length === 0) return status;
  return (
    <div data-testid={`health-${health.state}`}>
      <Tooltip title={health.reasons.join('\n')}>
        <span>{status}</span>
      </Tooltip>
      {showReasons &&
        health.reasons.slice(0, 3).map(reason => (
          <Typography
            key={reason}
            variant="caption"
            color="textSecondary"
            component="div"
          >
            {reason}
          </Typography>
        ))}
      {showReasons && health.reasons.length > 3 && (
        <Typography variant="caption" color="textSecondary" component="div">
          {t('health.more', {
            n: String(health.reasons.length - 3),
          })}
        </Typography>
      )}
    </div>
  );
}
