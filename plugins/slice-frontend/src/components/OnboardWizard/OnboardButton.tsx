import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import AddIcon from '@material-ui/icons/Add';
import RemoveIcon from '@material-ui/icons/RemoveCircleOutline';
import { Link as RouterLink } from 'react-router-dom';
import { usePermission } from '@backstage/plugin-permission-react';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  sliceResourceRef,
  sliceUpdatePermission,
} from '@slice-portal/plugin-slice-common';
import type { SliceRef } from '../../api/SliceApi';
import { useSliceLinks } from '../../routes';
import { sliceTranslationRef } from '../../translation';

export interface OnboardButtonProps {
  /** The slice to change; without it the wizard starts by asking for one (it lists only slices the user may change). */
  slice?: SliceRef;
  /** A namespace to start with (an entity's namespace, a row of the Namespaces tab). */
  namespace?: string;
  mode?: 'onboard' | 'offboard';
  variant?: 'contained' | 'outlined' | 'text';
}

/** Opens the onboarding wizard for a slice the user may change. */
function LinkButton(
  props: OnboardButtonProps & { disabledReason?: string; testId: string },
) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const links = useSliceLinks();
  const offboard = props.mode === 'offboard';
  const button = (
    <Button
      variant={props.variant ?? (offboard ? 'text' : 'contained')}
      color="primary"
      size="small"
      startIcon={offboard ? <RemoveIcon /> : <AddIcon />}
      component={RouterLink}
      to={links.onboard(props.slice, {
        namespace: props.namespace,
        mode: props.mode,
      })}
      disabled={Boolean(props.disabledReason)}
      data-testid={props.testId}
    >
      {offboard ? t('onboardWizard.offboardButton') : t('onboardWizard.button')}
    </Button>
  );
  if (!props.disabledReason) return button;
  return (
    <Tooltip title={props.disabledReason}>
      <span aria-label={props.disabledReason}>{button}</span>
    </Tooltip>
  );
}

function SliceOnboardButton(props: OnboardButtonProps & { slice: SliceRef }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const { loading, allowed } = usePermission({
    permission: sliceUpdatePermission,
    resourceRef: sliceResourceRef(props.slice),
  });
  let disabledReason: string | undefined;
  if (loading) disabledReason = t('onboardWizard.loadingPermissions');
  else if (!allowed)
    disabledReason = t('onboardWizard.mayNotChange', {
      name: props.slice.name,
    });
  return (
    <LinkButton
      {...props}
      disabledReason={disabledReason}
      testId={props.mode === 'offboard' ? 'offboard-button' : 'onboard-button'}
    />
  );
}

/**
 * "Onboard namespaces" (or "Offboard") wherever a user meets a slice or a namespace: enabled when
 * the permission policy lets them change that slice, otherwise disabled with the reason on
 * hover. The backend enforces it either way.
 */
export function OnboardButton(props: OnboardButtonProps) {
  if (props.slice) return <SliceOnboardButton {...props} slice={props.slice} />;
  return <LinkButton {...props} testId="onboard-button" />;
}
