/** The slice page's Overview, Namespaces and YAML tabs. */
export const sliceTabsMessages = {
  none: '—',
  overview: {
    health: 'Health',
    allHealthy: 'Every member is healthy and every tunnel is up.',
    counts: 'Counts',
    countLabels: {
      members: 'members',
      tunnelsUp: 'tunnels up',
      namespacesOnboarded: 'namespaces onboarded',
      services: 'services',
      warningEvents: 'warning events',
    },
    ratio: '{{part}}/{{total}}',
    network: 'Network',
    networkFields: {
      mode: 'Overlay mode',
      subnet: 'Subnet',
      maxClusters: 'Max clusters',
      isolation: 'Isolation',
      applicationNamespaces: 'Application namespaces',
      allowedNamespaces: 'Allowed namespaces',
    },
    isolationEnabled: 'enabled: only slice and allowed namespaces may connect',
    isolationDisabled: 'disabled',
    qos: 'QoS',
    qosFields: {
      profile: 'Profile',
      queue: 'Queue',
      priority: 'Priority',
      tcType: 'Traffic control',
      ceiling: 'Bandwidth ceiling',
      guaranteed: 'Bandwidth guaranteed',
      dscp: 'DSCP class',
    },
    rate: {
      gbps: '{{value}} Gbit/s',
      mbps: '{{value}} Mbit/s',
      kbps: '{{value}} kbit/s',
    },
    members: 'Members ({{n}})',
    memberColumns: {
      cluster: 'Cluster',
      subnet: 'Subnet',
      onboarded: 'Onboarded namespaces',
      health: 'Health',
    },
    noneYet: 'none yet',
    noMembers:
      'No clusters yet. Add clusters under spec.clusters of the SliceConfig.',
  },
  namespaces: {
    isolation: 'Isolation',
    isolationEnabled:
      "Isolation is enabled: pods in the slice's namespaces only accept traffic from the slice and from the allowed namespaces ({{allowed}}).",
    isolationDisabled:
      'Isolation is disabled: the slice namespaces accept traffic from any namespace of their cluster.',
    noneAllowed: 'none',
    pending:
      '{{n}} namespace(s) requested but not onboarded yet: {{list}}. The worker onboards a namespace once it exists on the cluster; create it there if it is missing.',
    pendingItem: '{{namespace}} on {{cluster}}',
    columns: {
      namespace: 'Namespace',
      role: 'Role',
      requested: 'Requested',
      onboarded: 'Onboarded',
      state: 'State',
    },
    yes: 'yes',
    no: 'no',
    states: {
      onboarded: 'onboarded',
      pending: 'requested, not onboarded',
      unrequested: 'onboarded, no longer requested',
      allowed: 'allowed',
    },
    empty:
      'No namespaces requested on this cluster. Onboard namespaces puts them on it.',
  },
  yaml: {
    title: 'SliceConfig',
    subheader: 'Read-only; as stored on the hub',
  },
} as const;
