import { useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { stringify } from 'yaml';
import {
  NAMESPACE_WIZARD_STEPS,
  buildNamespaceGrid,
  emptyNamespaceEdits,
  namespacePlanBase,
  namespaceProblems,
  planNamespaceChanges,
  setClusters,
  toggleCell,
  type NamespaceEdits,
  type NamespaceWizardStepId,
  type SliceDetail,
} from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import { useSliceLinks } from '../../routes';
import type { SliceRef } from '../../api/SliceApi';
import { useFleet } from '../FleetPage/useFleet';
import {
  WriteWizard,
  useLeaveGuard,
  type PollTiming,
  type WizardStep,
} from '../Wizard';
import { AppliedProgress } from './AppliedProgress';
import { IsolationStep } from './IsolationStep';
import { NamespaceGridStep } from './NamespaceGridStep';
import { PlanSummary } from './PlanSummary';
import { SliceStep } from './SliceStep';
import { useNamespaceWrites } from './useNamespaceWrites';
import { useOnboardData } from './useOnboardData';
import {
  sliceKey,
  useSliceUpdatePermissions,
} from './useSliceUpdatePermission';

const SERVER_FIELDS = [
  'managedFields',
  'resourceVersion',
  'uid',
  'generation',
  'creationTimestamp',
];

/** The SliceConfig as YAML without status and server-maintained metadata (like the hub's answer). */
function yamlOf(object: unknown): string {
  const {
    status: _status,
    metadata = {},
    ...rest
  } = object as {
    status?: unknown;
    metadata?: Record<string, unknown>;
  };
  const meta = Object.fromEntries(
    Object.entries(metadata).filter(([k]) => !SERVER_FIELDS.includes(k)),
  );
  return stringify({ ...rest, metadata: meta });
}

function OnboardWizardContent({ poll }: { poll?: PollTiming }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const links = useSliceLinks();
  const params = useParams();
  const [search] = useSearchParams();
  const offboard = search.get('mode') === 'offboard';
  const linkNamespace = search.get('namespace') ?? undefined;
  const { fleet, error: fleetError } = useFleet();
  const linked: SliceRef | undefined =
    params.hub && params.project && params.name
      ? { hub: params.hub, project: params.project, name: params.name }
      : undefined;
  const [chosen, setChosen] = useState<SliceRef | undefined>(linked);
  const slices = useMemo(() => fleet?.slices ?? [], [fleet]);
  const perms = useSliceUpdatePermissions(slices);
  const visible = chosen && slices.some(s => sliceKey(s) === sliceKey(chosen));
  const allowed = chosen && visible ? perms.allowed(chosen) : undefined;
  const data = useOnboardData(allowed ? chosen : undefined);

  const [edits, setEdits] = useState<NamespaceEdits>(() =>
    offboard && linkNamespace
      ? { ...emptyNamespaceEdits(), namespaces: { [linkNamespace]: [] } }
      : emptyNamespaceEdits(),
  );
  const [extra, setExtra] = useState<string[]>(
    linkNamespace ? [linkNamespace] : [],
  );
  const [dirty, setDirty] = useState(false);
  const edit = (next: NamespaceEdits) => {
    setEdits(next);
    setDirty(true);
  };

  const slice = data.slice;
  const base = useMemo(() => slice && namespacePlanBase(slice), [slice]);
  const grid = useMemo(
    () =>
      slice &&
      buildNamespaceGrid({
        slice,
        clusters: data.clusters,
        otherSlices: slices,
        extraNamespaces: extra,
      }),
    [slice, data.clusters, slices, extra],
  );
  const plan = base && planNamespaceChanges(base, edits);
  const problems = grid ? namespaceProblems(grid, edits) : [];
  const planFor = (s: SliceDetail) =>
    planNamespaceChanges(namespacePlanBase(s), edits).requests;

  const write = useNamespaceWrites({
    ref: chosen,
    slice,
    planFor,
    reload: data.reload,
    yamlOf,
  });
  const applied = write.applied;
  const { dialog } = useLeaveGuard(dirty && !applied);

  if (!fleet)
    return fleetError ? (
      <ResponseErrorPanel error={fleetError} />
    ) : (
      <Progress />
    );

  function sliceBlocker() {
    if (!chosen || !visible) return t('onboardWizard.slice.pick');
    if (allowed === false)
      return t('onboardWizard.mayNotChange', { name: chosen.name });
    if (allowed === undefined || !slice)
      return t('onboardWizard.loadingPermissions');
    return undefined;
  }
  const dataStep = () => {
    if (grid && base)
      return (
        <NamespaceGridStep
          grid={grid}
          base={base}
          edits={edits}
          problems={problems}
          onToggle={(ns, c) => edit(toggleCell(base, edits, ns, c))}
          onEvery={(ns, every) =>
            edit(setClusters(base, edits, ns, every ? '*' : []))
          }
          onAdd={ns => setExtra(x => (x.includes(ns) ? x : [...x, ns]))}
        />
      );
    return data.error ? (
      <ResponseErrorPanel error={data.error} />
    ) : (
      <Progress />
    );
  };
  const choices = slices.map(s => ({ slice: s, allowed: perms.allowed(s) }));
  const blockers: Partial<Record<NamespaceWizardStepId, string>> = {
    slice: sliceBlocker(),
    namespaces: problems.some(p => p.severity === 'error')
      ? t('onboardWizard.grid.fixFirst')
      : undefined,
    isolation:
      plan && plan.requests.length === 0
        ? t('onboardWizard.grid.noChange')
        : undefined,
  };
  const isolationEnabled =
    edits.isolationEnabled ?? base?.isolationEnabled ?? false;
  const allowedNow = base
    ? [
        ...base.allowed.filter(n => !edits.removeAllowed.includes(n)),
        ...edits.addAllowed,
      ]
    : [];
  const content: Record<NamespaceWizardStepId, JSX.Element> = {
    slice: (
      <SliceStep
        choices={choices}
        value={visible ? chosen : undefined}
        requested={chosen && !visible ? sliceKey(chosen) : undefined}
        onChange={ref => {
          setChosen(ref);
          setEdits(emptyNamespaceEdits());
        }}
      />
    ),
    namespaces: dataStep(),
    isolation: (
      <IsolationStep
        isolationEnabled={isolationEnabled}
        allowed={allowedNow}
        onIsolation={on => edit({ ...edits, isolationEnabled: on })}
        onAllow={ns =>
          edit({
            ...edits,
            addAllowed: base?.allowed.includes(ns)
              ? edits.addAllowed
              : [...edits.addAllowed, ns],
            removeAllowed: edits.removeAllowed.filter(n => n !== ns),
          })
        }
        onRemove={ns =>
          edit({
            ...edits,
            addAllowed: edits.addAllowed.filter(n => n !== ns),
            removeAllowed: base?.allowed.includes(ns)
              ? [...edits.removeAllowed, ns]
              : edits.removeAllowed,
          })
        }
      />
    ),
  };
  const steps: WizardStep[] = NAMESPACE_WIZARD_STEPS.map(s => ({
    id: s.id,
    title: t(`onboardWizard.steps.${s.id}`),
    fields: s.fields,
    content: content[s.id],
    blocker: blockers[s.id],
  }));
  const name = chosen?.name ?? '';

  return (
    <>
      {perms.probes}
      {dialog}
      <WriteWizard
        write={write}
        steps={steps}
        title={
          applied
            ? t('onboardWizard.steps.applied')
            : t('onboardWizard.steps.review')
        }
        applied={
          applied ? (
            <AppliedProgress
              writes={write.appliedWrites}
              sliceLink={
                chosen ? links.slice(chosen, 'namespaces') : links.fleet()
              }
              sliceName={name}
              poll={poll}
            />
          ) : undefined
        }
        beforeReview={
          plan && !write.checking ? (
            <PlanSummary plan={plan} review={write.review} />
          ) : undefined
        }
        review={{
          steps: NAMESPACE_WIZARD_STEPS,
          fileName: `sliceconfig-${name || 'slice'}.yaml`,
        }}
      />
    </>
  );
}

/**
 * `/slices/onboard` and `/slices/:hub/:project/:name/onboard` (`?namespace=…`, `&mode=offboard`):
 * the onboarding wizard. `poll` is for tests (operation polling).
 */
export function OnboardWizardPage({ poll }: { poll?: PollTiming }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const [search] = useSearchParams();
  const offboard = search.get('mode') === 'offboard';
  return (
    <Page themeId="tool">
      <Header
        title={
          offboard ? t('onboardWizard.offboardTitle') : t('onboardWizard.title')
        }
        subtitle={t('onboardWizard.subtitle')}
      />
      <Content>
        <OnboardWizardContent poll={poll} />
      </Content>
    </Page>
  );
}
