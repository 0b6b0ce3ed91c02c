/**
 * The query and path parameters of the API server's operations, with short
 * descriptions (operations.ts lays them out per verb).
 */

export interface Parameter {
  name: string;
  in: 'query' | 'path';
  type: 'string' | 'boolean' | 'integer';
  description: string;
  required?: boolean;
}

const q = (
  name: string,
  description: string,
  type: Parameter['type'] = 'string',
): Parameter => ({ name, in: 'query', type, description });

export const P = {
  pretty: q('pretty', "If 'true', then the output is pretty printed."),
  dryRun: q(
    'dryRun',
    'When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed',
  ),
  fieldManager: q(
    'fieldManager',
    'fieldManager is a name associated with the actor or entity that is making these changes. It is required for apply requests (application/apply-patch) and optional otherwise.',
  ),
  fieldValidation: q(
    'fieldValidation',
    'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields: Ignore, Warn (the default) or Strict.',
  ),
  force: q(
    'force',
    'Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned by other people. Force flag must be unset for non-apply patch requests.',
    'boolean',
  ),
  allowWatchBookmarks: q(
    'allowWatchBookmarks',
    'allowWatchBookmarks requests watch events with type "BOOKMARK".',
    'boolean',
  ),
  continue: q(
    'continue',
    'The continue option should be set when retrieving more results from the server.',
  ),
  fieldSelector: q(
    'fieldSelector',
    'A selector to restrict the list of returned objects by their fields. Defaults to everything.',
  ),
  labelSelector: q(
    'labelSelector',
    'A selector to restrict the list of returned objects by their labels. Defaults to everything.',
  ),
  limit: q(
    'limit',
    'limit is a maximum number of responses to return for a list call.',
    'integer',
  ),
  resourceVersion: q(
    'resourceVersion',
    'resourceVersion sets a constraint on what resource versions a request may be served from.',
  ),
  resourceVersionMatch: q(
    'resourceVersionMatch',
    'resourceVersionMatch determines how resourceVersion is applied to list calls.',
  ),
  timeoutSeconds: q(
    'timeoutSeconds',
    'Timeout for the list/watch call.',
    'integer',
  ),
  watch: q(
    'watch',
    'Watch for changes to the described resources and return them as a stream of add, update, and remove notifications.',
    'boolean',
  ),
  gracePeriodSeconds: q(
    'gracePeriodSeconds',
    'The duration in seconds before the object should be deleted.',
    'integer',
  ),
  orphanDependents: q(
    'orphanDependents',
    'Deprecated: please use the PropagationPolicy.',
    'boolean',
  ),
  propagationPolicy: q(
    'propagationPolicy',
    "Whether and how garbage collection will be performed: 'Orphan', 'Background' or 'Foreground'.",
  ),
};

export const LIST_PARAMS = [
  P.allowWatchBookmarks,
  P.continue,
  P.fieldSelector,
  P.labelSelector,
  P.limit,
  P.resourceVersion,
  P.resourceVersionMatch,
  P.timeoutSeconds,
  P.watch,
];
export const WRITE_PARAMS = [P.dryRun, P.fieldManager, P.fieldValidation];
export const DELETE_PARAMS = [
  P.dryRun,
  P.gracePeriodSeconds,
  P.orphanDependents,
  P.propagationPolicy,
];

export const pathParam = (name: string, description: string): Parameter => ({
  name,
  in: 'path',
  type: 'string',
  description,
  required: true,
});
