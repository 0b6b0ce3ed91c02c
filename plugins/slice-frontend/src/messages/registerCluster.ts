/** Strings of `registerClusterWizard.*`. */
export const registerClusterMessages = {
  title: 'Register cluster',
  subtitle: 'Add a worker cluster to a project of the hub',
  button: 'Register cluster',
  notAllowed:
    'Registering clusters changes the fleet: only platform engineers may do it.',
  loadingPermissions: 'Checking your permissions…',
  steps: {
    cluster: 'Project and name',
    location: 'Location',
    network: 'Network',
    review: 'Review',
    applied: 'Install and register',
  },
  cluster: {
    project: 'Project',
    projectNotAllowed: 'you may not register clusters here',
    name: 'Cluster name',
    nameHelp:
      'A DNS-1123 subdomain (lowercase letters, digits, "-" and "."); it names the worker everywhere.',
    nameInvalid:
      'Use lowercase letters, digits, "-" and ".", starting and ending with a letter or digit.',
    nameTaken: 'Project {{project}} already has a cluster {{name}}.',
    nameRequired: 'Give the cluster a name.',
    chooseProject: 'Choose the project the cluster belongs to.',
  },
  location: {
    provider: 'Cloud provider',
    providerHelp:
      'e.g. aws, gcp, azure, or on-prem; the worker overwrites it when it detects aws, gcp, azure, linode or akamai.',
    region: 'Region',
    regionHelp: 'e.g. eu-west-1',
    latitude: 'Latitude',
    longitude: 'Longitude',
    coordinateHelp:
      'Decimal degrees; paste "52.37, 4.89" into either field to fill both.',
    both: 'Give both latitude and longitude, or neither.',
    problems: {
      notANumber: '"{{value}}" is not a decimal number.',
      outOfRange: 'Must be from -{{limit}} to {{limit}}.',
    },
    mapHint:
      'Click the map to place the cluster there; the other clusters are shown for reference.',
    clear: 'Clear location',
    fix: 'Fix the coordinates first (or clear them).',
  },
  network: {
    nodeIPs: 'Gateway node IPs',
    nodeIPsHelp:
      'Separated by commas or spaces. Leave empty and the worker detects its gateway nodes (labelled kubeslice.io/node-type=gateway).',
    networkInterface: 'Network interface',
    networkInterfaceHelp:
      'The interface QoS shapes slice traffic on; usually eth0.',
  },
  install: {
    title: 'Install the worker',
    intro:
      'The Cluster {{name}} exists on the hub. Install the KubeSlice worker chart on that cluster with these values; the worker then registers itself.',
    secret:
      "These values hold the worker's token for the hub: keep them secret. They are shown to you only and are not stored by the portal.",
    waitingSecret: 'Waiting for the controller to issue the worker Secret…',
    valuesTitle: 'Helm values file',
    commandTitle: 'Install command',
    endpoint: 'Worker API server URL (optional)',
    endpointHelp:
      'An https URL: the chart value cluster.endpoint, used for the dashboard credentials the worker publishes.',
    updateValues: 'Update values',
  },
  wait: {
    title: 'Registration',
    waiting:
      'Waiting for the worker to report Registered (it does so once the chart is installed)…',
    status: 'The worker reports {{status}}.',
    registered: 'Cluster {{name}} is registered.',
    failed:
      'The worker reports {{status}}: see its logs (kubectl -n kubeslice-system logs deploy/kubeslice-operator).',
    deregistering: 'The cluster is being deregistered ({{status}}).',
    reconnecting:
      'The backend cannot be reached; still waiting, and checking again…',
    backToFleet: 'Back to the fleet',
  },
} as const;
