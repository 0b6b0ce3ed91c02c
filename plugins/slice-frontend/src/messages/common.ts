/**
 * Strings shared by every page (`common.*`, `health.*` in sliceTranslationRef): health labels,
 * relative ages, loading and error states, stale-data badges.
 */
export const commonMessages = {
  age: {
    never: 'never',
    unknown: 'unknown',
    seconds: '{{n}} s ago',
    minutes: '{{n}} min ago',
    hours: '{{n}} h ago',
    days: '{{n}} d ago',
  },
  sourceError: '{{source}} is {{state}}',
  stale: {
    refreshFailed: 'Refresh failed: {{message}}',
    stale: 'Stale · data from {{age}}',
    updated: 'Updated {{age}}',
  },
  loaded: {
    notFoundTitle: 'No such {{what}}',
    notFoundDescription:
      '{{message}}. It may have been deleted, or the link is wrong; go back to the Slices page to pick one.',
    forbiddenTitle: 'You may not see this {{what}}',
    forbiddenDescription:
      '{{message}}. Ask the owner of its project, or a platform engineer, for access.',
    refreshFailed:
      'Could not refresh the {{what}}; showing the last data loaded',
  },
} as const;

export const healthMessages = {
  ok: 'Healthy',
  warning: 'Warning',
  error: 'Error',
  unknown: 'Unknown',
  more: 'and {{n}} more',
} as const;
