import { NotFoundError } from '@backstage/errors';
import { namespaceOfProject } from '@slice-portal/plugin-slice-common';
import type { OperationPhase } from './contracts';
import { isNotFound } from './kubeErrors';
import { RESOURCES, type KubeObj } from './kubeClient';
import {
  onboardedPhase,
  drainedPhase,
  sliceGonePhase,
  sliceStoredPhase,
  tunnelsPhase,
  workerSlicesPhase,
  type SliceTarget,
} from './progress';
import { readModifyWrite } from './readModifyWrite';
import {
  requirePreflight,
  resultBody,
  sameContent,
  type Finding,
  type WriteOutcome,
  type WriteRequest,
} from './results';
import {
  newSliceConfig,
  withAllNamespacesOffboarded,
  withSliceUpdate,
  type SliceSpecInput,
  type SliceUpdate,
} from './sliceSpec';
import type { WriteContext } from './WriteContext';

const isNetwork = (slice: KubeObj) =>
  slice.spec?.overlayNetworkDeploymentMode !== 'no-network';
const members = (slice: KubeObj): string[] =>
  (slice.spec?.clusters ?? []).filter((c: unknown) => typeof c === 'string');

export function sliceTarget(req: WriteRequest, name: string): SliceTarget {
  return {
    hub: req.hub,
    namespace: namespaceOfProject(req.project),
    slice: name,
  };
}

/** The stored SliceConfig, or 404. */
export async function readSlice(
  ctx: WriteContext,
  req: WriteRequest,
  name: string,
): Promise<KubeObj> {
  const slice = await ctx
    .hub(req)
    .client.get(RESOURCES.sliceConfigs, namespaceOfProject(req.project), name);
  if (!slice) {
    throw new NotFoundError(
      `No slice '${name}' in project '${req.project}' on hub '${req.hub}'`,
    );
  }
  return slice;
}

/**
 * Read-modify-write of one SliceConfig: the change is applied to the object as stored,
 * preflight judges every attempt, and the write carries the resourceVersion it was read
 * at (a concurrent change → 409 → read again, apply again). A change that changes nothing
 * is not written.
 */
export async function updateSliceConfig(
  ctx: WriteContext,
  req: WriteRequest,
  options: {
    name: string;
    what: string;
    change: (current: KubeObj) => KubeObj;
  },
) {
  const { client } = ctx.hub(req);
  const namespace = namespaceOfProject(req.project);
  const fleet = await ctx.preflightFleet(req);
  let warnings: Finding[] = [];
  let unchanged = false;
  const rmw = () =>
    readModifyWrite<KubeObj, KubeObj>({
      policy: ctx.settings.retry,
      read: () => readSlice(ctx, req, options.name),
      modify: current => {
        const proposed = options.change(current);
        warnings = requirePreflight(
          ctx.preflight.sliceConfig({
            operation: 'update',
            proposed: proposed as any,
            current: current as any,
            fleet,
          }),
          options.what,
        );
        return proposed;
      },
      write: async (proposed, current) => {
        unchanged = sameContent(proposed, current);
        if (unchanged) return current;
        return client.replace(RESOURCES.sliceConfigs, namespace, proposed, {
          dryRun: req.dryRun,
        });
      },
    });
  // A dry run stores nothing, so it need not wait for this process's other writers.
  const outcome = req.dryRun
    ? await rmw()
    : await ctx.writes.run(
        `${req.hub}/sliceconfigs/${namespace}/${options.name}`,
        rmw,
      );
  if (outcome.attempts > 1) {
    ctx.logger.info(
      `${options.what}: written after ${outcome.attempts} attempts (409 conflicts with concurrent writers)`,
    );
  }
  return { ...outcome, warnings, unchanged };
}

export async function createSlice(
  ctx: WriteContext,
  req: WriteRequest<{ name: string; spec: SliceSpecInput }>,
): Promise<WriteOutcome> {
  const { client } = ctx.hub(req);
  const namespace = namespaceOfProject(req.project);
  const { name, spec } = req.body;
  const object = newSliceConfig({ name, namespace, spec });
  const fleet = await ctx.preflightFleet(req);
  const warnings = requirePreflight(
    ctx.preflight.sliceConfig({
      operation: 'create',
      proposed: object as any,
      fleet,
    }),
    `slice ${name}`,
  );
  const stored = await client.create(
    RESOURCES.sliceConfigs,
    namespace,
    object,
    {
      dryRun: req.dryRun,
    },
  );
  const summary = `create slice ${name} (${members(stored).length} clusters, ${
    stored.spec?.overlayNetworkDeploymentMode ?? 'single-network'
  })`;
  if (req.dryRun) {
    return {
      status: 200,
      body: resultBody({ dryRun: true, stored, preflight: warnings }),
      summary,
    };
  }
  const target = sliceTarget(req, name);
  const phases: OperationPhase[] = [workerSlicesPhase(target, members(stored))];
  if (isNetwork(stored) && members(stored).length > 1)
    phases.push(tunnelsPhase(target, members(stored)));
  for (const entry of stored.spec?.namespaceIsolationProfile
    ?.applicationNamespaces ?? [])
    phases.push(onboardedPhase(target, entry.namespace, entry.clusters ?? []));
  const operation = await ctx.tracker.start({
    kind: 'slice.create',
    target: req.target,
    actor: req.actor,
    timeoutMs: ctx.settings.operationTimeoutMs,
    phases,
  });
  return {
    status: 201,
    body: resultBody({ dryRun: false, stored, preflight: warnings, operation }),
    summary,
    operationId: operation.id,
  };
}

function describeUpdate(change: SliceUpdate): string {
  const parts: string[] = [];
  if (change.addClusters?.length)
    parts.push(`add ${change.addClusters.join(', ')}`);
  if (change.removeClusters?.length)
    parts.push(`remove ${change.removeClusters.join(', ')}`);
  if (change.qos)
    parts.push(`QoS ${change.qos.standardQosProfileName ?? 'inline'}`);
  if (change.isolationEnabled !== undefined)
    parts.push(`isolation ${change.isolationEnabled ? 'on' : 'off'}`);
  if (change.addAllowedNamespaces?.length)
    parts.push(
      `allow ${change.addAllowedNamespaces.map(n => n.namespace).join(', ')}`,
    );
  if (change.removeAllowedNamespaces?.length)
    parts.push(`disallow ${change.removeAllowedNamespaces.join(', ')}`);
  return parts.join('; ');
}

export async function updateSlice(
  ctx: WriteContext,
  req: WriteRequest<SliceUpdate>,
): Promise<WriteOutcome> {
  const name = req.params.name;
  const change = req.body;
  const result = await updateSliceConfig(ctx, req, {
    name,
    what: `the change of slice ${name}`,
    change: current => withSliceUpdate(current, change),
  });
  const summary = `update slice ${name}: ${describeUpdate(change)}`;
  const common = {
    dryRun: req.dryRun,
    current: result.current,
    stored: result.result,
    preflight: result.warnings,
    attempts: result.attempts,
  };
  if (req.dryRun || result.unchanged) {
    return { status: 200, body: resultBody(common), summary };
  }
  const target = sliceTarget(req, name);
  const before = members(result.current);
  const after = members(result.result);
  const added = after.filter(c => !before.includes(c));
  const removed = before.filter(c => !after.includes(c));
  const phases: OperationPhase[] = [workerSlicesPhase(target, after, removed)];
  if (added.length && isNetwork(result.result) && after.length > 1)
    phases.push(tunnelsPhase(target, after));
  const operation = await ctx.tracker.start({
    kind: 'slice.update',
    target: req.target,
    actor: req.actor,
    timeoutMs: ctx.settings.operationTimeoutMs,
    phases,
  });
  return {
    status: 200,
    body: resultBody({ ...common, operation }),
    summary,
    operationId: operation.id,
  };
}

/**
 * The wait phase ends on the watch cache's word; the webhook judges the hub's newest state,
 * which for a moment can still show a namespace the worker is just reporting as gone. A
 * refusal is therefore retried a few times before it fails the operation.
 */
async function deleteWhenAdmitted(
  remove: () => Promise<unknown>,
  attempts = 5,
  delayMs = 1000,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await remove();
      return;
    } catch (error) {
      if (isNotFound(error)) return; // someone else deleted it: the goal is reached
      if (attempt >= attempts || (error as Error).name !== 'InputError')
        throw error;
      await new Promise(resolve => setTimeout(resolve, delayMs));
    }
  }
}

/** Preflight of the final delete, minus what the guided delete itself resolves (onboarded namespaces). */
function deleteFindings(
  ctx: WriteContext,
  current: KubeObj,
  fleet: any,
): Finding[] {
  return ctx.preflight
    .sliceConfig({ operation: 'delete', current: current as any, fleet })
    .filter(
      r =>
        r.code !== 'delete.namespacesOnboarded' &&
        r.code !== 'delete.deboardingInProgress',
    )
    .map(r =>
      r.code === 'delete.serviceExportsExist'
        ? {
            ...r,
            severity: 'warning' as const,
            message: `${r.message} The delete waits for them.`,
          }
        : r,
    );
}

/**
 * Guided delete (REFERENCE §10): offboard every namespace now (a read-modify-write, so its
 * refusals come back to the caller), then, tracked: wait until no member lists or reports
 * a namespace and no ServiceExportConfig of the slice remains, then delete the SliceConfig.
 */
export async function deleteSlice(
  ctx: WriteContext,
  req: WriteRequest,
): Promise<WriteOutcome> {
  const name = req.params.name;
  const namespace = namespaceOfProject(req.project);
  const { client } = ctx.hub(req);
  const current = await readSlice(ctx, req, name);
  const fleet = await ctx.preflightFleet(req);
  const warnings = requirePreflight(
    deleteFindings(ctx, current, fleet),
    `the delete of slice ${name}`,
  );
  const namespaces = (
    current.spec?.namespaceIsolationProfile?.applicationNamespaces ?? []
  ).map((e: { namespace?: string }) => e.namespace);
  const plan = [
    namespaces.length
      ? `Offboard ${namespaces.join(', ')} from every member`
      : 'No namespace to offboard',
    'Wait until every WorkerSliceConfig reports no onboarded namespace and no ServiceExportConfig of the slice remains',
    `Delete SliceConfig ${name}`,
  ];
  const offboard = await updateSliceConfig(ctx, req, {
    name,
    what: `offboarding the namespaces of slice ${name}`,
    change: withAllNamespacesOffboarded,
  });
  const summary = `delete slice ${name} (offboard ${namespaces.length} namespaces, then delete)`;
  if (req.dryRun) {
    return {
      status: 200,
      body: {
        ...resultBody({
          dryRun: true,
          current,
          stored: offboard.result,
          preflight: [...offboard.warnings, ...warnings],
          attempts: offboard.attempts,
        }),
        plan,
      },
      summary,
    };
  }
  const target = sliceTarget(req, name);
  const operation = await ctx.tracker.start({
    kind: 'slice.delete',
    target: req.target,
    actor: req.actor,
    timeoutMs: ctx.settings.operationTimeoutMs,
    phases: [
      sliceStoredPhase(
        target,
        'Offboard every namespace',
        s =>
          !(s.spec?.namespaceIsolationProfile?.applicationNamespaces ?? [])
            .length,
      ),
      drainedPhase(target),
      sliceGonePhase(target, () =>
        deleteWhenAdmitted(() =>
          client.delete(RESOURCES.sliceConfigs, namespace, name),
        ),
      ),
    ],
  });
  return {
    status: 202,
    body: {
      ...resultBody({
        dryRun: false,
        current,
        stored: offboard.result,
        preflight: [...offboard.warnings, ...warnings],
        attempts: offboard.attempts,
        operation,
      }),
      plan,
    },
    summary,
    operationId: operation.id,
  };
}
