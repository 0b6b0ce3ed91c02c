import { InputError } from '@backstage/errors';
import type express from 'express';
import { z } from 'zod';
import { ALLOW_ALL, type ResourceFilter } from '../permissions/SliceAuthorizer';

/**
 * An async route handler whose rejection reaches Express's error handling, whatever router
 * it is registered on (a plain `express.Router` in Express 4 would leave it unhandled, and
 * Node 22 ends the process on an unhandled rejection).
 */
export function asyncHandler(
  fn: (req: express.Request, res: express.Response) => Promise<void>,
): express.RequestHandler {
  return (req, res, next) => {
    fn(req, res).catch(next);
  };
}

/** A Kubernetes object name, as the rest of the API accepts it. */
export const kubeName = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/,
    'must be a Kubernetes name (lowercase letters, digits, - and .)',
  )
  .max(253);

/** Parses query or path parameters; a failure is a 400 naming the parameter. */
export function parseParams<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'query' | 'path' = 'query',
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    throw new InputError(
      `Unknown ${where} parameter '${issue.keys.join("', '")}'`,
    );
  }
  const field = issue.path.join('.') || '(root)';
  throw new InputError(
    `Invalid ${where} parameter '${field}': ${issue.message}`,
  );
}

/** Read filters of one caller (see SliceAuthorizer.readFilters). */
export interface ReadFilters {
  slices: ResourceFilter;
  clusters: ResourceFilter;
}

/** "May read something in this project": the rule the read API applies to project-wide data. */
export function projectVisible(
  filters: ReadFilters,
  hub: string,
  project: string,
): boolean {
  return filters.slices({ hub, project }) || filters.clusters({ hub, project });
}

/** Whether the caller may read every project (so nothing needs filtering). */
export function readsEverything(filters: ReadFilters): boolean {
  return filters.slices === ALLOW_ALL || filters.clusters === ALLOW_ALL;
}
