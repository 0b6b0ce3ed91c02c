/** The slice page's Services tab: one card per exported service, and its export checklist. */
export const servicesMessages = {
  none: '—',
  title: '{{name}}.{{namespace}}',
  exportedFrom: 'exported from {{clusters}}',
  nowhere: 'nowhere',
  dnsNames: 'DNS names',
  columns: {
    cluster: 'Cluster',
    export: 'Export',
    import: 'Import',
    endpoints: 'Endpoints',
  },
  localEndpoints: '{{n}} local',
  importedEndpoints: '{{n}} via {{clusters}}',
  why: 'Why is this export not working?',
  empty: {
    title: 'No services exported on this slice',
    description:
      'Create a ServiceExport in an onboarded namespace of a member cluster; it is imported on every member and reachable as <name>.<namespace>.svc.slice.local.',
  },
  /** Labels and details of the checklist steps (keys built in ServicesTab/exportChecklist.ts). */
  checklist: {
    namespaceLabel: 'Namespace {{namespace}} onboarded where the service runs',
    namespaceNoExport:
      'No cluster exports this service: create a ServiceExport in its namespace.',
    namespaceOk: 'Onboarded on {{clusters}}.',
    namespaceMissing:
      "Not onboarded on {{clusters}}: add the namespace to the slice's applicationNamespaces for those clusters.",
    exportLabel: 'ServiceExport READY',
    exportNone: 'No ServiceExport found.',
    exportOk: 'READY on {{clusters}}.',
    exportNotReady:
      '{{list}} (the worker did not accept the export; see the Events tab).',
    importsLabel: 'Imported on every member',
    importsMissing:
      'No ServiceImport on {{clusters}}: the controller creates them once the export is READY.',
    importsUnknown:
      'Cannot read the workers of {{clusters}}; their import state is unknown.',
    importsOk: 'Imported on all {{n}} members.',
    endpointsLabel: 'Endpoints present',
    endpointsNone:
      'The service has no endpoints: check that its pods are running and match the export selector.',
    endpointsEmpty: 'Imports without endpoints on {{clusters}}.',
    endpointsOk: '{{n}} endpoint(s) on {{clusters}}.',
    tunnelsLabel: 'Tunnels to the exporting clusters UP',
    tunnelsNothing: 'Nothing exported.',
    tunnelsOk: '{{n}} tunnel(s) up.',
    tunnelsNotUp: '{{list}}',
  },
} as const;
