import { exportChecklistMessages } from '@slice-portal/plugin-slice-common';

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
  /** Labels and details of the checklist steps (exportChecklist in slice-common). */
  checklist: exportChecklistMessages,
} as const;
