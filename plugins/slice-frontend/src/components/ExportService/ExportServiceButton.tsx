import { LinkButton } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import Tooltip from '@material-ui/core/Tooltip';
import ShareIcon from '@material-ui/icons/Share';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  sliceResourceRef,
  sliceUpdatePermission,
} from '@slice-portal/plugin-slice-common';
import { useSliceLinks } from '../../routes';
import { sliceTranslationRef } from '../../translation';

/**
 * "Export a service" on a slice: a link to the wizard (prefilled with `service` when
 * given), disabled with the reason when the policy does not let the user change the slice.
 */
export function ExportServiceButton({
  slice,
  service,
}: {
  slice: { hub: string; project: string; name: string };
  service?: { namespace: string; name: string };
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const links = useSliceLinks();
  const { loading, allowed } = usePermission({
    permission: sliceUpdatePermission,
    resourceRef: sliceResourceRef(slice),
  });
  const query = service
    ? `?${new URLSearchParams({
        namespace: service.namespace,
        service: service.name,
      })}`
    : '';
  const button = (
    <LinkButton
      to={`${links.slice(slice, 'export')}${query}`}
      size="small"
      variant="outlined"
      color="primary"
      startIcon={<ShareIcon />}
      disabled={!allowed}
      data-testid="export-service-button"
    >
      {t('exportWizard.button')}
    </LinkButton>
  );
  if (loading || allowed) return button;
  return (
    <Tooltip title={t('exportWizard.notAllowed', { slice: slice.name })}>
      <span data-testid="export-service-denied">{button}</span>
    </Tooltip>
  );
}
