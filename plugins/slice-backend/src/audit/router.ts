import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { SliceApiRouter } from '../api/openApiRouter';
import { projectVisible, readsEverything } from '../http/readFilters';
import type { SliceAuthorizer } from '../permissions/SliceAuthorizer';
import type { AuditStore } from './AuditStore';

export interface AuditRoutesOptions {
  httpAuth: HttpAuthService;
  authorizer: Pick<SliceAuthorizer, 'requireFleetRead' | 'readFilters'>;
  store: Pick<AuditStore, 'list' | 'projects'>;
}

export const DEFAULT_AUDIT_LIMIT = 100;

/**
 * `GET /v1/audit`: who changed what, newest first — a slice's or project's timeline.
 * Tenant-scoped like every read: rows of projects the caller may not read are left out
 * in the query itself (the few projects that have rows are checked against the caller's
 * filters first), so `limit` counts only rows the caller may see. Parameters are checked
 * against the API document (`audit.openapi.ts` in slice-common) before this runs.
 */
export function registerAuditRoutes(
  router: SliceApiRouter,
  options: AuditRoutesOptions,
): void {
  const { httpAuth, authorizer, store } = options;
  router.get('/v1/audit', async (req, res) => {
    const q = req.query;
    const credentials = await httpAuth.credentials(req);
    await authorizer.requireFleetRead(credentials);
    const filters = await authorizer.readFilters(credentials);
    const projects = readsEverything(filters)
      ? undefined
      : (await store.projects({ hub: q.hub, project: q.project })).filter(p =>
          projectVisible(filters, p.hub, p.project),
        );
    const items = await store.list({
      hub: q.hub,
      project: q.project,
      slice: q.slice,
      cluster: q.cluster,
      actor: q.actor,
      limit: q.limit ?? DEFAULT_AUDIT_LIMIT,
      projects,
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ items });
  });
}
