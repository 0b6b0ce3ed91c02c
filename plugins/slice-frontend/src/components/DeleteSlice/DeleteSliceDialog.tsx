import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Progress } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  deleteConfirmed,
  sliceRemoval,
  type SliceDetail,
} from '@slice-portal/plugin-slice-common';
import { sliceApiRef, type Operation } from '../../api/SliceApi';
import { sliceTranslationRef } from '../../translation';
import { useSliceLinks } from '../../routes';
import {
  ConflictDialog,
  OperationProgress,
  WriteErrorAlert,
  useWizardWrite,
  type PollTiming,
} from '../Wizard';
import { DeletePlan } from './DeletePlan';

/** Once the delete is done: say so and go back to the Slices page. */
function WhenDone({ operation, name }: { operation: Operation; name: string }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const alertApi = useApi(alertApiRef);
  const navigate = useNavigate();
  const links = useSliceLinks();
  const done = operation.state === 'done';
  const said = useRef(false);
  useEffect(() => {
    if (!done || said.current) return;
    said.current = true;
    alertApi.post({
      message: t('deleteSlice.deleted', { name }),
      severity: 'success',
      display: 'transient',
    });
    navigate(links.fleet());
  }, [done, alertApi, navigate, links, name, t]);
  return null;
}

/**
 * The guided delete: the hub's dry run says what would be removed and what would hold the
 * delete up; the user types the slice's name to confirm; then its progress (offboard →
 * wait → delete), and back to the Slices page with a message. `poll` is for tests.
 */
export function DeleteSliceDialog({
  slice,
  onClose,
  poll,
}: {
  slice: SliceDetail;
  onClose(): void;
  poll?: PollTiming;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const api = useApi(sliceApiRef);
  const { hub, project, name } = slice;
  const [typed, setTyped] = useState('');
  const write = useWizardWrite({
    dryRun: () => api.deleteSlice({ hub, project, name }, { dryRun: true }),
    apply: () => api.deleteSlice({ hub, project, name }),
  });
  const { runReview } = write;
  useEffect(() => {
    runReview();
  }, [runReview]);
  const removal = useMemo(() => sliceRemoval(slice), [slice]);
  const operation = write.applied?.operation;
  const errors = write.findings.filter(f => f.severity === 'error');
  const confirmed = deleteConfirmed(typed, name);
  const canDelete =
    Boolean(write.review) && !errors.length && confirmed && !write.applying;

  return (
    <Dialog
      open
      onClose={operation ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      data-testid="delete-dialog"
    >
      <DialogTitle>{t('deleteSlice.title', { name })}</DialogTitle>
      <DialogContent>
        <ConflictDialog
          open={Boolean(write.conflict)}
          message={write.conflict?.message ?? ''}
          onReload={write.reloadAndReapply}
          onClose={write.dismissConflict}
        />
        {write.error && write.error.kind !== 'invalid' && (
          <WriteErrorAlert
            error={write.error}
            onRetry={operation ? undefined : write.runReview}
          />
        )}
        {operation ? (
          <OperationProgress
            operationId={operation.id}
            initial={operation}
            timing={poll}
          >
            {op => <WhenDone operation={op} name={name} />}
          </OperationProgress>
        ) : (
          <>
            {write.checking && (
              <>
                <Typography>{t('deleteSlice.checking')}</Typography>
                <Progress />
              </>
            )}
            <DeletePlan
              removal={removal}
              plan={write.review?.plan}
              findings={write.findings}
            />
            <TextField
              fullWidth
              margin="normal"
              label={t('deleteSlice.confirm', { name })}
              value={typed}
              onChange={e => setTyped(e.target.value)}
              inputProps={{ 'data-testid': 'delete-confirm-name' }}
              disabled={!write.review || write.applying}
            />
          </>
        )}
      </DialogContent>
      <DialogActions>
        {operation ? (
          <Button onClick={onClose}>{t('deleteSlice.close')}</Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('deleteSlice.cancel')}</Button>
            <Button
              variant="contained"
              color="secondary"
              disabled={!canDelete}
              onClick={write.apply}
              data-testid="delete-apply"
            >
              {write.applying
                ? t('deleteSlice.deleting')
                : t('deleteSlice.delete')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
