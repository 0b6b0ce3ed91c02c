import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type express from 'express';
import { z } from 'zod';
import { asyncHandler, parseParams, projectVisible } from '../http/handlers';
import type { SliceAuthorizer } from '../permissions/SliceAuthorizer';
import type { OperationTracker } from './types';

export interface OperationRoutesOptions {
  httpAuth: HttpAuthService;
  authorizer: Pick<SliceAuthorizer, 'requireFleetRead' | 'readFilters'>;
  tracker: Pick<OperationTracker, 'get'>;
}

const operationPath = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, 'must be an operation id')
    .max(64),
});
const noQuery = z.object({}).strict();

/**
 * `GET /v1/operations/{id}`: an operation's progress, for the page that started it (after
 * a reload too) and for any replica. Operations are read like the rest of their project:
 * a caller who may not read the project gets the same 404 as for an unknown id, so an id
 * reveals nothing about other tenants.
 */
export function registerOperationRoutes(
  router: express.Router,
  options: OperationRoutesOptions,
): void {
  const { httpAuth, authorizer, tracker } = options;
  router.get(
    '/v1/operations/:id',
    asyncHandler(async (req, res) => {
      const { id } = parseParams(operationPath, req.params, 'path');
      parseParams(noQuery, req.query);
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
    }),
  );
}
