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
      what: 'events',
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
    latency: {
      windowAria: 'time window',
      windows: {
        auto: 'Fit',
        '15m': '15 min',
        '1h': '1 h',
        '6h': '6 h',
        '24h': '24 h',
        '7d': '7 d',
      },
      noTunnels: {
        title: 'No tunnels to measure',
        description:
          'Latency is measured between the gateways of two member clusters; add a second cluster to the slice.',
      },
      chart: {
        title: 'Round-trip latency per cluster pair',
        subheader:
          'Gateway to gateway, mean per step; red ticks mark steps with the tunnel DOWN',
        what: 'latency history',
        emptyTitle: 'No latency samples in this window',
        emptyDescription:
          'The backend samples gateway status periodically; widen the window, or check that the portal can read the workers (their tunnels show UNKNOWN otherwise).',
        fitted: 'Fitted to the samples since {{since}} (last hour)',
        raw: 'Every sample as recorded',
        rollups: 'Older steps come from rollups',
        step: 'step {{seconds}} s',
        toggleHint: 'click a pair to show or hide it',
      },
      matrix: {
        title: 'Cluster × cluster',
        subheader: 'Click a cell to add its pair to the chart',
        what: 'latency matrix',
        statisticAria: 'matrix statistic',
        latest: 'latest',
        empty: 'No samples in this window yet.',
        approximate: 'Approximate: part of the window comes from rollups.',
      },
      worst: {
        title: 'Worst pairs',
        subheader: 'By p95 latency, then loss',
        empty: 'No samples yet.',
        pair: 'Pair',
        latest: 'Latest',
        lossP95: 'Loss p95',
        downSamples: 'DOWN samples',
      },
    },
    changes: {
      title: 'Changes',
      subheader:
        'Writes through the portal: who changed what, when, and how it ended (from the audit log)',
      what: 'change history',
      filters: {
        result: 'Outcome',
        all: 'All',
        dryRuns: 'Show dry runs',
      },
      results: {
        succeeded: 'succeeded',
        denied: 'denied',
        rejected: 'rejected',
        failed: 'failed',
      },
      actions: {
        sliceCreate: 'Created slice',
        sliceUpdate: 'Changed slice',
        sliceDelete: 'Deleted slice',
        namespaceOnboard: 'Onboarded namespace',
        namespaceOffboard: 'Offboarded namespace',
        clusterRegister: 'Registered cluster',
        clusterDeregister: 'Deregistered cluster',
        serviceExport: 'Exported service',
        qosUpsert: 'Set QoS profile',
      },
      object: {
        slice: 'slice {{name}}',
        cluster: 'cluster {{name}}',
      },
      by: 'by',
      dryRun: 'dry run',
      operation: 'operation {{id}}',
      hiddenDryRuns: 'Dry runs hidden: {{n}}',
      limited: 'Showing the latest {{n}} changes',
      outsidePortal:
        'Changes made outside the portal (kubectl, GitOps) show only as events.',
      empty: {
        title: 'No changes through the portal yet',
        none: 'Creating, changing or deleting the slice, onboarding namespaces and exporting services through the portal are recorded here. Changes made with kubectl or GitOps show on the Events tab.',
        filteredTitle: 'No changes match',
        filtered:
          'Clear the filters, or show dry runs, to see all changes of the slice.',
      },
    },
  },
});
