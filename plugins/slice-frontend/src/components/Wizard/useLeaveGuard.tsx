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

const GUARD = 'sliceWizardLeaveGuard';

/**
 * Back cannot be cancelled once the browser has gone back, so an entry of the same address is
 * pushed on top: Back pops it (the page stays), the guard puts it back and asks. Leaving goes
 * back past both. The router sees a pop to the address it shows and renders the same page.
 */
function guardBackButton(ask: (leave: () => void) => void): () => void {
  const arm = () =>
    window.history.pushState({ [GUARD]: true }, '', window.location.href);
  if (!(window.history.state as Record<string, unknown> | null)?.[GUARD]) arm();
  let leaving = false;
  const onPopState = () => {
    if (leaving) return;
    arm();
    ask(() => {
      leaving = true;
      window.history.go(-2);
    });
  };
  window.addEventListener('popstate', onPopState);
  return () => window.removeEventListener('popstate', onPopState);
}

/**
 * Asks before the user leaves a wizard with input that was not applied. Backstage apps
 * render a plain `<BrowserRouter>` (react-router 6), where `useBlocker` is not available (it
 * needs a data router), so in-app navigation (links, the sidebar, `navigate()`) is held at
 * the router's navigator and let through when the user confirms; reloading or closing the
 * tab gets the browser's own prompt (`beforeunload`); the browser's Back button meets an
 * extra history entry of the same address, so it stays on the wizard and asks (see
 * `guardBackButton`). Returns the dialog to render.
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
    const unguardBack = guardBackButton(leave => setPending(() => leave));
    return () => {
      nav.push = push;
      nav.replace = replace;
      window.removeEventListener('beforeunload', onBeforeUnload);
      unguardBack();
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
