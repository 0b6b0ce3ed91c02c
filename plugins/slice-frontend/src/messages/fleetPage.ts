/** The Fleet page (`/slices`): hubs, health summaries, map or graph, slices and clusters tables. */
export const fleetPageMessages = {
  title: 'Slices',
  subtitle: 'Multi-cluster KubeSlice slices across your fleet',
  heading: 'Fleet',
  refresh: 'Refresh',
  refreshFailed: 'Could not refresh; showing data from {{age}}',
  noHubs: {
    title: 'No KubeSlice hubs configured',
    description:
      'Add your controller clusters under slice.hubs in app-config.yaml; the plugin README shows how.',
  },
  summary: {
    clusters: '{{total}} clusters',
    slices: '{{total}} slices',
    state: '{{n}} {{label}}',
  },
  view: {
    aria: 'Fleet view',
    map: 'Map',
    graph: 'Graph',
    mapTitle: 'Fleet map',
    graphTitle: 'Cluster graph',
    mapSubheader:
      'Clusters at their geoLocation, tunnels between slice members; click a cluster to list its slices',
    graphSubheader:
      'Every cluster pair that shares a slice as one edge; hover or click a cluster to highlight its pairs and list its slices',
    tunnelsFailed: 'Tunnels could not be loaded: {{message}}',
  },
  slicesOn: 'Slices on {{cluster}}',
  noSlices: {
    title: 'No slices you can see',
    withErrors:
      'Some sources could not be read (see above); slices there will appear once they can be. Otherwise create a SliceConfig in a project namespace on the hub, or ask a platform engineer to give your group a project (slice.tenancy.projects).',
    none: 'Create a SliceConfig in a project namespace on the hub (kubectl apply -n kubeslice-<project> -f sliceconfig.yaml). If you expected slices here, ask a platform engineer to give your group a project (slice.tenancy.projects).',
  },
  hub: {
    subheader: 'hub {{name}}',
    inSync: 'In sync',
    partlySynced: 'Partly synced',
    unreachable: 'Unreachable',
    connecting: 'Connecting',
    lastSynced: 'Last synced {{age}}',
    // One message per count, so that each takes its plural form (i18next: `count`).
    contents: '{{projects}} · {{clusters}} · {{slices}}',
    projects_one: '{{count}} project ({{names}})',
    projects_other: '{{count}} projects ({{names}})',
    clusters_one: '{{count}} cluster',
    clusters_other: '{{count}} clusters',
    slices_one: '{{count}} slice',
    slices_other: '{{count}} slices',
    noProjects: 'none',
  },
  columns: {
    cluster: 'Cluster',
    slice: 'Slice',
    project: 'Project',
    location: 'Location',
    registration: 'Registration',
    health: 'Health',
    slices: 'Slices',
    hub: 'Hub',
    members: 'Members',
    namespaces: 'Namespaces',
    mode: 'Mode',
    subnet: 'Subnet',
    isolation: 'Isolation',
  },
  clusters: {
    title: 'Clusters ({{total}})',
    showSlices: 'Show the slices of {{name}}',
    empty:
      'No clusters you can see. Register a worker cluster on the hub (a Cluster in the project namespace), or ask a platform engineer for access to a project.',
  },
  slices: {
    title: 'Slices ({{total}})',
    isolated: 'isolated',
    open: 'open',
    empty: 'No slices yet. Create a SliceConfig on a hub to see it here.',
  },
} as const;
