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

export function HealthIcon({
  state,
  children,
}: {
  state: HealthState;
  children?: React.ReactNode;
}) {
  switch (state) {
    case 'ok':
      return <StatusOK>{children}</StatusOK>;
    case 'warning':
      return <StatusWarning>{children}</StatusWarning>;
    case 'error':
      return <StatusError>{children}</StatusError>;
    default:
      return <StatusPending>{children}</StatusPending>;
  }
}

/** A health value with its label and, below it, why it is not ok. */
export function HealthStatus({
  health,
  showReasons = true,
}: {
  health: Health;
  showReasons?: boolean;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const label = t(`health.${health.state}`);
  const status = <HealthIcon state={health.state}>{label}</HealthIcon>;
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
