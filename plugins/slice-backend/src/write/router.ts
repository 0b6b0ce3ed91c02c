import type {
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  clusterRegisterPermission,
  sliceCreatePermission,
  sliceDeletePermission,
  sliceUpdatePermission,
  type SliceResource,
} from '@slice-portal/plugin-slice-common';
import express from 'express';
import Router from 'express-promise-router';
import {
  PermissionDeniedError,
  type SliceAuthorizer,
} from '../permissions/SliceAuthorizer';
import { describeError } from '../hubs/describeError';
import {
  deregisterCluster,
  registerCluster,
  registrationValues,
} from './clusterWrites';
import type {
  AuditAction,
  AuditLog,
  AuditRecord,
  OperationTarget,
  OperationTracker,
} from './contracts';
import { exportService } from './exportWrites';
import { offboardNamespace, onboardNamespace } from './namespaceWrites';
import { upsertQosProfile } from './qosWrites';
import type { WriteOutcome, WriteRequest } from './results';
import { createSlice, deleteSlice, updateSlice } from './sliceWrites';
import { jsonBody, requireDocumented, validateRequest } from './validation';
import { WriteContext, type Preflights } from './WriteContext';
import type { WriteSettings } from './writeConfig';

export interface WriteRouterOptions {
  httpAuth: HttpAuthService;
  authorizer: SliceAuthorizer;
  tracker: OperationTracker;
  audit: AuditLog;
  logger: LoggerService;
  settings: WriteSettings;
  /** For tests: replace preflight functions (e.g. to let a write reach the webhooks). */
  preflights?: Partial<Preflights>;
}

type Method = 'post' | 'patch' | 'put' | 'delete';

interface WriteRoute {
  operationId: string;
  method: Method;
  path: string;
  action: AuditAction;
  permission: ResourcePermission<'kubeslice-resource'>;
  /** What the permission is decided on: the project, or the slice/cluster in it. */
  resource: (p: Record<string, string>) => SliceResource;
  /** What the audit row and the operation are about; `body` is the request's (valid or not). */
  target: (p: Record<string, string>, body: unknown) => OperationTarget;
  run: (ctx: WriteContext, req: WriteRequest<any>) => Promise<WriteOutcome>;
  body: boolean;
}

const project = (p: Record<string, string>): SliceResource => ({
  hub: p.hub,
  project: p.project,
});
const named = (p: Record<string, string>): SliceResource => ({
  hub: p.hub,
  project: p.project,
  name: p.name,
});
/** `{ [key]: body[field] }` when the body names it with a plausible string (it may be invalid). */
function fromBody(key: 'slice' | 'cluster', body: unknown, field: string) {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' && value.length > 0 && value.length <= 253
    ? { [key]: value }
    : {};
}
const sliceTarget = (p: Record<string, string>): OperationTarget => ({
  hub: p.hub,
  project: p.project,
  slice: p.name,
});
const clusterTarget = (p: Record<string, string>): OperationTarget => ({
  hub: p.hub,
  project: p.project,
  cluster: p.name,
});

/** Every write route: where it is, what it needs, what it does. */
export const WRITE_ROUTES: WriteRoute[] = [
  {
    operationId: 'createSlice',
    method: 'post',
    path: '/v1/slices/:hub/:project',
    action: 'slice.create',
    permission: sliceCreatePermission,
    resource: project,
    target: (p, body) => ({
      hub: p.hub,
      project: p.project,
      ...fromBody('slice', body, 'name'),
    }),
    run: createSlice,
    body: true,
  },
  {
    operationId: 'updateSlice',
    method: 'patch',
    path: '/v1/slices/:hub/:project/:name',
    action: 'slice.update',
    permission: sliceUpdatePermission,
    resource: named,
    target: sliceTarget,
    run: updateSlice,
    body: true,
  },
  {
    operationId: 'deleteSlice',
    method: 'delete',
    path: '/v1/slices/:hub/:project/:name',
    action: 'slice.delete',
    permission: sliceDeletePermission,
    resource: named,
    target: sliceTarget,
    run: deleteSlice,
    body: false,
  },
  {
    operationId: 'onboardNamespace',
    method: 'post',
    path: '/v1/slices/:hub/:project/:name/namespaces',
    action: 'namespace.onboard',
    permission: sliceUpdatePermission,
    resource: named,
    target: sliceTarget,
    run: onboardNamespace,
    body: true,
  },
  {
    operationId: 'offboardNamespace',
    method: 'delete',
    path: '/v1/slices/:hub/:project/:name/namespaces/:namespace',
    action: 'namespace.offboard',
    permission: sliceUpdatePermission,
    resource: named,
    target: sliceTarget,
    run: offboardNamespace,
    body: false,
  },
  {
    operationId: 'exportService',
    method: 'post',
    path: '/v1/slices/:hub/:project/:name/exports',
    action: 'service.export',
    permission: sliceUpdatePermission,
    resource: named,
    target: (p, body) => ({
      ...sliceTarget(p),
      ...fromBody('cluster', body, 'cluster'),
    }),
    run: exportService,
    body: true,
  },
  {
    operationId: 'registerCluster',
    method: 'post',
    path: '/v1/projects/:hub/:project/clusters',
    action: 'cluster.register',
    permission: clusterRegisterPermission,
    resource: project,
    target: (p, body) => ({
      hub: p.hub,
      project: p.project,
      ...fromBody('cluster', body, 'name'),
    }),
    run: registerCluster,
    body: true,
  },
  {
    operationId: 'deregisterCluster',
    method: 'delete',
    path: '/v1/projects/:hub/:project/clusters/:name',
    action: 'cluster.deregister',
    permission: clusterRegisterPermission,
    resource: named,
    target: clusterTarget,
    run: deregisterCluster,
    body: false,
  },
  {
    operationId: 'readRegistrationValues',
    method: 'post',
    path: '/v1/projects/:hub/:project/clusters/:name/registration-values',
    action: 'cluster.register',
    permission: clusterRegisterPermission,
    resource: named,
    target: clusterTarget,
    run: registrationValues,
    body: true,
  },
  {
    operationId: 'upsertQosProfile',
    method: 'put',
    path: '/v1/projects/:hub/:project/qos-profiles/:name',
    action: 'qos.upsert',
    permission: sliceUpdatePermission,
    resource: project,
    target: p => ({ hub: p.hub, project: p.project }),
    run: upsertQosProfile,
    body: true,
  },
];

function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef)
    return principal.userEntityRef;
  return `${principal.type ?? 'unknown'}:${principal.subject ?? 'unknown'}`;
}

/** How a failed write is recorded: refused by policy, refused as invalid/conflicting, or failed. */
function resultOf(error: unknown): AuditRecord['result'] {
  if (error instanceof PermissionDeniedError) return 'denied';
  const name = (error as Error)?.name;
  if (
    name === 'InputError' ||
    name === 'ConflictError' ||
    name === 'NotFoundError'
  )
    return 'rejected';
  return 'failed';
}

/** Raw path parameters, for the audit row of a request whose parameters may be invalid. */
const bounded = (params: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, String(v).slice(0, 253)]),
  );

/**
 * The write API (`/v1/slices/...` and `/v1/projects/...` writes). Per request: credentials
 * → validation against the OpenAPI fragment (400) → permission on the project or slice
 * (403, before anything reaches a cluster) → the write kind (preflight, dry run or write,
 * operation) → exactly one audit record, whatever the outcome.
 *
 * Mount it before the read router: it parses and validates its own bodies.
 */
export function createWriteRouter(options: WriteRouterOptions): express.Router {
  const { httpAuth, authorizer, audit, logger } = options;
  const ctx = new WriteContext({
    settings: options.settings,
    logger,
    tracker: options.tracker,
    preflights: options.preflights,
  });
  const router = Router();

  for (const route of WRITE_ROUTES) {
    requireDocumented(route.operationId);
    const handlers: express.RequestHandler[] = route.body ? [jsonBody()] : [];
    router[route.method](route.path, ...handlers, async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const actor = actorOf(credentials);
      const raw = bounded(req.params as Record<string, string>);
      let target = route.target(raw, req.body);
      let dryRun = req.query.dryRun === 'true';
      const record = async (
        entry: Pick<
          AuditRecord,
          'result' | 'error' | 'operationId' | 'summary'
        >,
      ) => {
        try {
          await audit.record({
            actor,
            action: route.action,
            target,
            dryRun,
            credentials,
            request: req,
            ...entry,
          });
        } catch (error) {
          // The write has happened (or was refused) either way; a broken audit log must
          // not turn that answer into an error. It is logged for the operator.
          logger.error(
            `Audit record of ${
              route.action
            } by ${actor} failed: ${describeError(error)}`,
          );
        }
      };
      let outcome: WriteOutcome;
      try {
        const validated = validateRequest(route.operationId, req);
        dryRun = validated.query.dryRun === true;
        target = route.target(validated.params, validated.body);
        await authorizer.requireResourcePermission(
          credentials,
          route.permission,
          route.resource(validated.params),
        );
        outcome = await route.run(ctx, {
          hub: validated.params.hub,
          project: validated.params.project,
          params: validated.params,
          query: validated.query,
          body: validated.body,
          dryRun,
          actor,
          credentials,
          target,
        });
      } catch (error) {
        await record({
          result: resultOf(error),
          error: (error as Error)?.message ?? String(error),
        });
        throw error;
      }
      await record({
        result: 'succeeded',
        summary: outcome.summary,
        operationId: outcome.operationId,
      });
      for (const [key, value] of Object.entries(outcome.headers ?? {}))
        res.setHeader(key, value);
      res.status(outcome.status).json(outcome.body);
    });
  }
  return router;
}
