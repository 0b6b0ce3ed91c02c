/** Strings of `exportWizard.*`. */
export const exportServiceMessages = {
  title: 'Export a service',
  subtitle: 'Make a service of slice {{slice}} reachable from every member',
  button: 'Export a service',
  notAllowed:
    'You may not change slice {{slice}}, so you cannot export services on it.',
  steps: {
    service: 'Service',
    ports: 'Ports',
    aliases: 'Aliases',
    review: 'Review',
    applied: 'Follow the export',
  },
  service: {
    cluster: 'Cluster the service runs on',
    namespace: 'Namespace',
    namespaceOnboarded: 'onboarded on {{cluster}}',
    namespaceNotOnboarded:
      'Not onboarded on {{cluster}}: the export stays PENDING until it is.',
    name: 'Service name',
    nameHelp: 'The ServiceExport is named like the service.',
    nameInvalid:
      'Use lowercase letters, digits and "-", starting and ending with a letter or digit.',
    selector: 'Pod labels (selector)',
    selectorHelp: 'The labels of the pods to export: app=web, tier=front.',
    blockers: {
      cluster: 'Choose the cluster the service runs on.',
      namespaceRequired: 'Give the namespace the service runs in.',
      namespaceInvalid:
        'Fix the namespace: lowercase letters, digits and "-", at most 63 characters.',
      nameRequired: 'Give the name of the service to export.',
      nameInvalid:
        'Fix the service name: lowercase letters, digits and "-", at most 63 characters.',
      selectorInvalid: 'Fix the pod labels: {{problems}}.',
      selectorRequired: 'Give the labels of the pods to export, e.g. app=web.',
    },
  },
  ports: {
    name: 'Name',
    containerPort: 'Container port',
    servicePort: 'Service port',
    servicePortHelp: 'Empty: same as the container port',
    protocol: 'Protocol',
    serviceProtocol: 'Service protocol',
    none: 'none',
    add: 'Add port',
    remove: 'Remove port {{n}}',
    nameWarning: 'KubeSlice expects port names to start with http or tcp.',
    blockers: {
      none: 'Add a port to export.',
      containerPortRequired:
        'Port {{n}}: give its container port (1 to 65535).',
      containerPortInvalid:
        'Port {{n}}: the container port must be a number from 1 to 65535.',
      servicePortInvalid:
        'Port {{n}}: the service port must be a number from 1 to 65535, or empty.',
      nameInvalid:
        'Port {{n}}: the name may hold lowercase letters, digits and "-", at most 15 characters.',
    },
  },
  aliases: {
    aliases: 'Aliases',
    aliasesHelp:
      'Extra DNS names for the service, separated by commas or spaces; each may be used by one export of the slice only.',
    dnsTitle: 'The service will answer on',
  },
  review: {
    manifestOnly:
      'The portal has no write access to {{cluster}}: Apply hands you the manifest to apply there.',
  },
  result: {
    manifestTitle: 'Apply this manifest on {{cluster}}',
    checklistTitle: 'Why is this export not working?',
    waiting:
      'Waiting until the import is READY on every member ({{clusters}})…',
    ready: 'The service is imported and READY on every member.',
    reconnecting:
      'The backend cannot be reached; the checklist shows the last known state and is checked again…',
    openServices: 'Open the Services tab',
  },
} as const;
