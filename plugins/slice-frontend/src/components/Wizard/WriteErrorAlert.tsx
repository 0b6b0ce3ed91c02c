import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { sliceTranslationRef } from '../../translation';
import type { SliceWriteError } from '../../api/SliceWriteError';

/** A refusal that is not about fields: 403 with its reason, no connection, the hub down. */
export function WriteErrorAlert({
  error,
  onRetry,
}: {
  error: SliceWriteError;
  onRetry?: () => void;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const message = { message: error.message };
  let text: string = t('wizard.failed', message);
  if (error.kind === 'forbidden') text = t('wizard.forbidden', message);
  else if (error.kind === 'network' || error.kind === 'unavailable')
    text = t('wizard.unavailable', message);
  const retry = error.kind !== 'forbidden' && onRetry;
  return (
    <Alert
      severity="error"
      data-testid={`write-error-${error.kind}`}
      action={
        retry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            {t('wizard.retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    >
      {text}
    </Alert>
  );
}
