import { useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  EXPORT_SERVICE_STEPS,
  emptyExportServiceForm,
  exportServiceRequest,
  sliceResourceRef,
  sliceUpdatePermission,
  type ExportServiceForm,
} from '@slice-portal/plugin-slice-common';
import { sliceApiRef } from '../../api/SliceApi';
import { usePolled } from '../../hooks/usePolled';
import { sliceTranslationRef } from '../../translation';
import { CodeBlock } from '../common/CodeBlock';
import {
  OperationProgress,
  WriteWizard,
  useLeaveGuard,
  useWizardWrite,
  type WizardStep,
} from '../Wizard';
import { AliasesStep } from './AliasesStep';
import { ExportLiveChecklist } from './ExportLiveChecklist';
import { PortsStep, usePortsBlocker } from './PortsStep';
import { ServiceStep, useServiceBlocker } from './ServiceStep';

export interface ExportSliceRef {
  hub: string;
  project: string;
  name: string;
}

/**
 * The export wizard: service (cluster, namespace, name, pod labels) → ports → aliases →
 * review (YAML, preflight) → the ServiceExport, written on the worker where the portal may,
 * or the manifest to apply there → the export's checklist live until it is imported READY
 * on every member.
 */
export function ExportServiceWizard({
  slice: ref,
  initial,
  pollMs,
}: {
  slice: ExportSliceRef;
  initial?: Partial<Pick<ExportServiceForm, 'cluster' | 'namespace' | 'name'>>;
  pollMs?: number;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const api = useApi(sliceApiRef);
  const permission = usePermission({
    permission: sliceUpdatePermission,
    resourceRef: sliceResourceRef(ref),
  });
  const slice = usePolled(
    `slice/${ref.hub}/${ref.project}/${ref.name}`,
    signal => api.getSlice(ref, { signal }),
  );
  const start = useMemo(() => emptyExportServiceForm(initial), [initial]);
  const [form, setForm] = useState<ExportServiceForm>(start);
  const onChange = (patch: Partial<ExportServiceForm>) =>
    setForm(f => ({ ...f, ...patch }));
  const members = slice.value?.members ?? [];
  if (!form.cluster && members.length === 1)
    setForm(f => ({ ...f, cluster: members[0].cluster }));

  const write = useWizardWrite({
    dryRun: () =>
      api.exportService(ref, exportServiceRequest(form), { dryRun: true }),
    apply: () => api.exportService(ref, exportServiceRequest(form)),
    reload: slice.refresh,
  });
  const applied = write.applied;
  const touched = JSON.stringify(form) !== JSON.stringify(start);
  const { dialog } = useLeaveGuard(touched && !applied);
  const serviceBlocker = useServiceBlocker(form);
  const portsBlocker = usePortsBlocker(form);

  if (permission.loading || (!slice.value && !slice.error)) return <Progress />;
  if (!permission.allowed) {
    return (
      <Alert severity="info" data-testid="export-not-allowed">
        {t('exportWizard.notAllowed', { slice: ref.name })}
      </Alert>
    );
  }
  if (!slice.value) return <ResponseErrorPanel error={slice.error!} />;

  const steps: WizardStep[] = [
    {
      id: 'service',
      title: t('exportWizard.steps.service'),
      fields: EXPORT_SERVICE_STEPS[0].fields,
      content: (
        <ServiceStep form={form} onChange={onChange} slice={slice.value} />
      ),
      blocker: serviceBlocker,
    },
    {
      id: 'ports',
      title: t('exportWizard.steps.ports'),
      fields: EXPORT_SERVICE_STEPS[1].fields,
      content: <PortsStep form={form} onChange={onChange} />,
      blocker: portsBlocker,
    },
    {
      id: 'aliases',
      title: t('exportWizard.steps.aliases'),
      fields: EXPORT_SERVICE_STEPS[2].fields,
      content: <AliasesStep form={form} onChange={onChange} />,
    },
  ];
  const namespace = form.namespace.trim();
  const name = form.name.trim();
  const appliedView = applied ? (
    <Box data-testid="export-result">
      {applied.applied && applied.operation ? (
        <OperationProgress
          operationId={applied.operation.id}
          initial={applied.operation}
        />
      ) : (
        <>
          {applied.instructions && (
            <Alert severity="info">{applied.instructions}</Alert>
          )}
          <CodeBlock
            testId="export-manifest"
            title={t('exportWizard.result.manifestTitle', {
              cluster: form.cluster,
            })}
            text={applied.yaml}
            language="yaml"
            fileName="serviceexport.yaml"
          />
        </>
      )}
      <ExportLiveChecklist
        hub={ref.hub}
        project={ref.project}
        slice={ref.name}
        namespace={namespace}
        name={name}
        cluster={form.cluster}
        pollMs={pollMs}
      />
    </Box>
  ) : undefined;
  const beforeReview = write.review?.instructions && (
    <Alert
      severity="info"
      data-testid="manifest-only"
      style={{ marginBottom: 16 }}
    >
      {t('exportWizard.review.manifestOnly', { cluster: form.cluster })}
    </Alert>
  );
  return (
    <>
      <WriteWizard
        write={write}
        steps={steps}
        title={
          applied
            ? t('exportWizard.steps.applied')
            : t('exportWizard.steps.review')
        }
        applied={appliedView}
        beforeReview={beforeReview}
        review={{ steps: EXPORT_SERVICE_STEPS, fileName: 'serviceexport.yaml' }}
      />
      {dialog}
    </>
  );
}

/** `/slices/:hub/:project/:name/export?cluster=&namespace=&service=`: the wizard on its own page. */
export function ExportServicePage() {
  const { t } = useTranslationRef(sliceTranslationRef);
  const { hub = '', project = '', name = '' } = useParams();
  const [params] = useSearchParams();
  const cluster = params.get('cluster') ?? undefined;
  const namespace = params.get('namespace') ?? undefined;
  const service = params.get('service') ?? undefined;
  const ref = useMemo(() => ({ hub, project, name }), [hub, project, name]);
  const initial = useMemo(
    () => ({ cluster, namespace, name: service }),
    [cluster, namespace, service],
  );
  return (
    <Page themeId="tool">
      <Header
        title={t('exportWizard.title')}
        subtitle={t('exportWizard.subtitle', { slice: name })}
      />
      <Content>
        <ExportServiceWizard slice={ref} initial={initial} />
      </Content>
    </Page>
  );
}
