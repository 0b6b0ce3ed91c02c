import { InputError } from '@backstage/errors';
import { HEALTH_STATES } from '@slice-portal/plugin-slice-common';
import { z } from 'zod';

const name = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/,
    'must be a Kubernetes name (lowercase letters, digits, - and .)',
  )
  .max(253);
const health = z.enum(HEALTH_STATES as unknown as [string, ...string[]]);

export const sliceListQuery = z
  .object({
    hub: name.optional(),
    project: name.optional(),
    cluster: name.optional(),
    health: health.optional(),
    text: z.string().max(200).optional(),
  })
  .strict();

export const clusterListQuery = z
  .object({
    hub: name.optional(),
    project: name.optional(),
    health: health.optional(),
    text: z.string().max(200).optional(),
  })
  .strict();

export const tunnelListQuery = z
  .object({
    hub: name.optional(),
    project: name.optional(),
    slice: name.optional(),
  })
  .strict();

export const clusterDetailQuery = z
  .object({ project: name.optional() })
  .strict();

export const eventQuery = z
  .object({
    hub: name.optional(),
    project: name.optional(),
    slice: name.optional(),
    cluster: name.optional(),
    type: z.enum(['Normal', 'Warning']).optional(),
    since: z
      .string()
      .refine(v => !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 time')
      .optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
  })
  .strict();

export const slicePathParams = z.object({ hub: name, project: name, name });
export const clusterPathParams = z.object({ hub: name, name });
export const emptyQuery = z.object({}).strict();

/** Parses a query (or path params) and turns a failure into a 400 naming the parameter. */
export function parse<S extends z.ZodType>(
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
