import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type express from 'express';
import { z } from 'zod';
import {
  asyncHandler,
  kubeName,
  parseParams,
  projectVisible,
  readsEverything,
} from '../http/handlers';
import type { SliceAuthorizer } from '../permissions/SliceAuthorizer';
import type { AuditStore } from './AuditStore';

export interface AuditRoutesOptions {
  httpAuth: HttpAuthService;
  authorizer: Pick<SliceAuthorizer, 'requireFleetRead' | 'readFilters'>;
  store: Pick<AuditStore, 'list' | 'projects'>;
}

export const DEFAULT_AUDIT_LIMIT = 100;
export const MAX_AUDIT_LIMIT = 1000;

const auditQuery = z
  .object({
    hub: kubeName.optional(),
    project: kubeName.optional(),
    slice: kubeName.optional(),
    cluster: kubeName.optional(),
    actor: z
      .string()
      .min(1)
      .max(255)
      .regex(/^[^\s]+$/, 'must be an entity ref such as user:default/alice')
      .optional(),
    limit: z.coerce.number().int().min(1).max(MAX_AUDIT_LIMIT).optional(),
  })
  .strict();

/**
 * `GET /v1/audit`: who changed what, newest first — a slice's or project's timeline.
 * Tenant-scoped like every read: rows of projects the caller may not read are left out
 * in the query itself (the few projects that have rows are checked against the caller's
 * filters first), so `limit` counts only rows the caller may see.
 */
export function registerAuditRoutes(
  router: express.Router,
  options: AuditRoutesOptions,
): void {
  const { httpAuth, authorizer, store } = options;
  router.get(
    '/v1/audit',
    asyncHandler(async (req, res) => {
      const q = parseParams(auditQuery, req.query);
      const credentials = await httpAuth.credentials(req);
      await authorizer.requireFleetRead(credentials);
      const filters = await authorizer.readFilters(credentials);
      const projects = readsEverything(filters)
        ? undefined
        : (await store.projects({ hub: q.hub, project: q.project })).filter(p =>
            projectVisible(filters, p.hub, p.project),
          );
      const items = await store.list({
        ...q,
        limit: q.limit ?? DEFAULT_AUDIT_LIMIT,
        projects,
      });
      res.setHeader('Cache-Control', 'no-store');
      res.json({ items });
    }),
  );
}
