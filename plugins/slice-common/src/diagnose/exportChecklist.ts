import type { NamespaceOnCluster, SliceService, Tunnel } from '../fleet/types';

/**
 * The checklist's texts in English, with `{{name}}` interpolations. The portal translates them
 * (they are the `services.checklist` group of its translation ref); AI actions and other
 * plain-text callers use them through `checklistText`.
 */
export const exportChecklistMessages = {
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
} as const;

/** A text of the checklist, untranslated: a message key and its interpolation values. */
export interface ChecklistText {
  key: keyof typeof exportChecklistMessages;
  values?: Record<string, string>;
}

/** A checklist text in English (or in the messages given), its `{{name}}` interpolations filled in. */
export function checklistText(
  text: ChecklistText,
  messages: Record<ChecklistText['key'], string> = exportChecklistMessages,
): string {
  return messages[text.key].replace(
    /\{\{(\w+)\}\}/g,
    (whole, name: string) => text.values?.[name] ?? whole,
  );
}

/** One step of "why is this export not working": `ok` is undefined when it cannot be told. */
export interface ChecklistItem {
  id: 'namespace' | 'export' | 'imports' | 'endpoints' | 'tunnels';
  label: ChecklistText;
  ok: boolean | undefined;
  detail: ChecklistText;
}

const text = (
  key: ChecklistText['key'],
  values?: ChecklistText['values'],
): ChecklistText => (values ? { key, values } : { key });

interface ChecklistContext {
  members: string[];
  namespaceStates: NamespaceOnCluster[];
  tunnels: Tunnel[];
}

function namespaceStep(
  service: SliceService,
  context: ChecklistContext,
): ChecklistItem {
  const label = text('namespaceLabel', { namespace: service.namespace });
  const exporters = service.exportedFrom;
  if (exporters.length === 0) {
    return {
      id: 'namespace',
      label,
      ok: false,
      detail: text('namespaceNoExport'),
    };
  }
  const notOnboarded = exporters.filter(
    cluster =>
      !context.namespaceStates.some(
        n =>
          n.cluster === cluster &&
          n.namespace === service.namespace &&
          n.state === 'onboarded',
      ),
  );
  if (notOnboarded.length === 0) {
    return {
      id: 'namespace',
      label,
      ok: true,
      detail: text('namespaceOk', { clusters: exporters.join(', ') }),
    };
  }
  return {
    id: 'namespace',
    label,
    ok: false,
    detail: text('namespaceMissing', { clusters: notOnboarded.join(', ') }),
  };
}

function exportStep(service: SliceService): ChecklistItem {
  const label = text('exportLabel');
  if (service.exports.length === 0) {
    return {
      id: 'export',
      label,
      ok: false,
      detail: text('exportNone'),
    };
  }
  const notReady = service.exports.filter(
    e => e.status.toUpperCase() !== 'READY',
  );
  if (notReady.length === 0) {
    return {
      id: 'export',
      label,
      ok: true,
      detail: text('exportOk', {
        clusters: service.exports.map(e => e.cluster).join(', '),
      }),
    };
  }
  return {
    id: 'export',
    label,
    ok: false,
    detail: text('exportNotReady', {
      list: notReady.map(e => `${e.cluster}: ${e.status}`).join('; '),
    }),
  };
}

function importsStep(
  service: SliceService,
  context: ChecklistContext,
): ChecklistItem {
  const label = text('importsLabel');
  const importedOn = new Set(
    service.imports.filter(i => i.status !== 'MISSING').map(i => i.cluster),
  );
  const missing = context.members.filter(m => !importedOn.has(m));
  if (missing.length > 0) {
    return {
      id: 'imports',
      label,
      ok: false,
      detail: text('importsMissing', { clusters: missing.join(', ') }),
    };
  }
  const unknown = service.imports.filter(i => i.status === 'UNKNOWN');
  if (unknown.length > 0) {
    return {
      id: 'imports',
      label,
      ok: undefined,
      detail: text('importsUnknown', {
        clusters: unknown.map(i => i.cluster).join(', '),
      }),
    };
  }
  return {
    id: 'imports',
    label,
    ok: true,
    detail: text('importsOk', { n: String(context.members.length) }),
  };
}

function endpointsStep(service: SliceService): ChecklistItem {
  const label = text('endpointsLabel');
  if (service.endpoints.length === 0) {
    return {
      id: 'endpoints',
      label,
      ok: false,
      detail: text('endpointsNone'),
    };
  }
  const empty = service.imports.filter(
    i => i.status !== 'MISSING' && i.endpoints === 0,
  );
  if (empty.length > 0) {
    return {
      id: 'endpoints',
      label,
      ok: false,
      detail: text('endpointsEmpty', {
        clusters: empty.map(i => i.cluster).join(', '),
      }),
    };
  }
  const clusters = [...new Set(service.endpoints.map(e => e.cluster))];
  return {
    id: 'endpoints',
    label,
    ok: true,
    detail: text('endpointsOk', {
      n: String(service.endpoints.length),
      clusters: clusters.join(', '),
    }),
  };
}

function tunnelsStep(
  service: SliceService,
  context: ChecklistContext,
): ChecklistItem {
  const label = text('tunnelsLabel');
  const exporters = service.exportedFrom;
  if (exporters.length === 0) {
    return {
      id: 'tunnels',
      label,
      ok: undefined,
      detail: text('tunnelsNothing'),
    };
  }
  const needed = context.tunnels.filter(
    t =>
      (exporters.includes(t.a) || exporters.includes(t.b)) &&
      context.members.includes(t.a) &&
      context.members.includes(t.b),
  );
  const notUp = needed.filter(t => t.state !== 'UP');
  return {
    id: 'tunnels',
    label,
    ok: notUp.length === 0,
    detail:
      notUp.length === 0
        ? text('tunnelsOk', { n: String(needed.length) })
        : text('tunnelsNotUp', {
            list: notUp.map(t => `${t.a} ↔ ${t.b} ${t.state}`).join('; '),
          }),
  };
}

/**
 * Walks the path a request to an exported service takes, in order: the namespace is on
 * the slice where the service runs, the worker accepted the export, every member imported
 * it, the imports have endpoints, and the tunnels from the importers to the exporters are up.
 */
export function exportChecklist(
  service: SliceService,
  context: ChecklistContext,
): ChecklistItem[] {
  return [
    namespaceStep(service, context),
    exportStep(service),
    importsStep(service, context),
    endpointsStep(service),
    tunnelsStep(service, context),
  ];
}
