import { useContext, useEffect, useState } from 'react';
import { UNSAFE_NavigationContext } from 'react-router-dom';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { sliceTranslationRef } from '../../translation';

type Navigate = (...args: unknown[]) => void;

/**
 * Asks before the user leaves a wizard with input that was not applied. Backstage apps
 * render a plain `<BrowserRouter>` (react-router 6), where `useBlocker` is not available (it
 * needs a data router), so in-app navigation (links, the sidebar, `navigate()`) is held at
 * the router's navigator and let through when the user confirms; reloading or closing the
 * tab gets the browser's own prompt (`beforeunload`). Returns the dialog to render.
 */
export function useLeaveGuard(when: boolean) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const { navigator } = useContext(UNSAFE_NavigationContext);
  const [pending, setPending] = useState<() => void>();

  useEffect(() => {
    if (!when) return undefined;
    const nav = navigator as unknown as { push: Navigate; replace: Navigate };
    const { push, replace } = nav;
    nav.push = (...args) => setPending(() => () => push.apply(nav, args));
    nav.replace = (...args) => setPending(() => () => replace.apply(nav, args));
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Chrome and Firefox show their prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      nav.push = push;
      nav.replace = replace;
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [when, navigator]);

  const dialog = (
    <Dialog
      open={Boolean(pending)}
      onClose={() => setPending(undefined)}
      data-testid="leave-dialog"
    >
      <DialogTitle>{t('wizard.leave.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('wizard.leave.message')}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button
          color="primary"
          variant="contained"
          onClick={() => setPending(undefined)}
        >
          {t('wizard.leave.stay')}
        </Button>
        <Button
          onClick={() => {
            const go = pending;
            setPending(undefined);
            go?.();
          }}
        >
          {t('wizard.leave.leave')}
        </Button>
      </DialogActions>
    </Dialog>
  );
  return { dialog };
}
