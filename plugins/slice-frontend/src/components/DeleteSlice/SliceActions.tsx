import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import {
  sliceDeletePermission,
  sliceResourceRef,
  sliceUpdatePermission,
  type SliceDetail,
} from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import { useSliceLinks } from '../../routes';
import type { PollTiming } from '../Wizard';
import { DeleteSliceDialog } from './DeleteSliceDialog';

/** On the page header: its text colour (the theme's), whatever the header's background. */
const useStyles = makeStyles(theme => {
  const color =
    (theme as { page?: { fontColor?: string } }).page?.fontColor ??
    theme.palette.common.white;
  return { onHeader: { color, borderColor: color } };
});

/**
 * The slice page's "Change" and "Delete": offered only as far as the permission policy
 * allows (`usePermission` per slice); a refused one is disabled with the reason on hover.
 */
export function SliceActions({
  slice,
  poll,
}: {
  slice: SliceDetail;
  poll?: PollTiming;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const links = useSliceLinks();
  const resourceRef = sliceResourceRef(slice);
  const update = usePermission({
    permission: sliceUpdatePermission,
    resourceRef,
  });
  const remove = usePermission({
    permission: sliceDeletePermission,
    resourceRef,
  });
  const [deleting, setDeleting] = useState(false);
  const classes = useStyles();
  const why = (allowed: boolean, text: string) => (allowed ? '' : text);
  return (
    <Box display="flex" style={{ gap: 8 }} data-testid="slice-actions">
      <Tooltip
        title={why(
          update.allowed,
          t('changeSlice.notAllowed', {
            permission: sliceUpdatePermission.name,
          }),
        )}
      >
        <span data-testid="slice-change-wrap">
          <Button
            variant="outlined"
            className={classes.onHeader}
            component={RouterLink}
            to={links.slice(slice, 'edit')}
            disabled={update.loading || !update.allowed}
            data-testid="slice-change"
          >
            {t('changeSlice.button')}
          </Button>
        </span>
      </Tooltip>
      <Tooltip
        title={why(
          remove.allowed,
          t('deleteSlice.notAllowed', {
            permission: sliceDeletePermission.name,
          }),
        )}
      >
        <span data-testid="slice-delete-wrap">
          <Button
            variant="outlined"
            className={classes.onHeader}
            onClick={() => setDeleting(true)}
            disabled={remove.loading || !remove.allowed}
            data-testid="slice-delete"
          >
            {t('deleteSlice.button')}
          </Button>
        </span>
      </Tooltip>
      {deleting && (
        <DeleteSliceDialog
          slice={slice}
          poll={poll}
          onClose={() => setDeleting(false)}
        />
      )}
    </Box>
  );
}
