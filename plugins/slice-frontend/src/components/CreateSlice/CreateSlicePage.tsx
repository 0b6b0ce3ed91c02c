import { useEffect, useMemo, useState } from 'react';
import {
  Content,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import {
  CREATE_SLICE_STEPS,
  createSliceRequest,
  emptyCreateSliceForm,
  isDnsLabel,
  freeSubnetFor,
  type CreateSliceForm,
  type CreateSliceStepId,
} from '@slice-portal/plugin-slice-common';
import { sliceApiRef } from '../../api/SliceApi';
import { sliceTranslationRef } from '../../translation';
import { useSliceLinks } from '../../routes';
import { useFleet } from '../FleetPage/useFleet';
import { useFleetTunnels } from '../FleetMap/useFleetTunnels';
import {
  OperationProgress,
  WriteWizard,
  useLeaveGuard,
  useWizardWrite,
  type PollTiming,
  type WizardStep,
} from '../Wizard';
import { ClustersStep } from './ClustersStep';
import { NamespacesStep } from './NamespacesStep';
import { NetworkStep } from './NetworkStep';
import { ProjectStep } from './ProjectStep';
import { QosStep, useQosBlocker } from './QosStep';
import { useCreatableProjects } from './useCreatableProjects';

function CreateSliceContent({ poll }: { poll?: PollTiming }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const api = useApi(sliceApiRef);
  const links = useSliceLinks();
  const { fleet, error, refresh } = useFleet();
  const tunnels = useFleetTunnels(Boolean(fleet));
  const perms = useCreatableProjects(fleet?.hubs);
  const [form, setForm] = useState<CreateSliceForm>(emptyCreateSliceForm);
  const [dirty, setDirty] = useState(false);
  const [subnetTouched, setSubnetTouched] = useState(false);
  const update = (patch: Partial<CreateSliceForm>) => {
    setForm(f => ({ ...f, ...patch }));
    setDirty(true);
    if ('subnet' in patch) setSubnetTouched(true);
  };

  const suggestion = useMemo(
    () =>
      fleet && freeSubnetFor({ fleet, hub: form.hub, members: form.clusters }),
    [fleet, form.hub, form.clusters],
  );
  useEffect(() => {
    if (!subnetTouched && suggestion && form.subnet !== suggestion)
      setForm(f => ({ ...f, subnet: suggestion }));
  }, [suggestion, subnetTouched, form.subnet]);

  const first = perms.projects.find(p => p.allowed);
  useEffect(() => {
    if (!form.project && first)
      setForm(f => ({ ...f, hub: first.hub, project: first.project }));
  }, [first, form.project]);

  const where = { hub: form.hub, project: form.project };
  const write = useWizardWrite({
    dryRun: () =>
      api.createSlice(where, createSliceRequest(form), { dryRun: true }),
    apply: () => api.createSlice(where, createSliceRequest(form)),
    reload: refresh,
  });
  const applied = write.applied;
  const { dialog } = useLeaveGuard(dirty && !applied);
  const qosBlocker = useQosBlocker(form);

  if (!fleet) {
    return error ? <ResponseErrorPanel error={error} /> : <Progress />;
  }
  if (perms.loading) {
    return (
      <>
        {perms.probes}
        <Progress />
      </>
    );
  }
  if (!perms.anyAllowed) {
    return (
      <>
        {perms.probes}
        <WarningPanel
          severity="info"
          title={t('createSlice.title')}
          message={t('createSlice.noProjects')}
        />
      </>
    );
  }

  const nameTaken = fleet.slices.some(
    s =>
      s.hub === form.hub && s.project === form.project && s.name === form.name,
  );
  const blockers: Partial<Record<CreateSliceStepId, string>> = {
    project:
      !form.project || !isDnsLabel(form.name) || nameTaken
        ? t('createSlice.project.blocker')
        : undefined,
    clusters:
      form.clusters.length < 2 ? t('createSlice.clusters.tooFew') : undefined,
    qos: qosBlocker,
  };
  const content: Record<CreateSliceStepId, JSX.Element> = {
    project: (
      <ProjectStep
        form={form}
        onChange={update}
        projects={perms.projects}
        nameTaken={nameTaken}
      />
    ),
    clusters: (
      <ClustersStep
        form={form}
        onChange={update}
        clusters={fleet.clusters}
        tunnels={tunnels.value?.tunnels ?? []}
      />
    ),
    network: (
      <NetworkStep form={form} onChange={update} suggestion={suggestion} />
    ),
    namespaces: <NamespacesStep form={form} onChange={update} />,
    qos: <QosStep form={form} onChange={update} />,
  };
  const steps: WizardStep[] = CREATE_SLICE_STEPS.map(s => ({
    id: s.id,
    title: t(`createSlice.steps.${s.id}`),
    fields: s.fields,
    content: content[s.id],
    blocker: blockers[s.id],
  }));
  const sliceLink = links.slice({
    hub: form.hub,
    project: form.project,
    name: form.name,
  });
  const operation = applied?.operation;

  return (
    <>
      {perms.probes}
      {dialog}
      <WriteWizard
        write={write}
        steps={steps}
        title={
          applied
            ? t('createSlice.steps.applied')
            : t('createSlice.steps.review')
        }
        applied={
          applied ? (
            <Box data-testid="create-applied">
              {operation ? (
                <OperationProgress
                  operationId={operation.id}
                  initial={operation}
                  timing={poll}
                >
                  {op =>
                    op.state === 'done' ? (
                      <Box mt={2} data-testid="slice-ready">
                        <Link to={sliceLink}>
                          {t('createSlice.done.open', { name: form.name })}
                        </Link>
                      </Box>
                    ) : (
                      <Box mt={2}>
                        <Link to={sliceLink}>
                          {t('createSlice.done.openAnyway')}
                        </Link>
                      </Box>
                    )
                  }
                </OperationProgress>
              ) : (
                <Link to={sliceLink}>
                  {t('createSlice.done.open', { name: form.name })}
                </Link>
              )}
            </Box>
          ) : undefined
        }
        review={{
          steps: CREATE_SLICE_STEPS,
          fileName: `sliceconfig-${form.name || 'new'}.yaml`,
          request: createSliceRequest(form),
        }}
      />
    </>
  );
}

/** `/slices/create`: the create-slice wizard. `poll` is for tests (operation polling). */
export function CreateSlicePage({ poll }: { poll?: PollTiming }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  return (
    <Page themeId="tool">
      <Header
        title={t('createSlice.title')}
        subtitle={t('createSlice.subtitle')}
      />
      <Content>
        <CreateSliceContent poll={poll} />
      </Content>
    </Page>
  );
}
