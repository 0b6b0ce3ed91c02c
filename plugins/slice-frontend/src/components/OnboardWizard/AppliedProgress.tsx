import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { sliceTranslationRef } from '../../translation';
import { OperationProgress, type PollTiming } from '../Wizard';
import type { PlannedWrite } from './useNamespaceWrites';
import { useRequestLabel } from './PlanSummary';

/** After apply: each write's operation followed live (a step per namespace × cluster). */
export function AppliedProgress({
  writes,
  sliceLink,
  sliceName,
  poll,
}: {
  writes: PlannedWrite[];
  sliceLink: string;
  sliceName: string;
  poll?: PollTiming;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const label = useRequestLabel();
  return (
    <Box data-testid="onboard-applied">
      <Typography variant="h6">{t('onboardWizard.progress.title')}</Typography>
      {writes.map((w, i) => (
        <Box key={i} mt={2} data-testid={`applied-${i}`}>
          <Typography variant="subtitle1">{label(w.request)}</Typography>
          {w.result.operation ? (
            <OperationProgress
              operationId={w.result.operation.id}
              initial={w.result.operation}
              timing={poll}
            />
          ) : (
            <Typography variant="body2">
              {t('onboardWizard.progress.done')}
            </Typography>
          )}
        </Box>
      ))}
      <Box mt={2}>
        <Link to={sliceLink} data-testid="open-slice">
          {t('onboardWizard.progress.open', { name: sliceName })}
        </Link>
      </Box>
    </Box>
  );
}
