/** Strings of `createSlice.*`. */
export const createSliceMessages = {
  title: 'Create slice',
  subtitle:
    'A set of namespaces across clusters, joined by an encrypted overlay',
  button: 'Create slice',
  noProjects:
    'You may not create slices in any project. Ask a platform engineer for a project (slice.tenancy.projects).',
  loadingPermissions: 'Checking your permissions…',
  steps: {
    project: 'Project and name',
    clusters: 'Clusters',
    network: 'Network',
    namespaces: 'Namespaces and isolation',
    qos: 'QoS',
    review: 'Review',
    applied: 'Follow the creation',
  },
  project: {
    label: 'Project',
    notAllowed: 'you may not create slices here',
    name: 'Slice name',
    nameHelp:
      'A DNS label; keep it to 15 characters or fewer (longer names break service export).',
    nameInvalid:
      'Use lowercase letters, digits and "-", starting and ending with a letter or digit.',
    nameTaken: 'Project {{project}} already has a slice {{name}}.',
    blocker: 'Choose a project and a valid name no slice of it uses.',
    hub: 'Hub',
  },
  clusters: {
    hint: 'Pick at least two clusters of project {{project}}: in the list or on the map.',
    selected: '{{n}} selected',
    name: 'Cluster',
    health: 'Health',
    provider: 'Provider / region',
    pickable: 'Can join',
    reasons: {
      otherProject: 'in another project',
      notRegistered: 'not registered',
      noNetwork: 'no slice network (NSM) on it',
      unhealthy: 'unhealthy',
    },
    yes: 'yes',
    tooFew: 'A slice needs at least two clusters.',
    mapHint: 'Click a cluster on the map to add or remove it.',
  },
  network: {
    mode: 'Overlay network',
    modes: {
      'single-network': 'single network (one flat L3 overlay)',
      'multi-network': 'multi network (per-cluster gateways, no flat L3)',
      'no-network': 'no network (namespace sameness only, no tunnels)',
    },
    subnet: 'Slice subnet',
    subnetHelp: 'A private /16 ending in .0.0.',
    suggested:
      'Suggested {{subnet}}: it overlaps no slice of the hub and no CNI subnet of the chosen clusters.',
    useSuggested: 'Use {{subnet}}',
    noSuggestion: 'Every private /16 is in use; enter one by hand.',
    maxClusters: 'Maximum clusters',
    maxClustersHelp:
      'Fixed once the slice exists: each member gets a block of the subnet sized by it, so it cannot change later. 2 to 32.',
  },
  namespaces: {
    application: 'Application namespaces',
    allowed: 'Allowed namespaces (may reach the slice when isolated)',
    namespace: 'Namespace',
    clusters: 'On clusters',
    everyCluster: 'every member (*)',
    add: 'Add namespace',
    remove: 'Remove {{namespace}}',
    isolation: 'Isolate the application namespaces (network policies)',
    none: 'None yet: you can onboard namespaces after the slice exists.',
  },
  qos: {
    kind: 'QoS',
    profile: 'A QoS profile of the project',
    custom: 'Custom values',
    profileName: 'Profile name',
    profileHelp: 'The name of a SliceQoSConfig in project {{project}}.',
    profileRequired:
      'Enter the name of a QoS profile of the project, or choose custom values.',
    ceiling: 'Bandwidth ceiling',
    guaranteed: 'Bandwidth guaranteed',
    kbps: 'kbit/s',
    priority: 'Priority',
    priorityHelp: '0 (highest) to 3',
    dscp: 'DSCP class',
    ceilingBelow: 'The ceiling must be at least the guaranteed bandwidth.',
  },
  done: {
    title: 'Slice {{name}} is ready',
    open: 'Open slice {{name}}',
    waiting: 'Waiting until every member is ready and every tunnel is UP…',
    openAnyway: 'Open the slice now',
  },
} as const;
