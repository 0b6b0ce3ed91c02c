import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * The user-visible strings of the Slice Portal frontend, so that a portal can localise them
 * (`createTranslationMessages({ ref: sliceTranslationRef, messages: { … } })` in the app's
 * translation resources). Components read them with `useTranslationRef(sliceTranslationRef)`.
 *
 * One top-level group per page or feature; each group is owned by the code that uses it.
 * Interpolations use `{{name}}`.
 *
 * @public
 */
export const sliceTranslationRef = createTranslationRef({
  id: 'slice',
  messages: {
    slicePage: {
      type: 'Slice',
      breadcrumbFleet: 'Slices',
      subtitle: 'project {{project}} on hub {{hub}}',
      labels: {
        health: 'Health',
        members: 'Members',
        mode: 'Mode',
        data: 'Data',
      },
      tabs: {
        overview: 'Overview',
        topology: 'Topology',
        latency: 'Latency',
        namespaces: 'Namespaces',
        services: 'Services',
        events: 'Events',
        changes: 'Changes',
        yaml: 'YAML',
      },
    },
    events: {
      title: 'Events',
      noTime: 'no time',
      filters: {
        type: 'Type',
        cluster: 'Cluster',
        search: 'Search',
        searchAria: 'search events',
        all: 'All',
        allClusters: 'All clusters',
        warning: 'Warning',
        normal: 'Normal',
      },
      empty: {
        title: 'No events match',
        none: 'The controller and workers have not recorded events for this slice recently; events expire after an hour on most clusters.',
        filtered: 'Clear the filters to see all events of the slice.',
      },
    },
  },
});
