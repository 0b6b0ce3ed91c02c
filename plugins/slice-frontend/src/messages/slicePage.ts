/** Strings of `slicePage.*`. */
export const slicePageMessages = {
  type: 'Slice',
  /** What "No such {{what}}" and the like name on the slice page. */
  what: 'slice',
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
} as const;

/** Strings of `events.*`. */
export const eventsMessages = {
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
} as const;

/** Strings of `changes.*`. */
export const changesMessages = {
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
} as const;
