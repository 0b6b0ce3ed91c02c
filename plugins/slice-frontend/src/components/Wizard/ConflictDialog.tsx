import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { sliceTranslationRef } from '../../translation';

/** A 409: someone else changed the object; reload it and apply the user's input again. */
export function ConflictDialog({
  open,
  message,
  onReload,
  onClose,
}: {
  open: boolean;
  message: string;
  onReload(): void;
  onClose(): void;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  return (
    <Dialog open={open} onClose={onClose} data-testid="conflict-dialog">
      <DialogTitle>{t('wizard.conflict.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {t('wizard.conflict.message', { message })}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('wizard.conflict.cancel')}</Button>
        <Button color="primary" variant="contained" onClick={onReload}>
          {t('wizard.conflict.reload')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
