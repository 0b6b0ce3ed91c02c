import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import AddIcon from '@material-ui/icons/Add';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { HubSummary } from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import { useSliceLinks } from '../../routes';
import { useCreatableProjects } from './useCreatableProjects';

/**
 * "Create slice" on the fleet page: enabled when the user may create slices in at least one
 * project; otherwise disabled, with the reason on hover (the backend enforces it anyway).
 */
export function CreateSliceButton({ hubs }: { hubs: HubSummary[] }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const links = useSliceLinks();
  const { probes, loading, anyAllowed } = useCreatableProjects(hubs);
  let reason = '';
  if (loading) reason = t('createSlice.loadingPermissions');
  else if (!anyAllowed) reason = t('createSlice.noProjects');
  const button = (
    <Button
      variant="contained"
      color="primary"
      size="small"
      startIcon={<AddIcon />}
      component={RouterLink}
      to={links.create()}
      disabled={Boolean(reason)}
      data-testid="create-slice-button"
    >
      {t('createSlice.button')}
    </Button>
  );
  return (
    <>
      {probes}
      {reason ? (
        <Tooltip title={reason}>
          <span data-testid="create-slice-reason" aria-label={reason}>
            {button}
          </span>
        </Tooltip>
      ) : (
        button
      )}
    </>
  );
}
