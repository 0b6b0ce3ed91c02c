import type { SliceNamespaceSelection } from '@slice-portal/plugin-slice-common';
import { offboardedPhase, onboardedPhase, sliceStoredPhase } from './progress';
import { resultBody, type WriteOutcome, type WriteRequest } from './results';
import { withNamespaceOffboarded, withNamespaceOnboarded } from './sliceSpec';
import { sliceTarget, updateSliceConfig } from './sliceWrites';
import type { WriteContext } from './WriteContext';

const selections = (slice: any): SliceNamespaceSelection[] =>
  slice?.spec?.namespaceIsolationProfile?.applicationNamespaces ?? [];

/** Onboarding (REFERENCE §6.2): the namespace listed for more clusters, then followed until every worker reports it. */
export async function onboardNamespace(
  ctx: WriteContext,
  req: WriteRequest<{ namespace: string; clusters: string[] }>,
): Promise<WriteOutcome> {
  const name = req.params.name;
  const { namespace, clusters } = req.body;
  const result = await updateSliceConfig(ctx, req, {
    name,
    what: `onboarding ${namespace} onto slice ${name}`,
    change: current => withNamespaceOnboarded(current, namespace, clusters),
  });
  const summary = `onboard namespace ${namespace} onto slice ${name} on ${clusters.join(
    ', ',
  )}`;
  const common = {
    dryRun: req.dryRun,
    current: result.current,
    stored: result.result,
    preflight: result.warnings,
    attempts: result.attempts,
  };
  if (req.dryRun) return { status: 200, body: resultBody(common), summary };
  const target = sliceTarget(req, name);
  const wanted = (s: any) => {
    const entry = selections(s).find(e => e.namespace === namespace);
    const on = entry?.clusters ?? [];
    return on.includes('*') || clusters.every(c => on.includes(c));
  };
  const operation = await ctx.tracker.start({
    kind: 'namespace.onboard',
    target: req.target,
    actor: req.actor,
    timeoutMs: ctx.settings.operationTimeoutMs,
    phases: [
      sliceStoredPhase(
        target,
        `Namespace ${namespace} listed on slice ${name}`,
        wanted,
      ),
      onboardedPhase(target, namespace, clusters),
    ],
  });
  return {
    status: 200,
    body: resultBody({ ...common, operation }),
    summary,
    operationId: operation.id,
  };
}

/** Offboarding from some clusters (`?clusters=a,b`) or from the slice. */
export async function offboardNamespace(
  ctx: WriteContext,
  req: WriteRequest,
): Promise<WriteOutcome> {
  const { name, namespace } = req.params;
  const clusters =
    typeof req.query.clusters === 'string'
      ? req.query.clusters.split(',')
      : undefined;
  const result = await updateSliceConfig(ctx, req, {
    name,
    what: `offboarding ${namespace} from slice ${name}`,
    change: current => withNamespaceOffboarded(current, namespace, clusters),
  });
  const summary = `offboard namespace ${namespace} from slice ${name}${
    clusters ? ` on ${clusters.join(', ')}` : ''
  }`;
  const common = {
    dryRun: req.dryRun,
    current: result.current,
    stored: result.result,
    preflight: result.warnings,
    attempts: result.attempts,
  };
  if (req.dryRun) return { status: 200, body: resultBody(common), summary };
  const target = sliceTarget(req, name);
  const operation = await ctx.tracker.start({
    kind: 'namespace.offboard',
    target: req.target,
    actor: req.actor,
    timeoutMs: ctx.settings.operationTimeoutMs,
    phases: [offboardedPhase(target, namespace, clusters)],
  });
  return {
    status: 200,
    body: resultBody({ ...common, operation }),
    summary,
    operationId: operation.id,
  };
}
