import type { ReactNode } from 'react';
import {
  Progress,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { sliceTranslationRef } from '../../translation';
import type { Operation } from '../../api/SliceApi';
import { useOperation, type PollTiming } from './useOperation';

type StepState = Operation['steps'][number]['state'];

function StepIcon({ state }: { state: StepState }) {
  switch (state) {
    case 'done':
      return <StatusOK />;
    case 'running':
      return <StatusRunning />;
    case 'failed':
      return <StatusError />;
    default:
      return <StatusPending />;
  }
}

/**
 * A write's progress, step by step, followed live until done, failed or timed out (through a
 * lost connection: "reconnecting"). `children(operation)` renders what comes after (a link to
 * the new object) once there is an operation.
 */
export function OperationProgress({
  operationId,
  initial,
  timing,
  children,
}: {
  operationId: string;
  initial?: Operation;
  timing?: PollTiming;
  children?: (operation: Operation) => ReactNode;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const { operation, reconnecting, error } = useOperation(
    operationId,
    initial,
    timing,
  );
  const stepLabel: Record<StepState, string> = {
    pending: t('wizard.progress.pending'),
    running: t('wizard.progress.stepRunning'),
    done: t('wizard.progress.stepDone'),
    failed: t('wizard.progress.stepFailed'),
  };
  const reason = operation?.reason ?? '';
  return (
    <Box data-testid="operation-progress" data-state={operation?.state}>
      <Typography variant="h6">{t('wizard.progress.title')}</Typography>
      {reconnecting && (
        <Alert severity="warning" data-testid="reconnecting">
          {t('wizard.progress.reconnecting')}
        </Alert>
      )}
      {error && <Alert severity="error">{error.message}</Alert>}
      {!operation && !error && <Progress />}
      {operation && (
        <>
          <List dense>
            {operation.steps.map(step => (
              <ListItem key={step.id} data-testid={`op-step-${step.id}`}>
                <Box mr={1}>
                  <StepIcon state={step.state} />
                </Box>
                <ListItemText
                  primary={`${step.title} — ${stepLabel[step.state]}`}
                  secondary={step.detail}
                />
              </ListItem>
            ))}
          </List>
          {operation.state === 'running' && (
            <Typography color="textSecondary">
              {t('wizard.progress.running')}
            </Typography>
          )}
          {operation.state === 'done' && (
            <Alert severity="success">{t('wizard.progress.done')}</Alert>
          )}
          {operation.state === 'failed' && (
            <Alert severity="error">
              {t('wizard.progress.failed', { reason })}
            </Alert>
          )}
          {operation.state === 'timedOut' && (
            <Alert severity="warning">
              {t('wizard.progress.timedOut', { reason })}
            </Alert>
          )}
          {children?.(operation)}
        </>
      )}
    </Box>
  );
}
