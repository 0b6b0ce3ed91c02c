import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { SliceApiRouter } from '../api/openApiRouter';
import { projectVisible } from '../http/readFilters';
import type { SliceAuthorizer } from '../permissions/SliceAuthorizer';
import type { OperationTracker } from './types';

export interface OperationRoutesOptions {
  httpAuth: HttpAuthService;
  authorizer: Pick<SliceAuthorizer, 'requireFleetRead' | 'readFilters'>;
  tracker: Pick<OperationTracker, 'get'>;
}

/**
 * `GET /v1/operations/{id}`: an operation's progress, for the page that started it (after
 * a reload too) and for any replica. Operations are read like the rest of their project:
 * a caller who may not read the project gets the same 404 as for an unknown id, so an id
 * reveals nothing about other tenants. Parameters are checked against the API document
 * (`operations.openapi.ts` in slice-common) before this runs.
 */
export function registerOperationRoutes(
  router: SliceApiRouter,
  options: OperationRoutesOptions,
): void {
  const { httpAuth, authorizer, tracker } = options;
  router.get('/v1/operations/:id', async (req, res) => {
    const { id } = req.params;
    const credentials = await httpAuth.credentials(req);
    await authorizer.requireFleetRead(credentials);
    const filters = await authorizer.readFilters(credentials);
    const operation = await tracker.get(id);
    if (
      !operation ||
      !projectVisible(filters, operation.target.hub, operation.target.project)
    ) {
      throw new NotFoundError(`No operation '${id}' that you may read`);
    }
    // Progress changes under the client's feet: never serve it from a cache.
    res.setHeader('Cache-Control', 'no-store');
    res.json(operation);
  });
}
