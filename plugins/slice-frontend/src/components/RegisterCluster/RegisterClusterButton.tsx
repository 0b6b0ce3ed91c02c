import { LinkButton } from '@backstage/core-components';
import AddIcon from '@material-ui/icons/Add';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  clusterRegisterPermission,
  type HubSummary,
} from '@slice-portal/plugin-slice-common';
import { useSliceLinks } from '../../routes';
import { sliceTranslationRef } from '../../translation';
import { useProjectsAllowed } from '../common/useProjectsAllowed';

/** Where the wizard lives, below the fleet page wherever the plugin is mounted. */
export function useRegisterClusterLink(): string {
  return `${useSliceLinks().fleet().replace(/\/$/, '')}/register-cluster`;
}

/**
 * "Register cluster", offered only to users the policy lets register a cluster in at least
 * one project (platform engineers); nobody else sees it.
 */
export function RegisterClusterButton({
  hubs,
}: {
  hubs: readonly HubSummary[];
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const allowed = useProjectsAllowed(clusterRegisterPermission, hubs);
  const to = useRegisterClusterLink();
  return (
    <>
      {allowed.probes}
      {allowed.anyAllowed && (
        <LinkButton
          to={to}
          size="small"
          variant="outlined"
          color="primary"
          startIcon={<AddIcon />}
          data-testid="register-cluster-button"
        >
          {t('registerClusterWizard.button')}
        </LinkButton>
      )}
    </>
  );
}
