import { namespaceOfProject } from '@slice-portal/plugin-slice-common';
import { inputError } from './kubeErrors';
import { apiVersionOf, RESOURCES, type KubeObj } from './kubeClient';
import { exportPhases } from './progress';
import {
  resultBody,
  type Finding,
  type WriteOutcome,
  type WriteRequest,
} from './results';
import { readSlice } from './sliceWrites';
import type { WriteContext } from './WriteContext';

interface ServiceExportBody {
  cluster: string;
  namespace: string;
  name: string;
  spec: {
    selector: { matchLabels: Record<string, string> };
    ports: {
      name?: string;
      containerPort: number;
      protocol?: string;
      servicePort?: number;
      serviceProtocol?: string;
    }[];
    aliases?: string[];
    ingressEnabled?: boolean;
  };
}

/**
 * Checks of an export against the slice (there is no hub admission for worker objects the
 * portal could lean on): the cluster must be a member; a namespace that is not onboarded
 * there makes the export wait in PENDING, which is worth saying before it is created.
 */
function exportFindings(
  slice: KubeObj,
  body: ServiceExportBody,
  workerSlice: KubeObj | undefined,
): Finding[] {
  const members: string[] = slice.spec?.clusters ?? [];
  if (!members.includes(body.cluster)) {
    throw inputError(
      `Cluster ${body.cluster} is not a member of slice ${
        slice.metadata?.name
      } (members: ${members.join(', ') || 'none'})`,
      [
        {
          path: 'cluster',
          message: `${body.cluster} is not a member of the slice`,
          source: 'preflight',
          code: 'export.clusterNotMember',
        },
      ],
    );
  }
  const findings: Finding[] = [];
  const listed: { namespace?: string; clusters?: string[] }[] =
    slice.spec?.namespaceIsolationProfile?.applicationNamespaces ?? [];
  const entry = listed.find(e => e.namespace === body.namespace);
  const onSlice =
    entry &&
    ((entry.clusters ?? []).includes('*') ||
      (entry.clusters ?? []).includes(body.cluster));
  const onboarded = (workerSlice?.status?.onboardedAppNamespaces ?? []).some(
    (o: { name?: string }) => o.name === body.namespace,
  );
  if (!onSlice || !onboarded) {
    findings.push({
      path: 'namespace',
      code: 'export.namespaceNotOnboarded',
      severity: 'warning',
      message: onSlice
        ? `Namespace ${body.namespace} is not onboarded on ${body.cluster} yet; the export stays PENDING until it is.`
        : `Namespace ${body.namespace} is not an application namespace of the slice on ${body.cluster}; the export stays PENDING until it is onboarded.`,
    });
  }
  return findings;
}

/**
 * Export a service (REFERENCE §6.4): a ServiceExport in the application namespace on the
 * worker. Written with the worker's write credentials when the operator configured them
 * (`workers.write`); otherwise the answer is the manifest to apply there.
 */
export async function exportService(
  ctx: WriteContext,
  req: WriteRequest<ServiceExportBody>,
): Promise<WriteOutcome> {
  const sliceName = req.params.name;
  const body = req.body;
  const slice = await readSlice(ctx, req, sliceName);
  const workerSlice = await ctx
    .hub(req)
    .client.get(
      RESOURCES.workerSliceConfigs,
      namespaceOfProject(req.project),
      `${sliceName}-${body.cluster}`,
    );
  const findings = exportFindings(slice, body, workerSlice);
  const manifest: KubeObj = {
    apiVersion: apiVersionOf(RESOURCES.serviceExports),
    kind: RESOURCES.serviceExports.kind,
    metadata: { name: body.name, namespace: body.namespace },
    spec: { slice: sliceName, ...body.spec },
  };
  const summary = `export service ${body.namespace}/${body.name} from ${body.cluster} on slice ${sliceName}`;
  const worker = ctx.workerClient(req, body.cluster);
  if (!worker) {
    return {
      status: 200,
      body: {
        ...resultBody({
          dryRun: req.dryRun,
          stored: manifest,
          preflight: findings,
        }),
        applied: false,
        instructions: `The portal has no write access to ${body.cluster}: apply this manifest there, e.g. kubectl --context ${body.cluster} apply -f serviceexport.yaml`,
      },
      summary: `${summary} (manifest handed out)`,
    };
  }
  const stored = await worker.create(
    RESOURCES.serviceExports,
    body.namespace,
    manifest,
    { dryRun: req.dryRun },
  );
  if (req.dryRun) {
    return {
      status: 200,
      body: {
        ...resultBody({ dryRun: true, stored, preflight: findings }),
        applied: false,
      },
      summary,
    };
  }
  const operation = await ctx.tracker.start({
    kind: 'service.export',
    target: req.target,
    actor: req.actor,
    timeoutMs: ctx.settings.operationTimeoutMs,
    phases: exportPhases({
      hub: req.hub,
      namespace: namespaceOfProject(req.project),
      slice: sliceName,
      cluster: body.cluster,
      exportNamespace: body.namespace,
      name: body.name,
    }),
  });
  return {
    status: 201,
    body: {
      ...resultBody({ dryRun: false, stored, preflight: findings, operation }),
      applied: true,
    },
    summary,
    operationId: operation.id,
  };
}
