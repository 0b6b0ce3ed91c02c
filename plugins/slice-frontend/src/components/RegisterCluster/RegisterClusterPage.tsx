import { useEffect, useMemo, useState } from 'react';
import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  REGISTER_CLUSTER_STEPS,
  clusterRegisterPermission,
  emptyRegisterClusterForm,
  registerClusterRequest,
  type RegisterClusterForm,
} from '@slice-portal/plugin-slice-common';
import { sliceApiRef } from '../../api/SliceApi';
import { sliceTranslationRef } from '../../translation';
import { useFleet } from '../FleetPage/useFleet';
import {
  OperationProgress,
  WriteWizard,
  useLeaveGuard,
  useWizardWrite,
  type WizardStep,
} from '../Wizard';
import { ClusterStep, useNameProblem } from './ClusterStep';
import { InstallValues } from './InstallValues';
import { LocationStep, locationBlocked } from './LocationStep';
import { NetworkStep } from './NetworkStep';
import { RegistrationWait } from './RegistrationWait';
import { useProjectsAllowed } from '../common/useProjectsAllowed';

export interface RegisterClusterTiming {
  /** Asking again for the values while the worker Secret is not issued. */
  valuesRetryMs?: number;
  /** Asking for the cluster's registration status. */
  statusPollMs?: number;
}

/**
 * The register-cluster wizard: project and name → location (typed or picked on the map) →
 * node IPs and interface → review (YAML, preflight) → the Cluster is created, then the
 * worker's Helm values and install command, then the wait until the worker reports Registered.
 */
export function RegisterClusterWizard({
  timing,
}: {
  timing?: RegisterClusterTiming;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const api = useApi(sliceApiRef);
  const { fleet, error: fleetError, refresh } = useFleet();
  const allowed = useProjectsAllowed(clusterRegisterPermission, fleet?.hubs);
  const [form, setForm] = useState<RegisterClusterForm>(
    emptyRegisterClusterForm,
  );
  const onChange = (patch: Partial<RegisterClusterForm>) =>
    setForm(f => ({ ...f, ...patch }));
  const clusters = fleet?.clusters ?? [];
  const nameProblem = useNameProblem(form, clusters);

  // The only project the user may register in is chosen for them.
  const choices = allowed.projects.filter(p => p.allowed);
  useEffect(() => {
    if (!form.project && choices.length === 1)
      setForm(f => ({
        ...f,
        hub: choices[0].hub,
        project: choices[0].project,
      }));
  }, [form.project, choices]);

  const ref = { hub: form.hub, project: form.project };
  const write = useWizardWrite({
    dryRun: () =>
      api.registerCluster(ref, registerClusterRequest(form), { dryRun: true }),
    apply: () => api.registerCluster(ref, registerClusterRequest(form)),
    reload: refresh,
  });
  const applied = write.applied;
  const touched = useMemo(
    () =>
      JSON.stringify({ ...form, hub: '', project: '' }) !==
      JSON.stringify({ ...emptyRegisterClusterForm() }),
    [form],
  );
  const { dialog } = useLeaveGuard(touched && !applied);

  if (!fleet) {
    if (fleetError) return <ResponseErrorPanel error={fleetError} />;
    return <Progress />;
  }
  if (allowed.loading && !allowed.anyAllowed) {
    return (
      <>
        {allowed.probes}
        <Progress />
      </>
    );
  }
  if (!allowed.anyAllowed) {
    return (
      <>
        {allowed.probes}
        <Alert severity="info" data-testid="register-not-allowed">
          {t('registerClusterWizard.notAllowed')}
        </Alert>
      </>
    );
  }

  const steps: WizardStep[] = [
    {
      id: 'cluster',
      title: t('registerClusterWizard.steps.cluster'),
      fields: REGISTER_CLUSTER_STEPS[0].fields,
      content: (
        <ClusterStep
          form={form}
          onChange={onChange}
          projects={allowed.projects}
          nameProblem={nameProblem}
          showHub={fleet.hubs.length > 1}
        />
      ),
      blocker: !form.project
        ? t('registerClusterWizard.cluster.chooseProject')
        : nameProblem,
    },
    {
      id: 'location',
      title: t('registerClusterWizard.steps.location'),
      fields: REGISTER_CLUSTER_STEPS[1].fields,
      content: (
        <LocationStep form={form} onChange={onChange} clusters={clusters} />
      ),
      blocker: locationBlocked(form)
        ? t('registerClusterWizard.location.fix')
        : undefined,
    },
    {
      id: 'network',
      title: t('registerClusterWizard.steps.network'),
      fields: REGISTER_CLUSTER_STEPS[2].fields,
      content: <NetworkStep form={form} onChange={onChange} />,
    },
  ];
  const name = form.name.trim();
  const appliedView = applied ? (
    <Box data-testid="register-result">
      {applied.operation && (
        <OperationProgress
          operationId={applied.operation.id}
          initial={applied.operation}
        />
      )}
      <InstallValues
        hub={form.hub}
        project={form.project}
        name={name}
        retryMs={timing?.valuesRetryMs}
      />
      <RegistrationWait
        hub={form.hub}
        project={form.project}
        name={name}
        pollMs={timing?.statusPollMs}
      />
    </Box>
  ) : undefined;
  return (
    <>
      {allowed.probes}
      <WriteWizard
        write={write}
        steps={steps}
        title={
          applied
            ? t('registerClusterWizard.steps.applied')
            : t('registerClusterWizard.steps.review')
        }
        applied={appliedView}
        review={{
          steps: REGISTER_CLUSTER_STEPS,
          fileName: `cluster-${name}.yaml`,
        }}
      />
      {dialog}
    </>
  );
}

/** `/slices/register-cluster`: the wizard on its own page. */
export function RegisterClusterPage() {
  const { t } = useTranslationRef(sliceTranslationRef);
  return (
    <Page themeId="tool">
      <Header
        title={t('registerClusterWizard.title')}
        subtitle={t('registerClusterWizard.subtitle')}
      />
      <Content>
        <RegisterClusterWizard />
      </Content>
    </Page>
  );
}
