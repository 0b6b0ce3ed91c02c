import { ConflictError, NotFoundError } from '@backstage/errors';
import { namespaceOfProject } from '@slice-portal/plugin-slice-common';
import { diffObjects, toYaml } from './diff';
import { apiVersionOf, RESOURCES, type KubeObj } from './kubeClient';
import { deregistrationPhases, registrationPhases } from './progress';
import {
  requirePreflight,
  resultBody,
  type WriteOutcome,
  type WriteRequest,
} from './results';
import type { WriteContext } from './WriteContext';

interface ClusterRegisterBody {
  name: string;
  spec?: {
    networkInterface?: string;
    nodeIPs?: string[];
    clusterProperty?: {
      geoLocation?: {
        cloudProvider?: string;
        cloudRegion?: string;
        latitude?: string;
        longitude?: string;
      };
    };
  };
}

async function readCluster(
  ctx: WriteContext,
  req: WriteRequest,
  name: string,
): Promise<KubeObj> {
  const cluster = await ctx
    .hub(req)
    .client.get(RESOURCES.clusters, namespaceOfProject(req.project), name);
  if (!cluster) {
    throw new NotFoundError(
      `No cluster '${name}' in project '${req.project}' on hub '${req.hub}'`,
    );
  }
  return cluster;
}

/** Registration (REFERENCE §6.1 step 2): the Cluster, followed until the controller issued its worker Secret. */
export async function registerCluster(
  ctx: WriteContext,
  req: WriteRequest<ClusterRegisterBody>,
): Promise<WriteOutcome> {
  const { client } = ctx.hub(req);
  const namespace = namespaceOfProject(req.project);
  const { name, spec } = req.body;
  const object: KubeObj = {
    apiVersion: apiVersionOf(RESOURCES.clusters),
    kind: RESOURCES.clusters.kind,
    metadata: { name, namespace },
    spec: spec ?? {},
  };
  const fleet = await ctx.preflightFleet(req);
  const warnings = requirePreflight(
    ctx.preflight.cluster({
      operation: 'create',
      proposed: object as any,
      fleet,
    }),
    `the registration of cluster ${name}`,
  );
  const stored = await client.create(RESOURCES.clusters, namespace, object, {
    dryRun: req.dryRun,
  });
  const summary = `register cluster ${name}`;
  if (req.dryRun) {
    return {
      status: 200,
      body: resultBody({ dryRun: true, stored, preflight: warnings }),
      summary,
    };
  }
  const operation = await ctx.tracker.start({
    kind: 'cluster.register',
    target: req.target,
    actor: req.actor,
    timeoutMs: ctx.settings.operationTimeoutMs,
    phases: registrationPhases({ hub: req.hub, namespace, cluster: name }),
  });
  return {
    status: 201,
    body: resultBody({ dryRun: false, stored, preflight: warnings, operation }),
    summary,
    operationId: operation.id,
  };
}

/** Deregistration = deleting the Cluster; refused (with the slices named) while it is in one. */
export async function deregisterCluster(
  ctx: WriteContext,
  req: WriteRequest,
): Promise<WriteOutcome> {
  const { client } = ctx.hub(req);
  const namespace = namespaceOfProject(req.project);
  const name = req.params.name;
  const current = await readCluster(ctx, req, name);
  const fleet = await ctx.preflightFleet(req);
  const warnings = requirePreflight(
    ctx.preflight.cluster({
      operation: 'delete',
      current: current as any,
      fleet,
    }),
    `the deregistration of cluster ${name}`,
  );
  await client.delete(RESOURCES.clusters, namespace, name, {
    dryRun: req.dryRun,
    resourceVersion: current.metadata?.resourceVersion,
  });
  const summary = `deregister cluster ${name}`;
  const body = {
    ...resultBody({
      dryRun: req.dryRun,
      current,
      stored: current,
      preflight: warnings,
    }),
    // What goes is the whole object.
    diff: diffObjects(current, undefined),
    plan: [
      `Delete Cluster ${name}`,
      'The worker uninstalls itself (DeregisterInProgress → Deregistered), then the controller removes the Cluster',
    ],
  };
  if (req.dryRun) return { status: 200, body, summary };
  const operation = await ctx.tracker.start({
    kind: 'cluster.deregister',
    target: req.target,
    actor: req.actor,
    timeoutMs: ctx.settings.operationTimeoutMs,
    phases: deregistrationPhases({ hub: req.hub, namespace, cluster: name }),
  });
  return {
    status: 202,
    body: { ...body, operation },
    summary,
    operationId: operation.id,
  };
}

/**
 * The Helm values of the worker chart (REFERENCE §6.1 step 4), copied as they are from the
 * Secret the controller issued for the cluster. They hold the worker's hub token: they are
 * read from the hub for this one answer, sent with `Cache-Control: no-store`, and never
 * logged, audited or kept.
 */
export async function registrationValues(
  ctx: WriteContext,
  req: WriteRequest<{ clusterEndpoint?: string }>,
): Promise<WriteOutcome> {
  const { client } = ctx.hub(req);
  const namespace = namespaceOfProject(req.project);
  const name = req.params.name;
  const cluster = await readCluster(ctx, req, name);
  const secretName: string | undefined = cluster.status?.secretName;
  const notYet = new ConflictError(
    `The controller has not issued the worker Secret of cluster ${name} yet (Cluster.status.secretName); try again in a few seconds`,
  );
  if (!secretName) throw notYet;
  const data = await client.secretData(namespace, secretName);
  if (!data?.token) throw notYet;
  const values: Record<string, unknown> = {
    controllerSecret: {
      namespace: data.namespace,
      endpoint: data.controllerEndpoint,
      'ca.crt': data['ca.crt'],
      token: data.token,
    },
    cluster: {
      name,
      ...(req.body.clusterEndpoint
        ? { endpoint: req.body.clusterEndpoint }
        : {}),
    },
  };
  return {
    status: 200,
    headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
    body: {
      cluster: name,
      values,
      yaml: toYaml(values),
      command:
        'helm install kubeslice-worker kubeslice/kubeslice-worker -n kubeslice-system --create-namespace -f worker-values.yaml',
    },
    summary: `read the worker registration values of cluster ${name}`,
  };
}
