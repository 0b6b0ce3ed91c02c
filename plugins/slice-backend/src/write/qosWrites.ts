import { namespaceOfProject } from '@slice-portal/plugin-slice-common';
import { apiVersionOf, RESOURCES, type KubeObj } from './kubeClient';
import { readModifyWrite } from './readModifyWrite';
import {
  requirePreflight,
  resultBody,
  sameContent,
  type Finding,
  type WriteOutcome,
  type WriteRequest,
} from './results';
import type { QosDetails } from './sliceSpec';
import type { WriteContext } from './WriteContext';

/** The SliceQoSConfig CRD requires every field (REFERENCE §2.4); these two have one possible value. */
function fullSpec(spec: QosDetails) {
  return { queueType: 'HTB', tcType: 'BANDWIDTH_CONTROL', ...spec };
}

/**
 * Create or update a named QoS profile. An update is a read-modify-write of the spec, so
 * the labels and annotations others put on the profile stay.
 */
export async function upsertQosProfile(
  ctx: WriteContext,
  req: WriteRequest<{ spec: QosDetails }>,
): Promise<WriteOutcome> {
  const { client } = ctx.hub(req);
  const namespace = namespaceOfProject(req.project);
  const name = req.params.name;
  const spec = fullSpec(req.body.spec);
  const fleet = await ctx.preflightFleet(req);
  const what = `QoS profile ${name}`;
  const existing = await client.get(RESOURCES.sliceQosConfigs, namespace, name);
  if (!existing) {
    const object: KubeObj = {
      apiVersion: apiVersionOf(RESOURCES.sliceQosConfigs),
      kind: RESOURCES.sliceQosConfigs.kind,
      metadata: { name, namespace },
      spec,
    };
    const warnings = requirePreflight(
      ctx.preflight.qos({
        operation: 'create',
        proposed: object as any,
        fleet,
      }),
      what,
    );
    const stored = await client.create(
      RESOURCES.sliceQosConfigs,
      namespace,
      object,
      {
        dryRun: req.dryRun,
      },
    );
    return {
      status: req.dryRun ? 200 : 201,
      body: resultBody({ dryRun: req.dryRun, stored, preflight: warnings }),
      summary: `create QoS profile ${name}`,
    };
  }
  let warnings: Finding[] = [];
  const outcome = await readModifyWrite<KubeObj, KubeObj>({
    policy: ctx.settings.retry,
    read: async () =>
      (await client.get(RESOURCES.sliceQosConfigs, namespace, name)) ??
      existing,
    modify: current => {
      const proposed = { ...JSON.parse(JSON.stringify(current)), spec };
      warnings = requirePreflight(
        ctx.preflight.qos({ operation: 'update', proposed, fleet }),
        what,
      );
      return proposed;
    },
    write: (proposed, current) =>
      sameContent(proposed, current)
        ? Promise.resolve(current)
        : client.replace(RESOURCES.sliceQosConfigs, namespace, proposed, {
            dryRun: req.dryRun,
          }),
  });
  return {
    status: 200,
    body: resultBody({
      dryRun: req.dryRun,
      current: outcome.current,
      stored: outcome.result,
      preflight: warnings,
      attempts: outcome.attempts,
    }),
    summary: `update QoS profile ${name}`,
  };
}
