import {
  createValidatedOpenApiRouter,
  type ApiRouter,
} from '@backstage/backend-openapi-utils';
import {
  sliceApiSpec,
  type SliceApiSpec,
} from '@slice-portal/plugin-slice-common';
import { rewordValidationErrors } from './validationMessages';

/** A router typed by the document: `req.query`, `req.params` and bodies per route. */
export type SliceApiRouter = ApiRouter<SliceApiSpec>;

/**
 * A router that checks every request to a documented route against the slice API
 * document before any handler runs (unknown, missing or malformed parameters → 400
 * naming the parameter), and serves the document at `/openapi.json`. Each router of
 * the plugin starts from here, so each validates what it serves however it is mounted.
 */
export function createSliceApiRouter(): SliceApiRouter {
  const router = createValidatedOpenApiRouter(sliceApiSpec);
  router.use(rewordValidationErrors);
  return router;
}
