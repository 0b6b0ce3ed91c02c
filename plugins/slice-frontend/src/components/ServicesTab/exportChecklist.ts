import type {
  NamespaceOnCluster,
  SliceService,
  Tunnel,
} from '@slice-portal/plugin-slice-common';
import type { servicesMessages } from '../../messages/services';

/**
 * A text of the checklist, untranslated: a key of `services.checklist` in sliceTranslationRef
 * and its interpolation values (the component translates it).
 */
export interface ChecklistText {
  key: keyof typeof servicesMessages.checklist;
  values?: Record<string, string>;
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
