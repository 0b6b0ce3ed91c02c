import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
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
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import {
  CHANGE_SLICE_STEPS,
  applySliceUpdate,
  changeSliceForm,
  changesSomething,
  sliceResourceRef,
  sliceUpdatePermission,
  sliceUpdateRequest,
  type ChangeSliceStepId,
  type CreateSliceForm,
  type SliceDetail,
} from '@slice-portal/plugin-slice-common';
import { sliceApiRef, type SliceRef } from '../../api/SliceApi';
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
import { ClustersStep } from '../CreateSlice/ClustersStep';
import { NamespacesStep } from '../CreateSlice/NamespacesStep';
import { QosStep, useQosBlocker } from '../CreateSlice/QosStep';
import { ChangeDiff } from './ChangeDiff';
import { useMemberHolds } from './useMemberHolds';

function ChangeSliceWizard({
  sliceRef,
  initial,
  poll,
}: {
  sliceRef: SliceRef;
  initial: SliceDetail;
  poll?: PollTiming;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const api = useApi(sliceApiRef);
  const links = useSliceLinks();
  const { fleet, refresh } = useFleet();
  const tunnels = useFleetTunnels(Boolean(fleet));
  const [detail, setDetail] = useState(initial);
  const [base, setBase] = useState<CreateSliceForm>(() =>
    changeSliceForm(initial),
  );
  const [form, setForm] = useState<CreateSliceForm>(base);
  const update = (patch: Partial<CreateSliceForm>) =>
    setForm(f => ({ ...f, ...patch }));
  const body = useMemo(() => sliceUpdateRequest(base, form), [base, form]);
  const dirty = changesSomething(body);
  const bodyRef = useRef(body);
  bodyRef.current = body;

  const write = useWizardWrite({
    dryRun: () => api.updateSlice(sliceRef, bodyRef.current, { dryRun: true }),
    apply: () => api.updateSlice(sliceRef, bodyRef.current),
    reload: async () => {
      const stored = await api.getSlice(sliceRef);
      const newer = changeSliceForm(stored);
      const again = applySliceUpdate(newer, bodyRef.current);
      bodyRef.current = sliceUpdateRequest(newer, again);
      setDetail(stored);
      setBase(newer);
      setForm(again);
      refresh();
    },
  });
  const applied = write.applied;
  const { dialog } = useLeaveGuard(dirty && !applied);
  const held = useMemberHolds(detail, base.clusters);
  const qosBlocker = useQosBlocker(form);

  const blockers: Partial<Record<ChangeSliceStepId, string>> = {
    clusters:
      form.clusters.length < 2 ? t('createSlice.clusters.tooFew') : undefined,
    qos: qosBlocker ?? (dirty ? undefined : t('changeSlice.nothingChanged')),
  };
  const onSlice = detail.namespaces;
  const content: Record<ChangeSliceStepId, JSX.Element> = {
    clusters: (
      <ClustersStep
        form={form}
        onChange={update}
        clusters={fleet?.clusters ?? []}
        tunnels={tunnels.value?.tunnels ?? []}
        held={held}
      />
    ),
    namespaces: (
      <NamespacesStep
        form={form}
        onChange={update}
        applicationNote={
          <Box data-testid="application-note">
            {t('changeSlice.applicationNote', {
              list: onSlice.length
                ? onSlice.join(', ')
                : t('changeSlice.noApplication'),
            })}{' '}
            <Link to={links.slice(sliceRef, 'onboard')}>
              {t('changeSlice.onboardLink')}
            </Link>
          </Box>
        }
      />
    ),
    qos: <QosStep form={form} onChange={update} />,
  };
  const steps: WizardStep[] = CHANGE_SLICE_STEPS.map(s => ({
    id: s.id,
    title: t(`changeSlice.steps.${s.id}`),
    fields: s.fields,
    content: content[s.id],
    blocker: blockers[s.id],
  }));
  const operation = applied?.operation;
  const back = (
    <Box mt={2} data-testid="change-done-link">
      <Link to={links.slice(sliceRef)}>
        {t('changeSlice.open', { name: sliceRef.name })}
      </Link>
    </Box>
  );

  return (
    <>
      {dialog}
      <WriteWizard
        write={write}
        steps={steps}
        title={
          applied
            ? t('changeSlice.steps.applied')
            : t('changeSlice.steps.review')
        }
        applied={
          applied ? (
            <Box data-testid="change-applied">
              {operation ? (
                <OperationProgress
                  operationId={operation.id}
                  initial={operation}
                  timing={poll}
                >
                  {() => back}
                </OperationProgress>
              ) : (
                back
              )}
            </Box>
          ) : undefined
        }
        beforeReview={
          write.review && !write.checking ? (
            <ChangeDiff result={write.review} />
          ) : undefined
        }
        review={{
          steps: CHANGE_SLICE_STEPS,
          fileName: `sliceconfig-${sliceRef.name}.yaml`,
        }}
      />
    </>
  );
}

/** Loads the slice once (the form is not reset by later refreshes) and checks the permission. */
function ChangeSliceContent({
  sliceRef,
  poll,
}: {
  sliceRef: SliceRef;
  poll?: PollTiming;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const api = useApi(sliceApiRef);
  const permission = usePermission({
    permission: sliceUpdatePermission,
    resourceRef: sliceResourceRef(sliceRef),
  });
  const [detail, setDetail] = useState<SliceDetail>();
  const [error, setError] = useState<Error>();
  const { hub, project, name } = sliceRef;
  const load = useCallback(() => {
    setError(undefined);
    api
      .getSlice({ hub, project, name })
      .then(setDetail)
      .catch(e => setError(e as Error));
  }, [api, hub, project, name]);
  useEffect(load, [load]);

  if (permission.loading) return <Progress />;
  if (!permission.allowed) {
    return (
      <Box data-testid="change-not-allowed">
        <WarningPanel
          severity="info"
          title={t('changeSlice.notAllowedTitle')}
          message={t('changeSlice.notAllowed', {
            permission: sliceUpdatePermission.name,
          })}
        />
      </Box>
    );
  }
  if (error) return <ResponseErrorPanel error={error} />;
  if (!detail) return <Progress />;
  return <ChangeSliceWizard sliceRef={sliceRef} initial={detail} poll={poll} />;
}

/** `/slices/:hub/:project/:name/edit`: the change-slice wizard. `poll` is for tests. */
export function ChangeSlicePage({ poll }: { poll?: PollTiming }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const params = useParams();
  const sliceRef: SliceRef = {
    hub: params.hub ?? '',
    project: params.project ?? '',
    name: params.name ?? '',
  };
  return (
    <Page themeId="tool">
      <Header
        title={t('changeSlice.title', { name: sliceRef.name })}
        subtitle={t('changeSlice.subtitle')}
      />
      <Content>
        <ChangeSliceContent sliceRef={sliceRef} poll={poll} />
      </Content>
    </Page>
  );
}
